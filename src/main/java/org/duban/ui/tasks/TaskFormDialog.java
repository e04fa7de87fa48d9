package org.duban.ui.tasks;

import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.duban.i18n.Messages;
import org.duban.model.Unit;
import org.duban.service.tasks.TaskField;
import org.duban.ui.common.Theme;

/**
 * The add/edit form. It stays open until the task is saved, so a failed save never loses what was typed;
 * errors show under the field they concern.
 */
final class TaskFormDialog {
    private final TaskFormViewModel vm;
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final GridPane grid = new GridPane();
    private int row;

    TaskFormDialog(TaskFormViewModel vm, Window owner, java.util.List<String> knownSources,
                   java.util.List<String> knownCategories, org.duban.ui.common.DialogService dialogs) {
        this.vm = vm;
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setResizable(true);
        dialog.setTitle(Messages.tr(vm.isNew() ? "task.form.newTitle" : "task.form.editTitle"));
        dialog.setHeaderText(vm.meeting().title() + "  " + vm.meeting().heldOn());
        Theme.style(dialog.getDialogPane());

        grid.getStyleClass().add("form-grid");
        grid.setPadding(new Insets(4, 8, 4, 8));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(80);
        ColumnConstraints inputs = new ColumnConstraints();
        inputs.setHgrow(Priority.ALWAYS);
        inputs.setPrefWidth(560);
        grid.getColumnConstraints().addAll(labels, inputs);

        TextField seq = textField(TaskField.SEQ, "seqField");
        seq.setMaxWidth(120);
        add(TaskField.SEQ, seq, true);
        add(TaskField.SOURCE, comboField(TaskField.SOURCE, "sourceField", knownSources), true);
        add(TaskField.CATEGORY, comboField(TaskField.CATEGORY, "categoryField", knownCategories), false);
        add(TaskField.PROBLEM, textArea(TaskField.PROBLEM, "problemField", 3), true);
        add(TaskField.TARGET, textArea(TaskField.TARGET, "targetField", 2), false);
        add(TaskField.MEASURES, textArea(TaskField.MEASURES, "measuresField", 3), false);
        add(TaskField.LEAD_UNIT, leadUnitField(), false);
        add(TaskField.UNITS, unitsField(), true);
        add(TaskField.SUPPORTING_UNITS, textField(TaskField.SUPPORTING_UNITS, "supportingUnitsField"), false);
        add(TaskField.LEADER, textField(TaskField.LEADER, "leaderField"), false);
        add(TaskField.DEADLINE, deadlineField(), true);
        add(TaskField.REMARKS, textField(TaskField.REMARKS, "remarksField"), false);

        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(560);
        VBox content = new VBox(8, conflictBanner(), scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        dialog.getDialogPane().setContent(content);

        ButtonType save = new ButtonType(Messages.tr("common.save"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(Messages.tr("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(save, cancel);
        Button saveButton = (Button) dialog.getDialogPane().lookupButton(save);
        saveButton.setId("saveButton");
        saveButton.disableProperty().bind(vm.savingProperty());
        Button cancelButton = (Button) dialog.getDialogPane().lookupButton(cancel);
        cancelButton.setId("cancelButton");
        // Esc, 取消 and the close box ask before throwing typed text away
        cancelButton.addEventFilter(ActionEvent.ACTION, e -> {
            if (org.duban.ui.common.FormGuard.mayDiscard(vm.isDirty(), dialogs)) {
                discardAgreed = true;
            } else {
                e.consume();
            }
        });
        dialog.setOnCloseRequest(e -> {
            if (dialog.getResult() == ButtonType.OK || discardAgreed) {
                return; // saved, or the user already said yes
            }
            if (org.duban.ui.common.FormGuard.mayDiscard(vm.isDirty(), dialogs)) {
                discardAgreed = true;
            } else {
                e.consume();
            }
        });
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // the dialog closes only once the task is saved
            afterSaved = null; // the user's own save: a close of the window refused before stays given up
            onSave.accept(vm);
        });
    }

    private Consumer<TaskFormViewModel> onSave = x -> { };
    /** The user agreed to throw the typed text away: the close that follows does not ask again. */
    private boolean discardAgreed;

    /** Runs once the task is stored, for a save asked for by closing the main window (保存). */
    private Runnable afterSaved;

    /** The form as closing the main window sees it: 保存 saves it as the button does, 不保存 closes it. */
    private final org.duban.ui.common.OpenForms.Form typed = new org.duban.ui.common.OpenForms.Form() {
        @Override
        public String what() {
            return vm.isNew() ? Messages.tr("unsaved.forms.newTask")
                    : Messages.tr("unsaved.forms.editTask", vm.field(TaskField.SEQ).get());
        }

        @Override
        public boolean isDirty() {
            return dialog.isShowing() && vm.isDirty();
        }

        @Override
        public void save(Runnable then) {
            afterSaved = then;
            onSave.accept(vm); // refused: the errors show under their fields, the form stays, then does not run
        }

        @Override
        public void discard() {
            discardAgreed = true;
            dialog.close();
        }
    };

    /** Shows the form (not blocking); {@code save} is called with the form when the user saves. */
    void show(Consumer<TaskFormViewModel> save) {
        this.onSave = save;
        Window owner = dialog.getOwner();
        org.duban.ui.common.OpenForms.track(owner, typed);
        dialog.showingProperty().addListener((o, was, showing) -> {
            if (!showing) {
                org.duban.ui.common.OpenForms.forget(owner, typed);
            }
        });
        dialog.show();
        Node first = dialog.getDialogPane().lookup("#problemField");
        if (first != null) {
            first.requestFocus();
        }
    }

    void onHidden(Runnable r) {
        dialog.setOnHidden(e -> r.run());
    }

    /** The task is saved: the form closes (and a close of the main window waiting for it goes on). */
    void close() {
        dialog.setResult(ButtonType.OK);
        dialog.close();
        Runnable then = afterSaved;
        afterSaved = null;
        if (then != null) {
            then.run();
        }
    }

    /**
     * Shown when another seat saved the task first: who and when, that the form now shows the newest values, and the
     * user's own changes (not saved) with a button that puts them back over the newest values.
     */
    private Node conflictBanner() {
        Label message = new Label();
        message.setId("conflictMessage");
        message.setWrapText(true);
        message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // every line of it, not an ellipsis
        message.textProperty().bind(vm.conflictProperty());
        Label mineTitle = new Label(Messages.tr("task.form.conflict.mine"));
        mineTitle.getStyleClass().add("form-label");
        Label mine = new Label();
        mine.setId("conflictMine");
        mine.setWrapText(true);
        mine.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        mine.textProperty().bind(vm.mineProperty());
        Button reapply = new Button(Messages.tr("task.form.conflict.reapply"));
        reapply.setId("reapplyMineButton");
        reapply.setOnAction(e -> vm.reapplyMine());
        VBox yours = new VBox(4, mineTitle, mine, reapply);
        yours.visibleProperty().bind(vm.mineProperty().isNotEmpty());
        yours.managedProperty().bind(yours.visibleProperty());
        VBox banner = new VBox(6, message, yours);
        banner.setId("conflictBanner");
        banner.getStyleClass().add("warning-banner");
        banner.visibleProperty().bind(vm.conflictProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        banner.setMaxWidth(720);
        return banner;
    }

    private void add(TaskField field, Node input, boolean required) {
        String text = Messages.tr(field.labelKey()) + (required ? " *" : "");
        Label label = new Label(text);
        label.getStyleClass().add("form-label");
        label.setLabelFor(input);
        Label error = new Label();
        error.setId(idOf(field) + "Error");
        error.getStyleClass().add("field-error");
        error.textProperty().bind(vm.errorProperty(field));
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.setWrapText(true);
        VBox box = new VBox(2, input, error);
        GridPane.setHgrow(box, Priority.ALWAYS);
        grid.add(label, 0, row);
        grid.add(box, 1, row);
        row++;
        TextInputControl tic = input instanceof TextInputControl t ? t
                : input instanceof HBox h && h.getChildren().get(0) instanceof TextInputControl t2 ? t2
                : input instanceof ComboBox<?> c ? c.getEditor() : null;
        if (tic != null) {
            tic.setAccessibleText(text);
            vm.errorProperty(field).addListener((obs, o, n) -> {
                if (n.isEmpty()) {
                    tic.getStyleClass().remove("invalid");
                } else if (!tic.getStyleClass().contains("invalid")) {
                    tic.getStyleClass().add("invalid");
                }
            });
        }
    }

    private static String idOf(TaskField f) {
        String key = f.labelKey();
        return key.substring(key.lastIndexOf('.') + 1);
    }

    private TextField textField(TaskField field, String id) {
        TextField t = new TextField();
        t.setId(id);
        t.textProperty().bindBidirectional(vm.field(field));
        return t;
    }

    private TextArea textArea(TaskField field, String id, int rows) {
        TextArea t = new TextArea();
        t.setId(id);
        t.setWrapText(true);
        t.setPrefRowCount(rows);
        t.textProperty().bindBidirectional(vm.field(field));
        return t;
    }

    private ComboBox<String> comboField(TaskField field, String id, java.util.List<String> known) {
        ComboBox<String> c = new ComboBox<>();
        c.setId(id);
        c.setEditable(true);
        c.getItems().setAll(known);
        c.setMaxWidth(Double.MAX_VALUE);
        c.getEditor().textProperty().bindBidirectional(vm.field(field));
        return c;
    }

    private Node unitsField() {
        TextField t = textField(TaskField.UNITS, "unitsField");
        t.setPromptText(Messages.tr("task.form.unitsPrompt"));
        MenuButton pick = new MenuButton(Messages.tr("task.form.pickUnits"));
        pick.setId("pickUnitsButton");
        for (Unit u : vm.pickable()) {
            CheckMenuItem item = new CheckMenuItem(u.name());
            item.setOnAction(e -> vm.toggleUnit(u, item.isSelected()));
            pick.getItems().add(item);
        }
        pick.setOnShowing(e -> pick.getItems().forEach(i -> {
            CheckMenuItem c = (CheckMenuItem) i;
            c.setSelected(vm.units().stream().filter(u -> u.name().equals(c.getText())).anyMatch(vm::hasUnit));
        }));
        HBox box = new HBox(8, t, pick);
        HBox.setHgrow(t, Priority.ALWAYS);
        return box;
    }

    /**
     * 牵头单位: one unit of the roster or none. A choice, not typing: the units in service, and the task's present
     * lead unit even when it has been retired since (so that the form shows it and can clear it).
     */
    private ComboBox<String> leadUnitField() {
        ComboBox<String> c = new ComboBox<>();
        c.setId("leadUnitField");
        String none = Messages.tr("task.form.noLeadUnit");
        String current = vm.field(TaskField.LEAD_UNIT).get() == null ? "" : vm.field(TaskField.LEAD_UNIT).get().strip();
        c.getItems().add("");
        for (Unit u : vm.leadUnitChoices(current)) {
            c.getItems().add(u.name());
        }
        if (!current.isEmpty() && !c.getItems().contains(current)) {
            c.getItems().add(current); // a spelling the roster no longer reads: shown, and the validator says so
        }
        c.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String name) {
                return name == null || name.isEmpty() ? none : name;
            }

            @Override
            public String fromString(String text) {
                return text == null || text.equals(none) ? "" : text;
            }
        });
        c.setVisibleRowCount(16);
        c.setMaxWidth(Double.MAX_VALUE);
        c.valueProperty().bindBidirectional(vm.field(TaskField.LEAD_UNIT));
        return c;
    }

    private Node deadlineField() {
        TextField t = textField(TaskField.DEADLINE, "deadlineField");
        t.setPromptText(Messages.tr("task.form.deadlinePrompt"));
        Label hint = new Label();
        hint.setId("deadlineHint");
        hint.getStyleClass().add("hint-label");
        hint.textProperty().bind(Bindings.when(vm.errorProperty(TaskField.DEADLINE).isEmpty())
                .then(vm.deadlineHintProperty()).otherwise(""));
        HBox box = new HBox(12, t, hint);
        HBox.setHgrow(t, Priority.ALWAYS);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return box;
    }
}
