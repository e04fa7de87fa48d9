package org.duban.ui.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.duban.i18n.Messages;
import org.duban.model.Meeting;
import org.duban.model.Term;
import org.duban.service.excel.Grid;
import org.duban.service.importer.DifferentListException;
import org.duban.service.importer.ImportBlockedException;
import org.duban.service.importer.ImportColumn;
import org.duban.service.importer.ImportContext;
import org.duban.service.importer.ImportOptions;
import org.duban.service.importer.ImportPlan;
import org.duban.service.importer.ImportProblem;
import org.duban.service.importer.ImportResult;
import org.duban.service.importer.ImportTarget;
import org.duban.service.importer.ImportUndo;
import org.duban.service.importer.PlannedRow;
import org.duban.service.importer.TaskImporter;
import org.duban.service.tasks.TaskField;
import org.duban.ui.common.Choice;
import org.duban.ui.common.DialogService;
import org.duban.ui.common.FxThread;
import org.duban.ui.common.TaskRunner;

/**
 * The import wizard's state: file → preview with the column mapping → sources and categories → problems → the
 * change list → import → what changed, with the backup and 撤销本次导入. Reading the file and importing run through
 * the {@link TaskRunner}; re-planning after a mapping or naming change is pure and quick, so it runs at once.
 *
 * <p>Nothing that changes data is imported without being shown and confirmed: the change list puts every changed
 * problem text beside the old one and names every withdrawn share, and 导入 asks first, naming how many texts
 * change and how many shares are withdrawn. A file that is another list, not a revision of the meeting's, is said
 * to be so, with a new meeting proposed.
 *
 * <p>The plan, the user's choices it is made with and the lists the pages show from it are {@link PlanChoices}; the
 * finish page's result and undo are {@link ImportOutcome}. This class keeps the steps, the file and meeting chosen,
 * and the background work of reading the file and importing it.
 */
public final class ImportWizardViewModel {
    public enum Step { FILE, PREVIEW, NAMES, UNITS, PROBLEMS, CHANGES, RESULT }

    private final TaskImporter importer;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.FILE);
    private final StringProperty file = new SimpleStringProperty("");
    private final ObservableList<Choice<Meeting>> meetings = FXCollections.observableArrayList();
    private final ObjectProperty<Choice<Meeting>> meeting = new SimpleObjectProperty<>();
    private final StringProperty defaultSource = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty fileError = new SimpleStringProperty("");
    private final PlanChoices planned = new PlanChoices(meeting, defaultSource);
    private final ImportOutcome outcome;
    private java.util.function.Consumer<Meeting> onImported = m -> { };

    /**
     * @param meetingList  the meetings to import into, newest first
     * @param current      the meeting the checklist shows (preselected), or null
     * @param undo         undoes an import (null: the finish page offers no undo)
     */
    public ImportWizardViewModel(TaskImporter importer, ImportUndo undo, TaskRunner runner, DialogService dialogs,
                                 List<Meeting> meetingList, Meeting current) {
        this.importer = importer;
        this.runner = runner;
        this.dialogs = dialogs;
        this.outcome = new ImportOutcome(undo, runner, dialogs, busy, this::setProgress);
        for (Meeting m : meetingList) {
            meetings.add(new Choice<>(m, Messages.tr("import.meetingLabel", m.heldOn(), m.title())));
        }
        meetings.add(new Choice<>(null, Messages.tr("import.newMeeting")));
        meeting.set(meetings.stream().filter(c -> c.value() != null && current != null && c.value().id() == current.id())
                .findFirst().orElse(meetings.get(0)));
    }

    /** Without undo (tests of the steps before the finish page). */
    public ImportWizardViewModel(TaskImporter importer, TaskRunner runner, DialogService dialogs,
                                 List<Meeting> meetingList, Meeting current) {
        this(importer, null, runner, dialogs, meetingList, current);
    }

    /** Called on the FX thread after a successful import (the checklist reloads). */
    public void setOnImported(java.util.function.Consumer<Meeting> r) {
        this.onImported = r;
    }

    /** Called on the FX thread after an import was undone (every screen reloads: the ledger was restored). */
    public void setOnUndone(Runnable r) {
        outcome.setOnUndone(r);
    }

    /** The names the roster does not know, with the user's choices (the UNITS step). */
    public ObservableList<UnitChoice> unknownUnits() {
        return planned.unknownUnits();
    }

    private ImportTarget target() {
        Meeting m = meeting.get() == null ? null : meeting.get().value();
        return m == null ? new ImportTarget.NewMeeting("", importer.today()) : new ImportTarget.Existing(m.id());
    }

    /** Step 1 → 2: reads the file and the meeting's tasks in the background, then shows the preview. */
    public void readFile() {
        String text = file.get() == null ? "" : file.get().strip();
        if (text.isEmpty() || !Files.isRegularFile(Path.of(text))) {
            fileError.set(Messages.tr("import.file.missing"));
            return;
        }
        fileError.set("");
        busy.set(true);
        planned.clearChoices();
        ImportTarget target = target();
        runner.run(() -> new Loaded(importer.read(Path.of(text)), importer.context(target)), loaded -> {
            busy.set(false);
            planned.read(loaded.file(), loaded.context());
            step.set(Step.PREVIEW);
        }, e -> {
            busy.set(false);
            fileError.set(DialogService.messageOf(e));
        });
    }

    private record Loaded(TaskImporter.ImportFile file, ImportContext context) {
    }

    /** The user gives a column (0 = A) to a field, or to nothing (null). */
    public void mapColumn(int column, TaskField field) {
        planned.mapColumn(column, field);
    }

    /**
     * The user says which name a written source or category is: an existing one, or the written one kept as a new
     * name.
     */
    public void chooseName(Term.Kind kind, String written, String name) {
        planned.chooseName(kind, written, name);
    }

    /** The office's names of a kind (for the naming step's choices). */
    public List<String> knownNames(Term.Kind kind) {
        return planned.knownNames(kind);
    }

    /** Plans again with the current mapping, names and default source (pure, on the calling thread). */
    public void replan() {
        planned.replan();
    }

    public void next() {
        switch (step.get()) {
            case FILE -> readFile();
            case PREVIEW -> {
                replan();
                step.set(!names().isEmpty() ? Step.NAMES : !unknownUnits().isEmpty() ? Step.UNITS : Step.PROBLEMS);
            }
            case NAMES -> step.set(unknownUnits().isEmpty() ? Step.PROBLEMS : Step.UNITS);
            case UNITS -> step.set(Step.PROBLEMS);
            case PROBLEMS -> step.set(Step.CHANGES);
            default -> {
            }
        }
    }

    public void back() {
        switch (step.get()) {
            case PREVIEW -> step.set(Step.FILE);
            case NAMES -> step.set(Step.PREVIEW);
            case UNITS -> step.set(names().isEmpty() ? Step.PREVIEW : Step.NAMES);
            case PROBLEMS -> step.set(!unknownUnits().isEmpty() ? Step.UNITS : names().isEmpty() ? Step.PREVIEW : Step.NAMES);
            case CHANGES -> step.set(Step.PROBLEMS);
            default -> {
            }
        }
    }

    /** The file is another list: import it into a new meeting instead (the wizard's proposal). */
    public void importAsNewMeeting() {
        meetings.stream().filter(c -> c.value() == null).findFirst().ifPresent(meeting::set);
        if (planned.file() == null) {
            return;
        }
        busy.set(true);
        ImportTarget target = target();
        runner.run(() -> importer.context(target), ctx -> {
            busy.set(false);
            planned.setContext(ctx);
        }, e -> {
            busy.set(false);
            dialogs.showError(Messages.tr("error.title"), DialogService.messageOf(e), e);
        });
    }

    /**
     * Asks first when the import changes what is there (texts rewritten, shares withdrawn, another list over the
     * meeting), naming how much; then imports in the background with progress and shows what changed.
     */
    public void runImport() {
        ImportPlan p = planned.planProperty().get();
        if (planned.file() == null || p == null || p.hasErrors() || busy.get()) {
            return;
        }
        ImportOptions options = planned.options();
        boolean different = !planned.differentListProperty().get().isEmpty();
        if (p.count(PlannedRow.Change.UPDATED) > 0 || !p.withdrawals().isEmpty() || different) {
            String message = (different ? planned.differentListProperty().get() + "\n\n" : "")
                    + PlanChoices.confirmation(p);
            String ok = Messages.tr(different ? "import.confirm.okAnyway" : "import.confirm.ok");
            if (!dialogs.confirm(Messages.tr("import.confirm.title"), message, ok)) {
                return;
            }
            options = options.withUpdateDifferentList(different);
        }
        busy.set(true);
        progress.set(0);
        TaskImporter.ImportFile f = planned.file();
        ImportTarget target = target();
        ImportOptions chosen = options;
        runner.run(() -> importer.apply(f, target, chosen, (done, total) -> setProgress(total == 0 ? 1 : (double) done / total)),
                r -> {
                    busy.set(false);
                    progress.set(1);
                    outcome.show(r);
                    step.set(Step.RESULT);
                    onImported.accept(r.meeting());
                    refreshUndo();
                }, e -> {
                    busy.set(false);
                    if (e instanceof ImportBlockedException blocked) {
                        planned.planProperty().set(blocked.plan()); // the database changed meanwhile: show what is wrong now
                        step.set(Step.PROBLEMS);
                    } else if (e instanceof DifferentListException d) {
                        planned.planProperty().set(d.plan());
                    } else {
                        dialogs.showError(Messages.tr("error.title"), DialogService.messageOf(e), e);
                    }
                });
    }

    /** Whether the import can still be undone, and what the finish page says about it. */
    public void refreshUndo() {
        outcome.refreshUndo();
    }

    /** 撤销本次导入: asks, then restores the backup taken before the import (refused if anything was written since). */
    public void undoImport() {
        outcome.undoImport();
    }

    private void setProgress(double value) {
        FxThread.run(() -> progress.set(value));
    }

    /** The summary line of the problems step. */
    public String summary() {
        return planned.summary();
    }

    /** The line above the change list. */
    public String changesSummary() {
        return planned.changesSummary();
    }

    /** The result line. */
    public String resultSummary() {
        return outcome.summary();
    }

    public BooleanBinding canImport() {
        ObjectProperty<ImportPlan> plan = planned.planProperty();
        return Bindings.createBooleanBinding(() -> plan.get() != null && !plan.get().hasErrors()
                && !plan.get().rows().isEmpty() && !busy.get(), plan, busy);
    }

    /** The columns of the current plan with the field each goes to. */
    public List<ImportColumn> columns() {
        return planned.columns();
    }

    public List<Grid.Row> previewRows() {
        return planned.previewRows();
    }

    public ObjectProperty<Step> stepProperty() {
        return step;
    }

    public StringProperty fileProperty() {
        return file;
    }

    public ObservableList<Choice<Meeting>> meetings() {
        return meetings;
    }

    public ObjectProperty<Choice<Meeting>> meetingProperty() {
        return meeting;
    }

    public StringProperty defaultSourceProperty() {
        return defaultSource;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty fileErrorProperty() {
        return fileError;
    }

    public ObjectProperty<ImportPlan> planProperty() {
        return planned.planProperty();
    }

    public ObservableList<ImportProblem> problems() {
        return planned.problems();
    }

    /** The written sources and categories the user may decide on: new names, and names read as another. */
    public ObservableList<ImportPlan.TermUse> names() {
        return planned.names();
    }

    public ObservableList<ChangeLines.Line> changes() {
        return planned.changes();
    }

    /** Why the file looks like another list (empty when it does not). */
    public StringProperty differentListProperty() {
        return planned.differentListProperty();
    }

    public ObjectProperty<ImportResult> resultProperty() {
        return outcome.resultProperty();
    }

    public ObservableList<PlannedRow> changedRows() {
        return outcome.changedRows();
    }

    public BooleanProperty undoPossibleProperty() {
        return outcome.undoPossibleProperty();
    }

    public StringProperty undoTextProperty() {
        return outcome.undoTextProperty();
    }
}
