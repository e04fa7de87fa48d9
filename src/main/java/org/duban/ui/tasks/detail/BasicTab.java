package org.duban.ui.tasks.detail;

import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.duban.i18n.Messages;
import org.duban.model.ReportingCycle;
import org.duban.model.Task;
import org.duban.model.WarningLight;
import org.duban.service.tracking.AssignmentState;
import org.duban.service.tracking.TaskDetail;
import org.duban.ui.common.DateFields;
import org.duban.ui.common.FormParts;
import org.duban.ui.common.LightBadge;

/** 基本信息: the task's fields, each unit's state, 举一反三 links, inspection findings and 挂牌督办. */
final class BasicTab {
    private final TaskDetailViewModel vm;
    private final GridPane fields = new GridPane();
    private final VBox links = new VBox(4);
    private final ScrollPane root;

    BasicTab(TaskDetailViewModel vm) {
        this.vm = vm;
        fields.getStyleClass().add("form-grid");
        fields.setHgap(16);
        fields.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(90);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        fields.getColumnConstraints().addAll(labels, values);
        VBox box = new VBox(10, fields, FormParts.heading("detail.basic.units"), unitsTable(), restoreRow(),
                FormParts.heading("detail.basic.links"), links, FormParts.heading("detail.basic.supervision"), supervision());
        box.setPadding(new Insets(12));
        root = new ScrollPane(box);
        root.setFitToWidth(true);
        root.setId("basicPane");
        vm.detailProperty().addListener((obs, o, d) -> show(d));
    }

    private void show(TaskDetail d) {
        fields.getChildren().clear();
        links.getChildren().clear();
        if (d == null) {
            return;
        }
        Task t = d.task();
        int row = 0;
        row = field(row, "task.field.source", t.source() + (t.category().isEmpty() ? "" : "　" + t.category()));
        row = field(row, "task.field.problem", t.problem());
        row = field(row, "task.field.target", t.target());
        row = field(row, "task.field.measures", t.measures());
        row = field(row, "task.field.units", t.unitIds().stream().map(vm::unitName).collect(Collectors.joining("、")));
        if (t.hasLeadUnit()) {
            row = field(row, "task.field.leadUnit", vm.unitName(t.leadUnitId()));
        }
        row = field(row, "task.field.supportingUnits", t.supportingUnits());
        row = field(row, "task.field.leader", t.leader());
        row = field(row, "task.field.deadline", t.deadline().phrase() + "　" + deadlineHint(t));
        field(row, "task.field.remarks", t.remarks());

        if (d.origin() != null) {
            links.getChildren().add(link(Messages.tr("detail.basic.origin", d.origin().seq(), d.origin().problem())));
        }
        for (Task a : d.analogues()) {
            links.getChildren().add(link(Messages.tr("detail.basic.analogue", a.seq(), a.problem())));
        }
        d.findings().forEach(f -> links.getChildren().add(link(Messages.tr("detail.basic.finding", f.text()))));
        if (links.getChildren().isEmpty()) {
            links.getChildren().add(link(Messages.tr("detail.basic.noLinks")));
        }
    }

    private static String deadlineHint(Task t) {
        if (t.deadline().isOngoing()) {
            return Messages.tr("task.form.deadlineHint.ongoing");
        }
        return t.deadline().dueDate().map(d -> Messages.tr("task.form.deadlineHint.date",
                d.format(DateTimeFormatter.ISO_LOCAL_DATE))).orElse(Messages.tr("task.form.deadlineHint.immediate"));
    }

    private static Label link(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        return l;
    }

    private int field(int row, String key, String value) {
        Label l = new Label(Messages.tr(key));
        l.getStyleClass().add("form-label");
        Label v = new Label(value == null || value.isBlank() ? "—" : value);
        v.setWrapText(true);
        v.getStyleClass().add("detail-value");
        fields.add(l, 0, row);
        fields.add(v, 1, row);
        GridPane.setValignment(l, javafx.geometry.VPos.TOP);
        return row + 1;
    }

    private TableView<AssignmentState> unitsTable() {
        TableView<AssignmentState> table = new TableView<>(vm.assignments());
        table.setId("unitStatesTable");
        table.setAccessibleText(Messages.tr("detail.basic.units"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(30);
        table.prefHeightProperty().bind(Bindings.size(vm.assignments()).multiply(30).add(48));
        table.minHeightProperty().bind(table.prefHeightProperty());
        TableColumn<AssignmentState, String> unit = FormParts.column("task.field.units", s -> vm.unitName(s.unitId()), 150);
        TableColumn<AssignmentState, WarningLight> light = new TableColumn<>(Messages.tr("tasks.column.light"));
        // a withdrawn share has no light: it counts nowhere
        light.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(
                vm.isWithdrawn(c.getValue()) ? null : c.getValue().light()));
        light.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(WarningLight item, boolean empty) {
                super.updateItem(item, empty);
                LightBadge.show(this, empty ? null : item);
            }
        });
        light.setPrefWidth(80);
        TableColumn<AssignmentState, String> status = FormParts.column("task.field.status",
                s -> vm.isWithdrawn(s) ? Messages.tr("detail.withdrawn.short")
                        : Messages.tr("status." + s.status().name()), 110);
        TableColumn<AssignmentState, String> why = FormParts.column("detail.column.reasons",
                s -> vm.isWithdrawn(s) ? vm.withdrawnText(s) : Texts.reasons(s), 200);
        TableColumn<AssignmentState, String> progress = FormParts.column("detail.column.progress", Texts::progress, 170);
        TableColumn<AssignmentState, String> latest = FormParts.column("detail.column.latest",
                s -> s.latest().map(r -> DateFields.text(r.reportedOn())).orElse("—"), 100);
        TableColumn<AssignmentState, String> stage = FormParts.column("detail.column.closeOut",
                s -> Texts.stage(s.closeOut() == null ? null : s.closeOut().stageOn(s.asOf())), 120);
        table.getColumns().setAll(java.util.List.of(unit, light, status, why, progress, latest, stage));
        // a withdrawn share (已撤出) stays on the list, greyed: its records are kept and it counts nowhere
        table.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(AssignmentState item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("withdrawn");
                if (!empty && vm.isWithdrawn(item)) {
                    getStyleClass().add("withdrawn");
                }
            }
        });
        vm.selectedProperty().addListener((obs, o, n) -> {
            if (n != null && table.getSelectionModel().getSelectedItem() != n) {
                table.getSelectionModel().select(n);
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, o, n) -> {
            if (n != null) {
                vm.selectedProperty().set(n);
            }
        });
        return table;
    }

    /** Under the units: what a withdrawn share is, and 恢复 for the one chosen. */
    private Node restoreRow() {
        Label note = new Label();
        note.setId("withdrawnNote");
        note.setWrapText(true);
        note.getStyleClass().add("hint-label");
        note.textProperty().bind(Bindings.createStringBinding(() -> {
            var s = vm.selectedProperty().get();
            return vm.isWithdrawn(s) ? Messages.tr("detail.withdrawn.note", vm.unitName(s.unitId()), vm.withdrawnText(s))
                    : "";
        }, vm.selectedProperty(), vm.detailProperty()));
        Button restore = new Button(Messages.tr("detail.withdrawn.restore"));
        restore.setId("restoreShareButton");
        restore.setAccessibleText(Messages.tr("detail.withdrawn.restore"));
        restore.setOnAction(e -> vm.restoreSelected());
        restore.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        vm.services().access().writes(restore);
        HBox row = new HBox(8, restore, note);
        row.setAlignment(Pos.CENTER_LEFT);
        row.visibleProperty().bind(vm.selectedWithdrawnProperty());
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    private Node supervision() {
        SupervisionForm f = vm.supervisionForm();
        Label state = new Label();
        state.setId("supervisionState");
        state.setWrapText(true);
        state.textProperty().bind(Bindings.createStringBinding(() -> {
            TaskDetail d = vm.detailProperty().get();
            if (d == null || !d.tracking().supervised()) {
                return Messages.tr("detail.supervision.none");
            }
            var s = d.tracking().supervision();
            return Messages.tr(d.tracking().supervisionReportOverdue() ? "detail.supervision.overdue"
                    : "detail.supervision.on", s.leader(), DateFields.text(s.since()),
                    Messages.tr("supervision.cycle." + s.cycle().name()));
        }, vm.detailProperty()));

        TextField leader = FormParts.text("leaderField", "supervision.field.leader", f.leaderProperty());
        leader.setPromptText(Messages.tr("detail.supervision.leaderPrompt"));
        leader.setPrefWidth(200);
        DatePicker since = DateFields.picker("supervisionSincePicker", Messages.tr("supervision.field.since"));
        since.valueProperty().bindBidirectional(f.sinceProperty());
        ComboBox<ReportingCycle> cycle = new ComboBox<>(FXCollections.observableArrayList(ReportingCycle.values()));
        cycle.setId("cycleChoice");
        cycle.setAccessibleText(Messages.tr("supervision.field.cycle"));
        cycle.valueProperty().bindBidirectional(f.cycleProperty());
        cycle.setButtonCell(new CycleCell());
        cycle.setCellFactory(l -> new CycleCell());
        TextField note = FormParts.text("supervisionNoteField", "supervision.field.note", f.noteProperty());
        HBox.setHgrow(note, Priority.ALWAYS);

        Button save = new Button();
        save.setId("superviseButton");
        save.textProperty().bind(Bindings.when(f.supervisedProperty())
                .then(Messages.tr("detail.supervision.save")).otherwise(Messages.tr("detail.supervision.start")));
        save.setAccessibleText(Messages.tr("detail.supervision.start"));
        save.disableProperty().bind(f.savingProperty());
        save.setOnAction(e -> f.save());
        Button end = new Button(Messages.tr("detail.supervision.end"));
        end.setId("endSupervisionButton");
        end.setAccessibleText(Messages.tr("detail.supervision.end"));
        end.visibleProperty().bind(f.supervisedProperty());
        end.managedProperty().bind(f.supervisedProperty());
        end.setOnAction(e -> f.end());

        HBox row = new HBox(8, FormParts.labelled("supervision.field.leader", leader),
                FormParts.labelled("supervision.field.since", since), FormParts.labelled("supervision.field.cycle", cycle),
                FormParts.labelled("supervision.field.note", note));
        row.setAlignment(Pos.BOTTOM_LEFT);
        HBox buttons = new HBox(8, save, end);
        vm.services().access().writes(row);
        vm.services().access().writes(buttons);
        return new VBox(6, state, row, buttons, FormParts.error("supervisionError", f.errorProperty()));
    }

    private static final class CycleCell extends ListCell<ReportingCycle> {
        @Override
        protected void updateItem(ReportingCycle item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : Messages.tr("supervision.cycle." + item.name()));
        }
    }

    Node root() {
        return root;
    }
}
