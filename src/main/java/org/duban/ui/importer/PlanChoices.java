package org.duban.ui.importer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.duban.i18n.Messages;
import org.duban.model.Meeting;
import org.duban.model.Term;
import org.duban.model.UnitKind;
import org.duban.service.excel.Grid;
import org.duban.service.importer.ImportColumn;
import org.duban.service.importer.ImportContext;
import org.duban.service.importer.ImportOptions;
import org.duban.service.importer.ImportPlan;
import org.duban.service.importer.ImportPlanner;
import org.duban.service.importer.ImportProblem;
import org.duban.service.importer.PlannedRow;
import org.duban.service.importer.ProblemSimilarity;
import org.duban.service.importer.TaskImporter;
import org.duban.service.tasks.TaskField;
import org.duban.ui.common.Choice;

/**
 * The import wizard's plan and what it is made from: the file as read, the ledger's context for the meeting imported
 * into, and the user's choices (the field of each column, the name each written source or category becomes, the
 * unknown units to add, the default source). Planning is pure and quick, so a changed choice plans again at once, on
 * the calling thread; each new plan is spread into what the pages show (problems, names to decide on, change lines,
 * unknown units, the different-list warning).
 */
final class PlanChoices {
    private final ObjectProperty<Choice<Meeting>> meeting;
    private final StringProperty defaultSource;
    private final ObjectProperty<ImportPlan> plan = new SimpleObjectProperty<>();
    private final ObservableList<ImportProblem> problems = FXCollections.observableArrayList();
    private final ObservableList<ImportPlan.TermUse> names = FXCollections.observableArrayList();
    private final ObservableList<ChangeLines.Line> changes = FXCollections.observableArrayList();
    private final ObservableList<UnitChoice> unknownUnits = FXCollections.observableArrayList();
    private final StringProperty differentList = new SimpleStringProperty("");
    private final Map<Integer, TaskField> mapping = new HashMap<>();
    private final Map<Term.Kind, Map<String, String>> chosenNames = new EnumMap<>(Term.Kind.class);
    private TaskImporter.ImportFile readFile;
    private ImportContext context;

    /** {@code meeting} is the meeting imported into (null value: a new one), for the different-list warning. */
    PlanChoices(ObjectProperty<Choice<Meeting>> meeting, StringProperty defaultSource) {
        this.meeting = meeting;
        this.defaultSource = defaultSource;
        plan.addListener((o, a, p) -> planShown(p));
        for (Term.Kind k : Term.Kind.values()) {
            chosenNames.put(k, new LinkedHashMap<>());
        }
    }

    /** Forgets the mapping and the names chosen (a file is read anew). */
    void clearChoices() {
        mapping.clear();
        chosenNames.values().forEach(Map::clear);
    }

    /** A file was read with the context of its meeting: plans it. */
    void read(TaskImporter.ImportFile file, ImportContext ctx) {
        readFile = file;
        context = ctx;
        replan();
    }

    /** The meeting imported into changed, and with it the context: plans again. */
    void setContext(ImportContext ctx) {
        context = ctx;
        replan();
    }

    /** The file as read, or null before one is. */
    TaskImporter.ImportFile file() {
        return readFile;
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
        List<UnitChoice> list = new ArrayList<>();
        for (ImportPlan.UnknownUnit u : p == null ? List.<ImportPlan.UnknownUnit>of() : p.unknownUnits()) {
            UnitChoice c = new UnitChoice(u);
            c.addProperty().set(u.added());
            c.addProperty().addListener((o, a, b) -> replan());
            c.kindProperty().addListener((o, a, b) -> replan());
            list.add(c);
        }
        unknownUnits.setAll(list);
    }

    private boolean isNewMeeting() {
        return meeting.get() == null || meeting.get().value() == null;
    }

    /** The import's options: the user's mapping, names, default source and units to add. */
    ImportOptions options() {
        ImportOptions o = ImportOptions.DEFAULT.withMapping(mapping.isEmpty() ? null : new HashMap<>(mapping))
                .withDefaultSource(defaultSource.get());
        for (Term.Kind k : Term.Kind.values()) {
            o = o.withNames(k, chosenNames.get(k));
        }
        Map<String, UnitKind> adding = new LinkedHashMap<>();
        unknownUnits.stream().filter(u -> u.addProperty().get()).forEach(u -> adding.put(u.name(), u.kindProperty().get()));
        return o.withNewUnits(adding);
    }

    void mapColumn(int column, TaskField field) {
        mapping.put(column, field);
        replan();
    }

    void chooseName(Term.Kind kind, String written, String name) {
        chosenNames.get(kind).put(written, name);
        replan();
    }

    List<String> knownNames(Term.Kind kind) {
        return context == null ? List.of() : context.matcher(kind).terms().stream().map(Term::name).toList();
    }

    void replan() {
        if (readFile != null) {
            plan.set(ImportPlanner.plan(readFile.name(), readFile.sheets(), context, options()));
        }
    }

    /** The summary line of the problems step. */
    String summary() {
        ImportPlan p = plan.get();
        if (p == null) {
            return "";
        }
        String units = p.assignmentsByUnit().entrySet().stream()
                .map(e -> Messages.tr("import.summary.unit", e.getKey().name(), e.getValue()))
                .collect(Collectors.joining(Messages.tr("import.summary.separator")));
        String line = Messages.tr("import.summary", p.taskCount(), p.assignmentCount(), p.count(PlannedRow.Change.ADDED),
                p.count(PlannedRow.Change.UPDATED), p.count(PlannedRow.Change.UNCHANGED), p.supervisedCount(),
                p.errors().size(), p.warnings().size());
        return line + (p.hasErrors() ? Messages.tr("import.summary.blocked") : "")
                + (units.isEmpty() ? "" : "\n" + Messages.tr("import.summary.units", units))
                + (p.continuations().isEmpty() ? "" : "\n" + p.continuationsText());
    }

    /** The line above the change list. */
    String changesSummary() {
        ImportPlan p = plan.get();
        return p == null ? "" : ChangeLines.summary(p);
    }

    /** "导入将新增 2 项任务，更新 18 项（其中 18 项的问题描述改写…），撤出 16 个单位分解…". */
    static String confirmation(ImportPlan p) {
        int other = (int) p.textChanges().stream().filter(PlannedRow::differentTask).count();
        return Messages.tr("import.confirm.message", p.count(PlannedRow.Change.ADDED),
                p.count(PlannedRow.Change.UPDATED), p.textChanges().size(), other, p.withdrawals().size());
    }

    List<ImportColumn> columns() {
        return plan.get() == null ? List.of() : plan.get().columns();
    }

    List<Grid.Row> previewRows() {
        return plan.get() == null ? List.of() : plan.get().dataRows();
    }

    ObjectProperty<ImportPlan> planProperty() {
        return plan;
    }

    ObservableList<ImportProblem> problems() {
        return problems;
    }

    ObservableList<ImportPlan.TermUse> names() {
        return names;
    }

    ObservableList<ChangeLines.Line> changes() {
        return changes;
    }

    ObservableList<UnitChoice> unknownUnits() {
        return unknownUnits;
    }

    StringProperty differentListProperty() {
        return differentList;
    }
}
