package org.duban.ui.tasks.detail;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.duban.i18n.Messages;
import org.duban.model.Milestone;
import org.duban.ui.common.DateFields;
import org.duban.ui.common.FormParts;
import org.duban.ui.common.LedgerAccess;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * 节点: the chosen unit's milestones with their state (done, late, open), a one-line form to add one (for this
 * unit or every unit of the task), and marking one done (Space) or deleting it.
 */
final class MilestonesTab {
    private final TaskDetailViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TableView<Milestone> table = new TableView<>();
    private final Button done = new Button(Messages.tr("detail.milestone.done"), new FontIcon("mdi2c-check"));

    MilestonesTab(TaskDetailViewModel vm) {
        this.vm = vm;
        ProgressForm f = vm.progressForm();
        TextField name = FormParts.text("milestoneNameField", "milestone.field.name", f.milestoneNameProperty());
        name.setPromptText(Messages.tr("detail.milestone.namePrompt"));
        HBox.setHgrow(name, Priority.ALWAYS);
        DatePicker due = DateFields.picker("milestoneDuePicker", Messages.tr("milestone.field.due"));
        due.valueProperty().bindBidirectional(f.milestoneDueProperty());
        CheckBox all = new CheckBox(Messages.tr("detail.milestone.forAll"));
        all.setId("milestoneForAllCheck");
        all.selectedProperty().bindBidirectional(f.milestoneForAllProperty());
        Button add = new Button(Messages.tr("detail.milestone.add"), new FontIcon("mdi2p-plus"));
        add.setId("addMilestoneButton");
        add.setAccessibleText(Messages.tr("detail.milestone.add"));
        add.getStyleClass().add("accent");
        add.disableProperty().bind(f.milestoneSavingProperty().or(vm.selectedProperty().isNull())
                .or(vm.selectedWithdrawnProperty()));
        Runnable submit = () -> {
            DateFields.commit(due);
            f.addMilestone(name::requestFocus);
        };
        add.setOnAction(e -> submit.run());
        name.setOnAction(e -> due.requestFocus());
        due.getEditor().setOnAction(e -> submit.run());

        LedgerAccess access = vm.services().access();
        done.setId("milestoneDoneButton");
        done.setAccessibleText(Messages.tr("detail.milestone.done"));
        access.writes(done, table.getSelectionModel().selectedItemProperty().isNull());
        done.setOnAction(e -> toggleSelected());
        Button delete = new Button(Messages.tr("detail.milestone.delete"), new FontIcon("mdi2d-delete-outline"));
        delete.setId("deleteMilestoneButton");
        delete.setAccessibleText(Messages.tr("detail.milestone.delete"));
        access.writes(delete, table.getSelectionModel().selectedItemProperty().isNull());
        delete.setOnAction(e -> {
            Milestone m = table.getSelectionModel().getSelectedItem();
            if (m != null) {
                f.delete(m);
            }
        });

        HBox form = new HBox(8, FormParts.labelled("milestone.field.name", name), FormParts.labelled("milestone.field.due", due),
                all, add);
        form.setAlignment(Pos.BOTTOM_LEFT);
        HBox.setHgrow(form.getChildren().get(0), Priority.ALWAYS);
        access.writes(form);
        VBox top = new VBox(6, form, FormParts.error("milestoneError", f.milestoneErrorProperty()));
        top.setPadding(new Insets(12, 12, 8, 12));
        root.setTop(top);
        root.setCenter(table());
        HBox actions = new HBox(8, done, delete);
        actions.setPadding(new Insets(8, 12, 12, 12));
        root.setBottom(actions);
        BorderPane.setMargin(root.getCenter(), new Insets(0, 12, 0, 12));
    }

    /** The done button, or Space in the table while the button could be pressed. */
    private void toggleSelected() {
        Milestone m = table.getSelectionModel().getSelectedItem();
        if (m != null && !done.isDisabled()) {
            vm.progressForm().toggleDone(m);
        }
    }

    private TableView<Milestone> table() {
        table.setItems(vm.milestones());
        table.setId("milestoneTable");
        table.setAccessibleText(Messages.tr("detail.tab.milestones"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(Messages.tr("detail.milestone.none")));
        TableColumn<Milestone, String> name = FormParts.column("milestone.field.name", Milestone::name, 420);
        TableColumn<Milestone, String> due = FormParts.column("milestone.field.due", m -> DateFields.text(m.dueOn()), 120);
        TableColumn<Milestone, String> done = FormParts.column("milestone.field.done", m -> DateFields.text(m.doneOn()), 120);
        TableColumn<Milestone, String> state = FormParts.column("detail.column.state", this::state, 140);
        table.getColumns().setAll(java.util.List.of(name, due, done, state));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Milestone m, boolean empty) {
                super.updateItem(m, empty);
                getStyleClass().remove("late-row");
                if (!empty && m != null && m.isLateOn(vm.today())) {
                    getStyleClass().add("late-row");
                }
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.SPACE) {
                toggleSelected();
                e.consume();
            }
        });
        return table;
    }

    private String state(Milestone m) {
        if (m.doneOn() != null) {
            return m.doneOn().isAfter(m.dueOn()) ? Messages.tr("detail.milestone.doneLate") : Messages.tr("detail.milestone.doneOnTime");
        }
        return m.isLateOn(vm.today()) ? Messages.tr("detail.milestone.late") : Messages.tr("detail.milestone.open");
    }

    Node root() {
        return root;
    }
}
