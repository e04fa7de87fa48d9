package org.duban.ui.importer;

import java.util.function.DoubleConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.duban.i18n.Messages;
import org.duban.service.importer.ImportPlan;
import org.duban.service.importer.ImportResult;
import org.duban.service.importer.ImportUndo;
import org.duban.service.importer.PlannedRow;
import org.duban.ui.common.DialogService;
import org.duban.ui.common.TaskRunner;

/**
 * The import wizard's finish page: what the import did (its result and the rows it changed) and 撤销本次导入 —
 * whether the import can still be undone, asked in the background, and the undo itself, which restores the backup
 * taken before the import (refused if anything was written since).
 */
final class ImportOutcome {
    private final ImportUndo undo;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final BooleanProperty busy;
    private final DoubleConsumer progress;
    private final ObjectProperty<ImportResult> result = new SimpleObjectProperty<>();
    private final ObservableList<PlannedRow> changedRows = FXCollections.observableArrayList();
    private final BooleanProperty undoPossible = new SimpleBooleanProperty(false);
    private final StringProperty undoText = new SimpleStringProperty("");
    private Runnable onUndone = () -> { };

    /**
     * @param undo     undoes an import (null: the finish page offers no undo)
     * @param busy     the wizard's busy flag, set while the undo runs
     * @param progress takes the undo's progress from the background thread
     */
    ImportOutcome(ImportUndo undo, TaskRunner runner, DialogService dialogs, BooleanProperty busy,
                  DoubleConsumer progress) {
        this.undo = undo;
        this.runner = runner;
        this.dialogs = dialogs;
        this.busy = busy;
        this.progress = progress;
    }

    void setOnUndone(Runnable r) {
        this.onUndone = r;
    }

    /** The import is done: its result, and the rows it added, changed or withdrew shares from. */
    void show(ImportResult r) {
        result.set(r);
        changedRows.setAll(r.plan().rows().stream().filter(x -> x.change() != PlannedRow.Change.UNCHANGED
                || !x.withdrawals().isEmpty()).toList());
    }

    /** Whether the import can still be undone, and what the finish page says about it. */
    void refreshUndo() {
        ImportResult r = result.get();
        if (r == null || undo == null) {
            undoPossible.set(false);
            undoText.set(r == null || r.run().backupFile().isEmpty() ? ""
                    : Messages.tr("import.undo.backup", r.run().backupFile()));
            return;
        }
        runner.run(() -> undo.state(r), s -> {
            undoPossible.set(s.possible());
            if (s.backup() == null) {
                undoText.set(Messages.tr("import.undo.noBackup", r.run().fileName()));
            } else if (s.possible()) {
                undoText.set(Messages.tr("import.undo.backup", s.backup().getFileName()));
            } else if (s.writtenRows() > 0) {
                undoText.set(Messages.tr("import.undo.since", s.writtenRows(), s.lastOperator(),
                        s.backup().getFileName()));
            } else {
                undoText.set(Messages.tr("import.undo.sinceOther", s.backup().getFileName()));
            }
        }, e -> undoText.set(DialogService.messageOf(e)));
    }

    /** 撤销本次导入: asks, then restores the backup taken before the import (refused if anything was written since). */
    void undoImport() {
        ImportResult r = result.get();
        if (r == null || undo == null || busy.get()) {
            return;
        }
        if (!dialogs.confirmDestructive(Messages.tr("import.undo.title"), Messages.tr("import.undo.confirm", r.run().fileName(),
                r.run().backupFile()), Messages.tr("import.undo.ok"))) {
            return;
        }
        busy.set(true);
        runner.run(() -> undo.undo(r, progress), backup -> {
            busy.set(false);
            undoPossible.set(false);
            undoText.set(Messages.tr("import.undo.done", backup.getFileName()));
            onUndone.run();
        }, e -> {
            busy.set(false);
            refreshUndo();
            dialogs.showError(Messages.tr("import.undo.title"), DialogService.messageOf(e), e);
        });
    }

    /** The result line. */
    String summary() {
        ImportResult r = result.get();
        if (r == null) {
            return "";
        }
        ImportPlan p = r.plan();
        return Messages.tr("import.result", r.meeting().title(), p.count(PlannedRow.Change.ADDED),
                p.count(PlannedRow.Change.UPDATED), p.count(PlannedRow.Change.UNCHANGED), p.assignmentCount())
                + (p.withdrawals().isEmpty() ? "" : Messages.tr("import.result.withdrawn", p.withdrawals().size()));
    }

    ObjectProperty<ImportResult> resultProperty() {
        return result;
    }

    ObservableList<PlannedRow> changedRows() {
        return changedRows;
    }

    BooleanProperty undoPossibleProperty() {
        return undoPossible;
    }

    StringProperty undoTextProperty() {
        return undoText;
    }
}
