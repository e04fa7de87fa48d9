package org.duban.service.importer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.duban.model.Task;
import org.duban.model.Term;
import org.duban.model.Unit;
import org.duban.service.excel.CellIssue;
import org.duban.service.excel.Grid;
import org.duban.service.importer.ImportProblem.Severity;
import org.duban.service.tasks.FieldError;
import org.duban.service.tasks.TaskField;
import org.duban.service.tasks.TaskInput;
import org.duban.service.tasks.TaskValidator;
import org.duban.service.units.UnitResolver;
import org.duban.service.vocabulary.TermMatcher;

/**
 * Turns a read file into an {@link ImportPlan}. Pure: the database's part comes in as an {@link ImportContext},
 * and every row is checked by the same {@link TaskValidator} as the task form.
 */
public final class ImportPlanner {
    static final String SUPERVISION_MARK = "挂牌督办";
    private static final Pattern SEQ_DECORATION = Pattern.compile("^[(（]?\\s*(\\d+)\\s*[)）]?[.、．]?$");
    private static final List<TaskField> ESSENTIAL = List.of(TaskField.PROBLEM, TaskField.UNITS, TaskField.DEADLINE);

    private ImportPlanner() {
    }

    public static ImportPlan plan(String fileName, List<Grid> sheets, ImportContext given, ImportOptions options) {
        ImportContext ctx = options.newUnits().isEmpty() ? given
                : given.withUnits(NewUnits.withAdded(given.units(), options.newUnits()));
        List<ImportProblem> problems = new ArrayList<>();
        Optional<SheetChoice.Chosen> chosen = SheetChoice.choose(sheets, options.sheetIndex(), problems);
        if (chosen.isEmpty()) {
            return new ImportPlan(fileName, "", 0, "", List.of(), List.of(), List.of(), problems, List.of(), List.of());
        }
        Grid grid = chosen.get().grid();
        HeaderFinder.Header header = chosen.get().header();
        List<ImportColumn> columns = applyMapping(header.columns(), options.mapping());
        Map<TaskField, ImportColumn> byField = new EnumMap<>(TaskField.class);
        for (ImportColumn c : columns) {
            if (c.field() != null) {
                byField.put(c.field(), c);
            } else if (!c.header().isBlank() && !ColumnSynonyms.isDerived(c.header())) {
                problems.add(new ImportProblem(Severity.WARNING, header.rowNumber(), c.letter(), c.header(), c.header(),
                        "import.problem.columnSkipped"));
            }
        }
        for (TaskField f : ESSENTIAL) {
            if (!byField.containsKey(f)) {
                problems.add(new ImportProblem(Severity.ERROR, header.rowNumber(), "", "", "",
                        "import.problem.missingColumn", new FieldLabel(f)));
            }
        }
        boolean autoSeq = !byField.containsKey(TaskField.SEQ);
        if (autoSeq) {
            problems.add(new ImportProblem(Severity.WARNING, header.rowNumber(), "", "", "", "import.problem.noSeqColumn"));
        }

        List<Grid.Row> dataRows = grid.rows().subList(header.index() + 1, grid.rows().size());
        Rows rows = new Rows(ctx, byField, autoSeq, options, problems);
        for (Grid.Row row : dataRows) {
            rows.accept(row);
        }
        rows.flush();
        if (rows.planned.isEmpty()) {
            problems.add(new ImportProblem(Severity.ERROR, header.rowNumber(), "", "", "", "import.problem.noTasks",
                    header.rowNumber()));
        }
        Set<Integer> seen = rows.seqRows.keySet();
        List<Integer> notInFile = ctx.existingBySeq().keySet().stream().filter(s -> !seen.contains(s)).sorted().toList();
        problems.sort(java.util.Comparator.comparingInt(ImportProblem::row));
        return new ImportPlan(fileName, grid.sheetName(), header.rowNumber(), header.title(), columns, dataRows,
                rows.planned, problems, notInFile, rows.termUses(), rows.continuations, rows.unknownUnits(given));
    }

    /** The user's choices win; a field the user gives to one column is taken from any other. */
    static List<ImportColumn> applyMapping(List<ImportColumn> detected, Map<Integer, TaskField> mapping) {
        if (mapping == null) {
            return detected;
        }
        Set<TaskField> chosen = mapping.values().stream().filter(f -> f != null).collect(Collectors.toSet());
        List<ImportColumn> result = new ArrayList<>();
        for (ImportColumn c : detected) {
            if (mapping.containsKey(c.index())) {
                result.add(c.withField(mapping.get(c.index())));
            } else {
                result.add(chosen.contains(c.field()) ? c.withField(null) : c);
            }
        }
        return result;
    }

    /** Fields' labels joined with 、, translated when the message is shown. */
    record FieldList(List<TaskField> fields) {
        @Override
        public String toString() {
            return fields.stream().map(f -> org.duban.i18n.Messages.tr(f.labelKey())).collect(Collectors.joining("、"));
        }
    }

    /** A field's label, translated when the message is shown. */
    record FieldLabel(TaskField field) {
        @Override
        public String toString() {
            return org.duban.i18n.Messages.tr(field.labelKey());
        }
    }

    /** Walks the rows below the heading, keeping the current sections. */
    private static final class Rows {
        private final ImportContext ctx;
        private final Map<TaskField, ImportColumn> byField;
        private final boolean autoSeq;
        private final String defaultSource;
        private final ImportOptions options;
        private final List<ImportProblem> problems;
        /** Each written source and category (kind + text) with the name it was read as and how many rows. */
        private final Map<String, TermCount> terms = new java.util.LinkedHashMap<>();
        private final List<PlannedRow> planned = new ArrayList<>();
        /** Unit names the roster does not know (or that the import adds) → the rows naming them, in order. */
        private final Map<String, List<Integer>> unknown = new java.util.LinkedHashMap<>();

        /** Each unknown name once, with its rows; a name the options add is marked so. */
        List<ImportPlan.UnknownUnit> unknownUnits(ImportContext roster) {
            List<ImportPlan.UnknownUnit> list = new ArrayList<>();
            unknown.forEach((name, rowsOf) -> {
                boolean added = options.newUnits().containsKey(name);
                list.add(new ImportPlan.UnknownUnit(name, rowsOf, added ? options.newUnits().get(name)
                        : NewUnits.guessKind(name), added));
            });
            return list;
        }

        /** Notes the names of a row's units and lead unit that the roster does not know (before any are added). */
        private void noteUnknown(Grid.Row row, TaskInput input) {
            for (String cell : List.of(input.units(), input.leadUnit())) {
                if (cell.isEmpty() || cell.length() > TaskValidator.MAX_TEXT) {
                    continue;
                }
                UnitResolver.Resolution r = ctx.units().resolveList(cell);
                for (String name : r.unknown()) {
                    unknown.computeIfAbsent(name, k -> new ArrayList<>()).add(row.number());
                }
                for (Unit u : r.units()) {
                    if (u.id() < 0) { // a unit the import adds
                        List<Integer> at = unknown.computeIfAbsent(u.name(), k -> new ArrayList<>());
                        if (!at.contains(row.number())) {
                            at.add(row.number());
                        }
                    }
                }
            }
        }

        /** A task's first row → the rows below it that continue it (their measures joined to it). */
        private final Map<Integer, List<Integer>> continuations = new java.util.LinkedHashMap<>();
        private final Map<Integer, Integer> seqRows = new HashMap<>();
        private final Map<Long, Unit> unitsById = new HashMap<>();
        /**
         * What each short cell text names as a heading: a list's short cells repeat (units, deadlines, leaders,
         * sources). Longer texts (problems, measures) hardly ever repeat: keeping each of them cost hashing it and
         * a map of every such cell of the list (issue 24), where {@link ColumnSynonyms#fieldOf} lets a sentence go
         * after its first thirty characters.
         */
        private final Map<String, Optional<TaskField>> headings = new HashMap<>();
        private final TaskValidator validator;
        private String section1;
        private String section2;

        Rows(ImportContext ctx, Map<TaskField, ImportColumn> byField, boolean autoSeq, ImportOptions options,
             List<ImportProblem> problems) {
            this.ctx = ctx;
            this.byField = byField;
            this.autoSeq = autoSeq;
            this.defaultSource = options.defaultSource();
            this.options = options;
            this.problems = problems;
            this.validator = new TaskValidator(ctx.units());
            ctx.units().units().forEach(u -> unitsById.put(u.id(), u));
        }

        /** The task row read last, held until the rows that continue it are read (continuation rows). */
        private Grid.Row pendingRow;
        private Map<TaskField, String> pendingValues;
        private final List<Integer> pendingContinuations = new ArrayList<>();

        void accept(Grid.Row row) {
            if (row.isBlank() || isRepeatedHeader(row)) {
                return;
            }
            Optional<SectionRows.Section> section = SectionRows.sectionOf(row);
            if (section.isPresent() && continues(row, raw(row))) {
                section = Optional.empty(); // one measure alone in its row under a task: a continuation, not a section
            }
            if (section.isPresent()) {
                flush();
                SectionRows.Section s = section.get();
                if (s.level() == 1) {
                    section1 = s.text();
                    section2 = null;
                } else if (s.level() == 2) {
                    section2 = s.text();
                }
                return; // level 0: a note under the table
            }
            Map<TaskField, String> values = raw(row);
            if (continues(row, values)) {
                join(row, values);
                return;
            }
            if (blank(values, TaskField.SEQ) && blank(values, TaskField.PROBLEM) && blank(values, TaskField.UNITS)) {
                problems.add(new ImportProblem(Severity.WARNING, row.number(), "", "", firstText(row),
                        "import.problem.rowSkipped"));
                return;
            }
            flush();
            pendingRow = row;
            pendingValues = values;
        }

        private Map<TaskField, String> raw(Grid.Row row) {
            Map<TaskField, String> values = new EnumMap<>(TaskField.class);
            byField.forEach((f, c) -> values.put(f, row.cell(c.index())));
            return values;
        }

        /** Cells a continuation row may fill: one task's measures (and notes) spread over several rows. */
        private static final Set<TaskField> CONTINUED = java.util.EnumSet.of(TaskField.MEASURES, TaskField.REMARKS);

        /**
         * Whether a row continues the task above: its 序号 empty (or the same, from a merged cell repeated in every
         * row), every other cell empty or the same as the task's (merged vertically), and a measure of its own. A
         * row without 序号 and 问题 whose other cells differ continues it too, with a warning (see {@link #join}).
         */
        private boolean continues(Grid.Row row, Map<TaskField, String> values) {
            if (pendingRow == null || blank(values, TaskField.MEASURES) || !byField.containsKey(TaskField.MEASURES)) {
                return false;
            }
            String seq = values.getOrDefault(TaskField.SEQ, "").strip();
            boolean sameSeq = !autoSeq && !seq.isEmpty()
                    && normalSeq(seq).equals(normalSeq(pendingValues.getOrDefault(TaskField.SEQ, "")));
            if (!seq.isEmpty() && !sameSeq) {
                return false;
            }
            if (values.getOrDefault(TaskField.MEASURES, "").strip()
                    .equals(pendingValues.getOrDefault(TaskField.MEASURES, "").strip())
                    && differing(values).isEmpty()) {
                return false; // the same row again: left to the duplicate check
            }
            if (sameSeq || !blank(values, TaskField.PROBLEM)) {
                return differing(values).isEmpty();
            }
            return true; // no 序号, no 问题: nothing else it could be
        }

        /** The fields (other than 序号 and the continued ones) whose cell is filled and differs from the task's. */
        private List<TaskField> differing(Map<TaskField, String> values) {
            List<TaskField> fields = new ArrayList<>();
            values.forEach((f, v) -> {
                if (f != TaskField.SEQ && !CONTINUED.contains(f) && !v.isBlank()
                        && !v.strip().equals(pendingValues.getOrDefault(f, "").strip())) {
                    fields.add(f);
                }
            });
            return fields;
        }

        /**
         * Adds a continuation row's measure (and note) to the task above, in order. Cells that differ from the task's
         * are not read: a warning names the rows and the fields, as the row may be a task of its own without a 序号.
         */
        private void join(Grid.Row row, Map<TaskField, String> values) {
            for (TaskField f : CONTINUED) {
                String add = values.getOrDefault(f, "").strip();
                String had = pendingValues.getOrDefault(f, "").strip();
                if (!add.isEmpty() && !had.equals(add) && !had.endsWith("\n" + add)) {
                    pendingValues.put(f, had.isEmpty() ? add : had + (f == TaskField.MEASURES ? "\n" : "；") + add);
                }
            }
            pendingContinuations.add(row.number());
            List<TaskField> ignored = differing(values);
            if (!ignored.isEmpty()) {
                ImportColumn c = byField.get(ignored.get(0));
                problems.add(new ImportProblem(Severity.WARNING, row.number(), c.letter(), c.header(),
                        values.get(ignored.get(0)), "import.problem.continuationDiffers", row.number(),
                        pendingRow.number(), new FieldList(ignored)));
            }
        }

        /** Plans the task held back for its continuation rows. */
        void flush() {
            if (pendingRow == null) {
                return;
            }
            Grid.Row row = pendingRow;
            Map<TaskField, String> values = pendingValues;
            pendingRow = null;
            pendingValues = null;
            if (!pendingContinuations.isEmpty()) {
                continuations.put(row.number(), List.copyOf(pendingContinuations));
                pendingContinuations.clear();
            }
            applySections(values);
            if (blank(values, TaskField.SOURCE) && !defaultSource.isEmpty()) {
                values.put(TaskField.SOURCE, defaultSource);
            }
            name(Term.Kind.SOURCE, TaskField.SOURCE, values);
            name(Term.Kind.CATEGORY, TaskField.CATEGORY, values);
            if (autoSeq) {
                values.put(TaskField.SEQ, String.valueOf(planned.size() + 1));
            } else {
                values.put(TaskField.SEQ, normalSeq(values.getOrDefault(TaskField.SEQ, "")));
            }
            if (values.containsKey(TaskField.DEADLINE)) {
                values.put(TaskField.DEADLINE, LINE_BREAK.matcher(values.get(TaskField.DEADLINE).strip()).replaceAll("，"));
                readNumericDeadline(row, values);
            }
            leadUnit(row, values);
            Set<TaskField> untrusted = cellIssues(row);
            plan(row, TaskInput.of(values), untrusted);
        }

        /**
         * One unit leads a task: when the 牵头单位 cell names several, the first leads and the others join the 配合单位,
         * with a warning naming them.
         */
        private void leadUnit(Grid.Row row, Map<TaskField, String> values) {
            String written = values.getOrDefault(TaskField.LEAD_UNIT, "");
            if (written.isBlank()) {
                return;
            }
            UnitResolver.Resolution r = ctx.units().resolveList(written);
            if (!r.unknown().isEmpty() || r.units().size() < 2) {
                return; // one lead unit, or an unknown name the validator names
            }
            List<String> others = r.units().subList(1, r.units().size()).stream().map(Unit::name).toList();
            values.put(TaskField.LEAD_UNIT, r.units().get(0).name());
            String supporting = values.getOrDefault(TaskField.SUPPORTING_UNITS, "").strip();
            values.put(TaskField.SUPPORTING_UNITS, supporting.isEmpty() ? String.join("、", others)
                    : supporting + "、" + String.join("、", others));
            ImportColumn c = byField.get(TaskField.LEAD_UNIT);
            problems.add(new ImportProblem(Severity.WARNING, row.number(), c.letter(), c.header(), written,
                    "import.problem.severalLeadUnits", r.units().get(0).name(), String.join("、", others)));
        }

        /** A written source or category and how often it occurs. */
        private static final class TermCount {
            final TermMatcher.Match match;
            final boolean chosen;
            int rows;

            TermCount(TermMatcher.Match match, boolean chosen) {
                this.match = match;
                this.chosen = chosen;
            }
        }

        /**
         * Gives the row the office's name for its source or category: the user's choice for that spelling, else
         * the vocabulary's match (中央生态环境保护督察反馈问题 → 中央生态环境保护督察), else the spelling as a new name.
         */
        private void name(Term.Kind kind, TaskField field, Map<TaskField, String> values) {
            String written = values.getOrDefault(field, "");
            if (written.isBlank()) {
                return;
            }
            String w = written.strip();
            TermCount count = terms.computeIfAbsent(kind.name() + "\u0000" + w, k -> {
                String chosen = options.names(kind).get(w);
                if (chosen != null && !chosen.isBlank()) {
                    TermMatcher.Match m = ctx.matcher(kind).match(chosen);
                    boolean resembles = m.how() == TermMatcher.How.NORMALISED || m.how() == TermMatcher.How.STEM;
                    if (chosen.strip().equals(w) && resembles) {
                        // the spelling itself was chosen (新名称, --map-source X=X): kept, not read as a name it resembles
                        return new TermCount(new TermMatcher.Match(kind, w, w, TermMatcher.How.NEW), true);
                    }
                    // the chosen name is the office's (read as it is known), or accepted as a new name
                    return new TermCount(new TermMatcher.Match(kind, w, m.name(), m.how() == TermMatcher.How.NEW
                            ? TermMatcher.How.NEW : TermMatcher.How.EXACT), true);
                }
                return new TermCount(ctx.matcher(kind).match(w), false);
            });
            count.rows++;
            values.put(field, count.match.name());
        }

        List<ImportPlan.TermUse> termUses() {
            return terms.values().stream().map(t -> new ImportPlan.TermUse(t.match, t.rows, t.chosen)).toList();
        }

        /** A deadline written as a number becomes the day it stands for, with a warning when that is a guess. */
        private void readNumericDeadline(Grid.Row row, Map<TaskField, String> values) {
            String raw = values.get(TaskField.DEADLINE);
            NumericDeadline.read(raw).ifPresent(reading -> {
                values.put(TaskField.DEADLINE, reading.day().toString());
                if (reading.warningKey() != null) {
                    ImportColumn c = byField.get(TaskField.DEADLINE);
                    problems.add(new ImportProblem(Severity.WARNING, row.number(), c.letter(), c.header(), raw,
                            reading.warningKey(), raw, reading.day()));
                }
            });
        }

        /** Cells of imported columns whose text cannot be trusted (formula errors): errors, and their fields. */
        private Set<TaskField> cellIssues(Grid.Row row) {
            Set<TaskField> fields = java.util.EnumSet.noneOf(TaskField.class);
            for (CellIssue issue : row.issues()) {
                byField.values().stream().filter(c -> c.index() == issue.column()).findFirst().ifPresent(c -> {
                    fields.add(c.field());
                    String key = issue.kind() == CellIssue.Kind.FORMULA_ERROR ? "import.problem.formulaError"
                            : "import.problem.formulaNotCalculated";
                    problems.add(new ImportProblem(Severity.ERROR, row.number(), c.letter(), c.header(),
                            row.cell(c.index()), key, issue.detail()));
                });
            }
            return fields;
        }

        private void plan(Grid.Row row, TaskInput input, Set<TaskField> untrusted) {
            int before = problems.size();
            noteUnknown(row, input);
            Integer seq = parseSeq(input.seq());
            Task existing = seq == null ? null : ctx.existingBySeq().get(seq);
            Set<Long> held = new HashSet<>();
            if (existing != null) {
                held.addAll(existing.unitIds());
                ctx.withdrawnOf(existing.id()).forEach(w -> held.add(w.unitId()));
            }
            TaskValidator.Result r = validator.validate(input, ctx.meetingId(), existing == null ? 0 : existing.id(),
                    s -> false, held);
            for (FieldError e : r.errors()) {
                if (untrusted.contains(e.field())) {
                    continue; // the cell's own error says what is wrong
                }
                if (e.key().equals("validation.required") && !byField.containsKey(e.field())) {
                    // nothing in the file to point at: say which field, and where else it can come from
                    problems.add(problem(Severity.ERROR, row, e.field(), input, e.field() == TaskField.SOURCE
                            ? "import.problem.noSource" : "import.problem.noColumnValue", new FieldLabel(e.field())));
                    continue;
                }
                String key = e.key().equals("validation.units.unknown") ? "import.problem.unknownUnits" : e.key();
                problems.add(problem(Severity.ERROR, row, e.field(), input, key, e.args()));
            }
            if (seq != null && seqRows.containsKey(seq)) {
                problems.add(problem(Severity.ERROR, row, TaskField.SEQ, input, "import.problem.duplicateSeq",
                        seq, seqRows.get(seq)));
            } else if (seq != null) {
                seqRows.put(seq, row.number());
            }
            if (!input.supportingUnits().isEmpty()) {
                List<String> unknown = ctx.units().resolveList(input.supportingUnits()).unknown();
                if (!unknown.isEmpty()) {
                    problems.add(problem(Severity.WARNING, row, TaskField.SUPPORTING_UNITS, input,
                            "import.problem.unknownSupporting", String.join("、", unknown)));
                }
            }
            List<Unit> units = r.ok() ? r.task().unitIds().stream().map(unitsById::get).toList()
                    : ctx.units().resolveList(input.units()).units();
            boolean supervised = compact(input.remarks()).contains(SUPERVISION_MARK);
            boolean hasErrors = !untrusted.isEmpty()
                    || problems.subList(before, problems.size()).stream().anyMatch(ImportProblem::isError);
            if (hasErrors || !r.ok()) {
                planned.add(new PlannedRow(row.number(), input, null, units, supervised, null, List.of(), existing,
                        List.of(), List.of()));
                return;
            }
            Task task = r.task();
            if (existing == null) {
                planned.add(new PlannedRow(row.number(), input, task, units, supervised, PlannedRow.Change.ADDED));
                return;
            }
            List<FieldChange> changes = diff(existing, task);
            // a unit the row no longer names keeps its share and records, withdrawn: a change, not a 提示
            List<PlannedRow.Withdrawal> withdrawals = new ArrayList<>();
            for (var a : existing.assignments()) {
                if (!task.unitIds().contains(a.unitId())) {
                    Unit u = unitsById.getOrDefault(a.unitId(), unknownUnit(a.unitId()));
                    withdrawals.add(new PlannedRow.Withdrawal(u, a.id(), ctx.recordsOf(a.id())));
                }
            }
            Set<Long> withdrawnUnits = new HashSet<>();
            ctx.withdrawnOf(existing.id()).forEach(w -> withdrawnUnits.add(w.unitId()));
            List<Unit> restored = task.unitIds().stream().filter(withdrawnUnits::contains).map(unitsById::get).toList();
            planned.add(new PlannedRow(row.number(), input, task, units, supervised,
                    changes.isEmpty() ? PlannedRow.Change.UNCHANGED : PlannedRow.Change.UPDATED, changes, existing,
                    withdrawals, restored));
        }

        private static Unit unknownUnit(long id) {
            return new Unit(id, "#" + id, "#" + id, org.duban.model.UnitKind.OTHER, List.of(), 0);
        }

        private List<FieldChange> diff(Task old, Task now) {
            List<FieldChange> list = new ArrayList<>();
            compare(list, TaskField.SOURCE, old.source(), now.source());
            compare(list, TaskField.CATEGORY, old.category(), now.category());
            compare(list, TaskField.PROBLEM, old.problem(), now.problem());
            compare(list, TaskField.TARGET, old.target(), now.target());
            compare(list, TaskField.MEASURES, old.measures(), now.measures());
            if (!new HashSet<>(old.unitIds()).equals(new HashSet<>(now.unitIds()))) {
                list.add(new FieldChange(TaskField.UNITS, names(old), names(now)));
            }
            compare(list, TaskField.SUPPORTING_UNITS, old.supportingUnits(), now.supportingUnits());
            if (old.leadUnitId() != now.leadUnitId()) {
                list.add(new FieldChange(TaskField.LEAD_UNIT, unitName(old.leadUnitId()), unitName(now.leadUnitId())));
            }
            compare(list, TaskField.LEADER, old.leader(), now.leader());
            compare(list, TaskField.DEADLINE, old.deadline().phrase(), now.deadline().phrase());
            compare(list, TaskField.REMARKS, old.remarks(), now.remarks());
            return list;
        }

        private static void compare(List<FieldChange> list, TaskField f, String before, String after) {
            if (!before.strip().equals(after.strip())) {
                list.add(new FieldChange(f, before, after));
            }
        }

        private String unitName(long id) {
            return id <= 0 ? "" : unitsById.containsKey(id) ? unitsById.get(id).name() : "?";
        }

        private String names(Task t) {
            return t.unitIds().stream().map(id -> unitsById.containsKey(id) ? unitsById.get(id).name() : "?")
                    .collect(Collectors.joining("、"));
        }

        /** 一、 heads 来源 when the row has none, else 问题类别; （一） heads 问题类别. A row's own cell wins. */
        private void applySections(Map<TaskField, String> values) {
            List<String> heads = new ArrayList<>();
            if (section1 != null) {
                heads.add(section1);
            }
            if (section2 != null) {
                heads.add(section2);
            }
            if (heads.isEmpty()) {
                return;
            }
            if (blank(values, TaskField.SOURCE)) {
                values.put(TaskField.SOURCE, heads.remove(0));
            } else if (heads.size() > 1) {
                heads.remove(0);
            }
            if (!heads.isEmpty() && blank(values, TaskField.CATEGORY)) {
                values.put(TaskField.CATEGORY, heads.get(heads.size() - 1));
            }
        }

        /**
         * A heading repeated on a later page: three or more of the mapped fields named again in their own columns.
         * The mapped columns are looked at first, and only a row where three of them name their field is read as
         * a whole heading row (a data row, nearly every row, is let go after ten cells instead of all of them).
         */
        private boolean isRepeatedHeader(Grid.Row row) {
            int named = 0;
            for (var e : byField.entrySet()) {
                String cell = row.cell(e.getValue().index());
                Optional<TaskField> field = cell.length() > HEADING_CACHED ? ColumnSynonyms.fieldOf(cell)
                        : headings.computeIfAbsent(cell, ColumnSynonyms::fieldOf);
                if (field.orElse(null) == e.getKey() && ++named >= 3) {
                    break;
                }
            }
            if (named < 3) {
                return false; // columnsOf gives a column a field only if the column's own cell names it
            }
            long same = HeaderFinder.columnsOf(row).stream().filter(c -> c.field() != null
                    && byField.containsKey(c.field()) && byField.get(c.field()).index() == c.index()).count();
            return same >= 3;
        }

        private ImportProblem problem(Severity severity, Grid.Row row, TaskField field, TaskInput input, String key,
                                      Object... args) {
            ImportColumn c = byField.get(field);
            boolean fromFile = c != null && !(field == TaskField.SEQ && autoSeq);
            return new ImportProblem(severity, row.number(), fromFile ? c.letter() : "", fromFile ? c.header() : "",
                    input.get(field), key, args);
        }
    }

    private static boolean blank(Map<TaskField, String> values, TaskField f) {
        return values.getOrDefault(f, "").isBlank();
    }

    private static String firstText(Grid.Row row) {
        return row.cells().stream().filter(c -> !c.isBlank()).findFirst().orElse("");
    }

    /** "（3）", "3.", "3、" → "3"; anything else is left for the validator to refuse. */
    static String normalSeq(String raw) {
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
        var m = SEQ_DECORATION.matcher(s);
        return m.matches() ? m.group(1) : s;
    }

    private static Integer parseSeq(String s) {
        try {
            int n = Integer.parseInt(s);
            return n > 0 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String compact(String s) {
        return SPACES.matcher(s).replaceAll("");
    }

    /** The longest cell text whose heading meaning is kept ({@code Rows.headings}). */
    private static final int HEADING_CACHED = 40;

    /** Compiled once: the planner applies them to every row (String.replaceAll compiled them per call). */
    private static final java.util.regex.Pattern LINE_BREAK = java.util.regex.Pattern.compile("\\s*\\n\\s*");
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
}
