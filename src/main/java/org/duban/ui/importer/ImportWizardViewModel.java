package org.duban.ui.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.duban.service.excel.Grid;
import org.duban.service.importer.ImportBlockedException;
import org.duban.service.importer.ImportColumn;
import org.duban.service.importer.ImportContext;
import org.duban.service.importer.ImportOptions;
import org.duban.service.importer.ImportPlan;
import org.duban.service.importer.ImportPlanner;
import org.duban.service.importer.ImportProblem;
import org.duban.service.importer.ImportResult;
import org.duban.service.importer.ImportTarget;
import org.duban.service.importer.PlannedRow;
import org.duban.service.importer.TaskImporter;
import org.duban.service.tasks.TaskField;
import org.duban.ui.common.Choice;
import org.duban.ui.common.DialogService;
import org.duban.ui.common.FxThread;
import org.duban.ui.common.TaskRunner;

/**
 * The import wizard's state: file → preview with the column mapping → problems → import → what changed.
 * Reading the file and importing run through the {@link TaskRunner}; re-planning after a mapping change is
 * pure and quick, so it runs at once.
 */
public final class ImportWizardViewModel {
    public enum Step { FILE, PREVIEW, PROBLEMS, RESULT }

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
    private final ObjectProperty<ImportPlan> plan = new SimpleObjectProperty<>();
    private final ObservableList<ImportProblem> problems = FXCollections.observableArrayList();
    private final ObjectProperty<ImportResult> result = new SimpleObjectProperty<>();
    private final ObservableList<PlannedRow> changedRows = FXCollections.observableArrayList();
    private final Map<Integer, TaskField> mapping = new HashMap<>();
    private TaskImporter.ImportFile readFile;
    private ImportContext context;
    private java.util.function.Consumer<Meeting> onImported = m -> { };

    /**
     * @param meetingList  the meetings to import into, newest first
     * @param current      the meeting the checklist shows (preselected), or null
     */
    public ImportWizardViewModel(TaskImporter importer, TaskRunner runner, DialogService dialogs,
                                 List<Meeting> meetingList, Meeting current) {
        this.importer = importer;
        this.runner = runner;
        this.dialogs = dialogs;
        for (Meeting m : meetingList) {
            meetings.add(new Choice<>(m, Messages.tr("import.meetingLabel", m.heldOn(), m.title())));
        }
        meetings.add(new Choice<>(null, Messages.tr("import.newMeeting")));
        meeting.set(meetings.stream().filter(c -> c.value() != null && current != null && c.value().id() == current.id())
                .findFirst().orElse(meetings.get(0)));
        plan.addListener((o, a, p) -> problems.setAll(p == null ? List.of() : p.problems()));
    }

    /** Called on the FX thread after a successful import (the checklist reloads). */
    public void setOnImported(java.util.function.Consumer<Meeting> r) {
        this.onImported = r;
    }

    private ImportTarget target() {
        Meeting m = meeting.get() == null ? null : meeting.get().value();
        return m == null ? new ImportTarget.NewMeeting("", LocalDate.now()) : new ImportTarget.Existing(m.id());
    }

    private ImportOptions options() {
        return ImportOptions.DEFAULT.withMapping(mapping.isEmpty() ? null : new HashMap<>(mapping))
                .withDefaultSource(defaultSource.get());
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
        mapping.clear();
        ImportTarget target = target();
        runner.run(() -> new Loaded(importer.read(Path.of(text)), importer.context(target)), loaded -> {
            busy.set(false);
            readFile = loaded.file();
            context = loaded.context();
            replan();
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
        mapping.put(column, field);
        replan();
    }

    /** Plans again with the current mapping and default source (pure, on the calling thread). */
    public void replan() {
        if (readFile != null) {
            plan.set(ImportPlanner.plan(readFile.name(), readFile.sheets(), context, options()));
        }
    }

    public void next() {
        if (step.get() == Step.FILE) {
            readFile();
        } else if (step.get() == Step.PREVIEW) {
            replan();
            step.set(Step.PROBLEMS);
        }
    }

    public void back() {
        switch (step.get()) {
            case PREVIEW -> step.set(Step.FILE);
            case PROBLEMS -> step.set(Step.PREVIEW);
            default -> {
            }
        }
    }

    /** Imports in the background with progress; on success shows what changed. */
    public void runImport() {
        if (readFile == null || plan.get() == null || plan.get().hasErrors() || busy.get()) {
            return;
        }
        busy.set(true);
        progress.set(0);
        TaskImporter.ImportFile f = readFile;
        ImportTarget target = target();
        ImportOptions options = options();
        runner.run(() -> importer.apply(f, target, options, (done, total) -> setProgress(total == 0 ? 1 : (double) done / total)),
                r -> {
                    busy.set(false);
                    progress.set(1);
                    result.set(r);
                    changedRows.setAll(r.plan().rows().stream().filter(x -> x.change() != PlannedRow.Change.UNCHANGED).toList());
                    step.set(Step.RESULT);
                    onImported.accept(r.meeting());
                }, e -> {
                    busy.set(false);
                    if (e instanceof ImportBlockedException blocked) {
                        plan.set(blocked.plan()); // the database changed meanwhile: show what is wrong now
                    } else {
                        dialogs.showError(Messages.tr("error.title"), DialogService.messageOf(e), e);
                    }
                });
    }

    private void setProgress(double value) {
        FxThread.run(() -> progress.set(value));
    }

    /** The summary line of the problems step. */
    public String summary() {
        ImportPlan p = plan.get();
        if (p == null) {
            return "";
        }
        String units = p.assignmentsByUnit().entrySet().stream()
                .map(e -> Messages.tr("import.summary.unit", e.getKey().name(), e.getValue()))
                .collect(java.util.stream.Collectors.joining(Messages.tr("import.summary.separator")));
        String line = Messages.tr("import.summary", p.taskCount(), p.assignmentCount(), p.count(PlannedRow.Change.ADDED),
                p.count(PlannedRow.Change.UPDATED), p.count(PlannedRow.Change.UNCHANGED), p.supervisedCount(),
                p.errors().size(), p.warnings().size());
        return line + (p.hasErrors() ? Messages.tr("import.summary.blocked") : "")
                + (units.isEmpty() ? "" : "\n" + Messages.tr("import.summary.units", units));
    }

    /** The result line. */
    public String resultSummary() {
        ImportResult r = result.get();
        if (r == null) {
            return "";
        }
        ImportPlan p = r.plan();
        return Messages.tr("import.result", r.meeting().title(), p.count(PlannedRow.Change.ADDED),
                p.count(PlannedRow.Change.UPDATED), p.count(PlannedRow.Change.UNCHANGED), p.assignmentCount());
    }

    public BooleanBinding canImport() {
        return Bindings.createBooleanBinding(() -> plan.get() != null && !plan.get().hasErrors()
                && !plan.get().rows().isEmpty() && !busy.get(), plan, busy);
    }

    /** The columns of the current plan with the field each goes to. */
    public List<ImportColumn> columns() {
        return plan.get() == null ? List.of() : plan.get().columns();
    }

    public List<Grid.Row> previewRows() {
        return plan.get() == null ? List.of() : plan.get().dataRows();
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
        return plan;
    }

    public ObservableList<ImportProblem> problems() {
        return problems;
    }

    public ObjectProperty<ImportResult> resultProperty() {
        return result;
    }

    public ObservableList<PlannedRow> changedRows() {
        return changedRows;
    }
}
