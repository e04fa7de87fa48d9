package org.duban.ui.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.duban.model.Term;
import org.duban.service.excel.Grid;
import org.duban.service.importer.DifferentListException;
import org.duban.service.importer.ImportBlockedException;
import org.duban.service.importer.ImportColumn;
import org.duban.service.importer.ImportContext;
import org.duban.service.importer.ImportOptions;
import org.duban.service.importer.ImportPlan;
import org.duban.service.importer.ImportPlanner;
import org.duban.service.importer.ImportProblem;
import org.duban.service.importer.ImportResult;
import org.duban.service.importer.ImportTarget;
import org.duban.service.importer.ImportUndo;
import org.duban.service.importer.PlannedRow;
import org.duban.service.importer.ProblemSimilarity;
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
 */
public final class ImportWizardViewModel {
    public enum Step { FILE, PREVIEW, NAMES, UNITS, PROBLEMS, CHANGES, RESULT }

    /**
     * A unit name the roster does not know (issue 14), with the user's choice: add it to the roster with the import,
     * as this kind.
     */
    public static final class UnitChoice {
        private final String name;
        private final String rows;
        private final BooleanProperty add = new SimpleBooleanProperty(false);
        private final ObjectProperty<org.duban.model.UnitKind> kind = new SimpleObjectProperty<>();

        UnitChoice(ImportPlan.UnknownUnit u) {
            this.name = u.name();
            this.rows = u.rowsText();
            kind.set(u.kind());
        }

        public String name() {
            return name;
        }

        public String rows() {
            return rows;
        }

        public BooleanProperty addProperty() {
            return add;
        }

        public ObjectProperty<org.duban.model.UnitKind> kindProperty() {
            return kind;
        }
    }

    private final TaskImporter importer;
    private final ImportUndo undo;
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
    private final ObservableList<ImportPlan.TermUse> names = FXCollections.observableArrayList();
    private final ObservableList<ChangeLines.Line> changes = FXCollections.observableArrayList();
    private final ObservableList<UnitChoice> unknownUnits = FXCollections.observableArrayList();
    private final ObjectProperty<ImportResult> result = new SimpleObjectProperty<>();
    private final ObservableList<PlannedRow> changedRows = FXCollections.observableArrayList();
    private final StringProperty differentList = new SimpleStringProperty("");
    private final BooleanProperty undoPossible = new SimpleBooleanProperty(false);
    private final StringProperty undoText = new SimpleStringProperty("");
    private final Map<Integer, TaskField> mapping = new HashMap<>();
    private final Map<Term.Kind, Map<String, String>> chosenNames = new EnumMap<>(Term.Kind.class);
    private TaskImporter.ImportFile readFile;
    private ImportContext context;
    private java.util.function.Consumer<Meeting> onImported = m -> { };
    private Runnable onUndone = () -> { };

    /**
     * @param meetingList  the meetings to import into, newest first
     * @param current      the meeting the checklist shows (preselected), or null
     * @param undo         undoes an import (null: the finish page offers no undo)
     */
    public ImportWizardViewModel(TaskImporter importer, ImportUndo undo, TaskRunner runner, DialogService dialogs,
                                 List<Meeting> meetingList, Meeting current) {
        this.importer = importer;
        this.undo = undo;
        this.runner = runner;
        this.dialogs = dialogs;
        for (Meeting m : meetingList) {
            meetings.add(new Choice<>(m, Messages.tr("import.meetingLabel", m.heldOn(), m.title())));
        }
        meetings.add(new Choice<>(null, Messages.tr("import.newMeeting")));
        meeting.set(meetings.stream().filter(c -> c.value() != null && current != null && c.value().id() == current.id())
                .findFirst().orElse(meetings.get(0)));
        plan.addListener((o, a, p) -> planShown(p));
        for (Term.Kind k : Term.Kind.values()) {
            chosenNames.put(k, new LinkedHashMap<>());
        }
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
        this.onUndone = r;
    }

    private void planShown(ImportPlan p) {
        problems.setAll(p == null ? List.of() : p.problems());
        names.setAll(p == null ? List.of() : p.terms().stream().filter(t -> t.isNew() || t.match().renamed()
                || t.chosen()).toList());
        changes.setAll(p == null ? List.of() : ChangeLines.of(p));
        showUnknownUnits(p);
        ImportPlan.ListMatch m = p == null ? null : p.listMatch();
        differentList.set(m != null && m.different() && !isNewMeeting()
                ? Messages.tr("import.differentList", m.differing(), m.paired(), meeting.get().value().title(),
                        Math.round(ProblemSimilarity.SAME_TASK * 100))
                : "");
    }

    /** The unknown units of a new plan; the choices made stay while the names are the same. */
    private void showUnknownUnits(ImportPlan p) {
        List<String> names = p == null ? List.of() : p.unknownUnits().stream().map(ImportPlan.UnknownUnit::name).toList();
        if (names.equals(unknownUnits.stream().map(UnitChoice::name).toList())) {
            return;
        }
        List<UnitChoice> list = new java.util.ArrayList<>();
        for (ImportPlan.UnknownUnit u : p == null ? List.<ImportPlan.UnknownUnit>of() : p.unknownUnits()) {
            UnitChoice c = new UnitChoice(u);
            c.addProperty().set(u.added());
            c.addProperty().addListener((o, a, b) -> replan());
            c.kindProperty().addListener((o, a, b) -> replan());
            list.add(c);
        }
        unknownUnits.setAll(list);
    }

    /** The names the roster does not know, with the user's choices (the UNITS step). */
    public ObservableList<UnitChoice> unknownUnits() {
        return unknownUnits;
    }

    private boolean isNewMeeting() {
        return meeting.get() == null || meeting.get().value() == null;
    }

    private ImportTarget target() {
        Meeting m = meeting.get() == null ? null : meeting.get().value();
        return m == null ? new ImportTarget.NewMeeting("", importer.today()) : new ImportTarget.Existing(m.id());
    }

    private ImportOptions options() {
        ImportOptions o = ImportOptions.DEFAULT.withMapping(mapping.isEmpty() ? null : new HashMap<>(mapping))
                .withDefaultSource(defaultSource.get());
        for (Term.Kind k : Term.Kind.values()) {
            o = o.withNames(k, chosenNames.get(k));
        }
        Map<String, org.duban.model.UnitKind> adding = new LinkedHashMap<>();
        unknownUnits.stream().filter(u -> u.addProperty().get()).forEach(u -> adding.put(u.name(), u.kindProperty().get()));
        return o.withNewUnits(adding);
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
        chosenNames.values().forEach(Map::clear);
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

    /**
     * The user says which name a written source or category is: an existing one, or the written one kept as a new
     * name.
     */
    public void chooseName(Term.Kind kind, String written, String name) {
        chosenNames.get(kind).put(written, name);
        replan();
    }

    /** The office's names of a kind (for the naming step's choices). */
    public List<String> knownNames(Term.Kind kind) {
        return context == null ? List.of() : context.matcher(kind).terms().stream().map(Term::name).toList();
    }

    /** Plans again with the current mapping, names and default source (pure, on the calling thread). */
    public void replan() {
        if (readFile != null) {
            plan.set(ImportPlanner.plan(readFile.name(), readFile.sheets(), context, options()));
        }
    }

    public void next() {
        switch (step.get()) {
            case FILE -> readFile();
            case PREVIEW -> {
                replan();
                step.set(!names.isEmpty() ? Step.NAMES : !unknownUnits.isEmpty() ? Step.UNITS : Step.PROBLEMS);
            }
            case NAMES -> step.set(unknownUnits.isEmpty() ? Step.PROBLEMS : Step.UNITS);
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
            case UNITS -> step.set(names.isEmpty() ? Step.PREVIEW : Step.NAMES);
            case PROBLEMS -> step.set(!unknownUnits.isEmpty() ? Step.UNITS : names.isEmpty() ? Step.PREVIEW : Step.NAMES);
            case CHANGES -> step.set(Step.PROBLEMS);
            default -> {
            }
        }
    }

    /** The file is another list: import it into a new meeting instead (the wizard's proposal). */
    public void importAsNewMeeting() {
        meetings.stream().filter(c -> c.value() == null).findFirst().ifPresent(meeting::set);
        if (readFile == null) {
            return;
        }
        busy.set(true);
        ImportTarget target = target();
        runner.run(() -> importer.context(target), ctx -> {
            busy.set(false);
            context = ctx;
            replan();
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
        ImportPlan p = plan.get();
        if (readFile == null || p == null || p.hasErrors() || busy.get()) {
            return;
        }
        ImportOptions options = options();
        boolean different = !differentList.get().isEmpty();
        if (p.count(PlannedRow.Change.UPDATED) > 0 || !p.withdrawals().isEmpty() || different) {
            String message = (different ? differentList.get() + "\n\n" : "") + confirmation(p);
            String ok = Messages.tr(different ? "import.confirm.okAnyway" : "import.confirm.ok");
            if (!dialogs.confirm(Messages.tr("import.confirm.title"), message, ok)) {
                return;
            }
            options = options.withUpdateDifferentList(different);
        }
        busy.set(true);
        progress.set(0);
        TaskImporter.ImportFile f = readFile;
        ImportTarget target = target();
        ImportOptions chosen = options;
        runner.run(() -> importer.apply(f, target, chosen, (done, total) -> setProgress(total == 0 ? 1 : (double) done / total)),
                r -> {
                    busy.set(false);
                    progress.set(1);
                    result.set(r);
                    changedRows.setAll(r.plan().rows().stream().filter(x -> x.change() != PlannedRow.Change.UNCHANGED
                            || !x.withdrawals().isEmpty()).toList());
                    step.set(Step.RESULT);
                    onImported.accept(r.meeting());
                    refreshUndo();
                }, e -> {
                    busy.set(false);
                    if (e instanceof ImportBlockedException blocked) {
                        plan.set(blocked.plan()); // the database changed meanwhile: show what is wrong now
                        step.set(Step.PROBLEMS);
                    } else if (e instanceof DifferentListException d) {
                        plan.set(d.plan());
                    } else {
                        dialogs.showError(Messages.tr("error.title"), DialogService.messageOf(e), e);
                    }
                });
    }

    /** "导入将新增 2 项任务，更新 18 项（其中 18 项的问题描述改写…），撤出 16 个单位分解…". */
    static String confirmation(ImportPlan p) {
        int other = (int) p.textChanges().stream().filter(PlannedRow::differentTask).count();
        return Messages.tr("import.confirm.message", p.count(PlannedRow.Change.ADDED),
                p.count(PlannedRow.Change.UPDATED), p.textChanges().size(), other, p.withdrawals().size());
    }

    /** Whether the import can still be undone, and what the finish page says about it. */
    public void refreshUndo() {
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
    public void undoImport() {
        ImportResult r = result.get();
        if (r == null || undo == null || busy.get()) {
            return;
        }
        if (!dialogs.confirmDestructive(Messages.tr("import.undo.title"), Messages.tr("import.undo.confirm", r.run().fileName(),
                r.run().backupFile()), Messages.tr("import.undo.ok"))) {
            return;
        }
        busy.set(true);
        runner.run(() -> undo.undo(r, this::setProgress), backup -> {
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
                + (units.isEmpty() ? "" : "\n" + Messages.tr("import.summary.units", units))
                + (p.continuations().isEmpty() ? "" : "\n" + p.continuationsText());
    }

    /** The line above the change list. */
    public String changesSummary() {
        ImportPlan p = plan.get();
        return p == null ? "" : ChangeLines.summary(p);
    }

    /** The result line. */
    public String resultSummary() {
        ImportResult r = result.get();
        if (r == null) {
            return "";
        }
        ImportPlan p = r.plan();
        return Messages.tr("import.result", r.meeting().title(), p.count(PlannedRow.Change.ADDED),
                p.count(PlannedRow.Change.UPDATED), p.count(PlannedRow.Change.UNCHANGED), p.assignmentCount())
                + (p.withdrawals().isEmpty() ? "" : Messages.tr("import.result.withdrawn", p.withdrawals().size()));
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

    /** The written sources and categories the user may decide on: new names, and names read as another. */
    public ObservableList<ImportPlan.TermUse> names() {
        return names;
    }

    public ObservableList<ChangeLines.Line> changes() {
        return changes;
    }

    /** Why the file looks like another list (empty when it does not). */
    public StringProperty differentListProperty() {
        return differentList;
    }

    public ObjectProperty<ImportResult> resultProperty() {
        return result;
    }

    public ObservableList<PlannedRow> changedRows() {
        return changedRows;
    }

    public BooleanProperty undoPossibleProperty() {
        return undoPossible;
    }

    public StringProperty undoTextProperty() {
        return undoText;
    }
}
