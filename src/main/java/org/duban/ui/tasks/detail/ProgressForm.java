package org.duban.ui.tasks.detail;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.duban.i18n.Messages;
import org.duban.model.Milestone;
import org.duban.service.tracking.ProgressService;

/**
 * The quick forms of the 进展 and 节点 tabs: a report is date (today unless changed), percent, text, reporter and
 * optional files; a milestone is a name and a due date, for the chosen unit or for every unit of the task.
 * After a save the fields a user changes each time are cleared and the date and reporter stay.
 */
public final class ProgressForm {
    private final TaskDetailViewModel vm;
    private final ObjectProperty<LocalDate> reportDate = new SimpleObjectProperty<>();
    private final StringProperty percent = new SimpleStringProperty("");
    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty reporter = new SimpleStringProperty("");
    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private final StringProperty reportError = new SimpleStringProperty("");
    private final BooleanProperty reportSaving = new SimpleBooleanProperty(false);

    private final StringProperty milestoneName = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> milestoneDue = new SimpleObjectProperty<>();
    private final BooleanProperty milestoneForAll = new SimpleBooleanProperty(false);
    private final StringProperty milestoneError = new SimpleStringProperty("");
    private final BooleanProperty milestoneSaving = new SimpleBooleanProperty(false);

    ProgressForm(TaskDetailViewModel vm) {
        this.vm = vm;
    }

    /** After loading or choosing another unit: a fresh date, the unit's usual reporter, no stale errors. */
    void reset(String usualReporter) {
        if (reportDate.get() == null) {
            reportDate.set(vm.today());
        }
        reporter.set(usualReporter == null ? "" : usualReporter);
        reportError.set("");
        milestoneError.set("");
    }

    /** Adds the report to the chosen unit's share; {@code onSaved} runs once it is stored and shown. */
    public void addReport(Runnable onSaved) {
        Long assignment = vm.selectedAssignmentId();
        if (assignment == null) {
            return;
        }
        var input = new ProgressService.ReportInput(reportDate.get(), percent.get(), text.get(), reporter.get());
        List<Path> chosen = List.copyOf(files);
        var s = vm.services();
        vm.change(() -> s.progress().addReport(assignment, input, s.evidence().read(chosen)), reportError,
                reportSaving, r -> {
                    percent.set("");
                    text.set("");
                    files.clear();
                    onSaved.run();
                });
    }

    /** Asks for evidence files to send with the next report. */
    public void chooseFiles() {
        files.setAll(vm.services().dialogs().chooseFiles(Messages.tr("evidence.chooser.title")));
    }

    /** Adds the milestone to the chosen unit, or to every unit of the task. */
    public void addMilestone(Runnable onSaved) {
        Long assignment = vm.selectedAssignmentId();
        if (assignment == null) {
            return;
        }
        String name = milestoneName.get();
        LocalDate due = milestoneDue.get();
        boolean all = milestoneForAll.get();
        var p = vm.services().progress();
        vm.change(() -> all ? p.addMilestoneToAll(vm.taskId(), name, due) : List.of(p.addMilestone(assignment, name, due)),
                milestoneError, milestoneSaving, r -> {
                    milestoneName.set("");
                    onSaved.run();
                });
    }

    /** Marks a milestone done today, or open again. */
    public void toggleDone(Milestone m) {
        LocalDate day = m.doneOn() == null ? vm.today() : null;
        vm.change(() -> vm.services().progress().setMilestoneDone(m.id(), day), milestoneError, milestoneSaving,
                r -> { });
    }

    /** Deletes a milestone after asking. */
    public void delete(Milestone m) {
        boolean ok = vm.services().dialogs().confirmDestructive(Messages.tr("milestone.delete.title"),
                Messages.tr("milestone.delete.message", m.name()), Messages.tr("milestone.delete.ok"));
        if (ok) {
            vm.change(() -> {
                vm.services().progress().deleteMilestone(m.id());
                return m;
            }, milestoneError, milestoneSaving, r -> { });
        }
    }

    public ObjectProperty<LocalDate> reportDateProperty() {
        return reportDate;
    }

    /**
     * Saves what is typed (the report, then the milestone); {@code then} runs once both are stored. A refused save
     * shows its reason under the form and keeps the text.
     */
    public void saveTyped(Runnable then) {
        Runnable milestone = () -> {
            if (milestoneName.get() != null && !milestoneName.get().isBlank()) {
                addMilestone(then);
            } else {
                then.run();
            }
        };
        if (!percent.get().isBlank() || !text.get().isBlank() || !files.isEmpty()) {
            addReport(milestone);
        } else {
            milestone.run();
        }
    }

    /** Throws away what is typed for a report or milestone; the date and reporter stay. */
    public void discardTyped() {
        percent.set("");
        text.set("");
        files.clear();
        milestoneName.set("");
        reportError.set("");
        milestoneError.set("");
    }

    /** Something typed or attached for a report or milestone not yet added (what Esc would throw away). */
    public boolean isDirty() {
        return !percent.get().isBlank() || !text.get().isBlank() || !files.isEmpty()
                || milestoneName.get() != null && !milestoneName.get().isBlank();
    }

    public StringProperty percentProperty() {
        return percent;
    }

    public StringProperty textProperty() {
        return text;
    }

    public StringProperty reporterProperty() {
        return reporter;
    }

    public ObservableList<Path> files() {
        return files;
    }

    public StringProperty reportErrorProperty() {
        return reportError;
    }

    public BooleanProperty reportSavingProperty() {
        return reportSaving;
    }

    public StringProperty milestoneNameProperty() {
        return milestoneName;
    }

    public ObjectProperty<LocalDate> milestoneDueProperty() {
        return milestoneDue;
    }

    public BooleanProperty milestoneForAllProperty() {
        return milestoneForAll;
    }

    public StringProperty milestoneErrorProperty() {
        return milestoneError;
    }

    public BooleanProperty milestoneSavingProperty() {
        return milestoneSaving;
    }
}
