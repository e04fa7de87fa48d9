package org.duban.service.importer;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.duban.model.Term;
import org.duban.model.Unit;
import org.duban.service.excel.Grid;
import org.duban.service.vocabulary.TermMatcher;

/**
 * What importing a file would do: the columns and how they map, every task row with its outcome, and every
 * problem. Nothing is written until {@link TaskImporter#apply}; with any error nothing is written at all.
 *
 * @param sheetName   the sheet read
 * @param headerRow   the heading row's number (0 when none was found)
 * @param title       the list's title above the heading ("" when none)
 * @param columns     every column of the heading row with the field it goes to
 * @param dataRows    the rows below the heading, for the preview
 * @param notInFile   序号 of the meeting's existing tasks that the file does not mention (left as they are)
 * @param continuations a task's first row → the rows below it that continue it (one task over several rows, each
 *                      holding one measure: the measures are joined in order)
 */
public record ImportPlan(String fileName, String sheetName, int headerRow, String title, List<ImportColumn> columns,
                         List<Grid.Row> dataRows, List<PlannedRow> rows, List<ImportProblem> problems,
                         List<Integer> notInFile, List<TermUse> terms, Map<Integer, List<Integer>> continuations) {
    public ImportPlan(String fileName, String sheetName, int headerRow, String title, List<ImportColumn> columns,
                      List<Grid.Row> dataRows, List<PlannedRow> rows, List<ImportProblem> problems,
                      List<Integer> notInFile, List<TermUse> terms) {
        this(fileName, sheetName, headerRow, title, columns, dataRows, rows, problems, notInFile, terms, Map.of());
    }

    public ImportPlan {
        continuations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(continuations));
        columns = List.copyOf(columns);
        dataRows = List.copyOf(dataRows);
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
        notInFile = List.copyOf(notInFile);
        terms = List.copyOf(terms);
    }

    /**
     * A source or category as the file writes it, the office's name the tasks get, and on how many rows.
     *
     * @param chosen whether the user chose the name (in the wizard, or with --map-source), rather than the matcher
     */
    public record TermUse(TermMatcher.Match match, int rows, boolean chosen) {
        public Term.Kind kind() {
            return match.kind();
        }

        public String written() {
            return match.written().strip();
        }

        public String name() {
            return match.name();
        }

        /** A name the vocabulary does not have yet: it is added by the import. */
        public boolean isNew() {
            return match.how() == TermMatcher.How.NEW;
        }
    }

    /** The written names of a kind that the office's vocabulary does not have: the import adds them. */
    public List<TermUse> newTerms(Term.Kind kind) {
        return terms.stream().filter(t -> t.kind() == kind && t.isNew()).toList();
    }

    /** The written names of a kind read as one of the office's names though written otherwise (来源 → name). */
    public List<TermUse> renamedTerms(Term.Kind kind) {
        return terms.stream().filter(t -> t.kind() == kind && !t.isNew() && t.match().renamed()).toList();
    }

    /** "续行：第 3 行的任务并入第 4、5 行的措施；…", or "" when no task spreads over several rows. */
    public String continuationsText() {
        if (continuations.isEmpty()) {
            return "";
        }
        return org.duban.i18n.Messages.tr("import.continuations", continuations.entrySet().stream()
                .map(e -> org.duban.i18n.Messages.tr("import.continuation", e.getKey(), e.getValue().stream()
                        .map(String::valueOf).collect(java.util.stream.Collectors.joining("、"))))
                .collect(java.util.stream.Collectors.joining("；")));
    }

    public List<ImportProblem> errors() {
        return problems.stream().filter(ImportProblem::isError).toList();
    }

    public List<ImportProblem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(ImportProblem::isError);
    }

    /** Task rows in the file (with or without errors). */
    public int taskCount() {
        return rows.size();
    }

    public int assignmentCount() {
        return rows.stream().mapToInt(r -> r.units().size()).sum();
    }

    public int count(PlannedRow.Change change) {
        return (int) rows.stream().filter(r -> r.change() == change).count();
    }

    public int supervisedCount() {
        return (int) rows.stream().filter(PlannedRow::supervised).count();
    }

    /**
     * How the file's rows compare with the meeting's tasks of the same 序号: how many rows name an existing task, and
     * how many of those describe the same problem ({@link ProblemSimilarity}).
     */
    public record ListMatch(int paired, int same) {
        /**
         * A different list, not a revision: most rows that would update a task by its 序号 describe another problem.
         * Updating by 序号 would write unrelated text over the meeting's tasks.
         */
        public boolean different() {
            return paired > 0 && same * 2 < paired;
        }

        public int differing() {
            return paired - same;
        }
    }

    public ListMatch listMatch() {
        int paired = 0;
        int same = 0;
        for (PlannedRow r : rows) {
            if (r.updatesExisting()) {
                paired++;
                same += r.differentTask() ? 0 : 1;
            }
        }
        return new ListMatch(paired, same);
    }

    /** Rows whose 序号 names an existing task whose problem text would change, for the side-by-side list. */
    public List<PlannedRow> textChanges() {
        return rows.stream().filter(r -> r.ok() && r.problemChanges()).toList();
    }

    /** Every share the import would withdraw (已撤出), in row order. */
    public List<PlannedRow.Withdrawal> withdrawals() {
        return rows.stream().filter(PlannedRow::ok).flatMap(r -> r.withdrawals().stream()).toList();
    }

    /** How many withdrawn shares the import would make active again. */
    public int restoredCount() {
        return rows.stream().filter(PlannedRow::ok).mapToInt(r -> r.restored().size()).sum();
    }

    /** How many tasks each unit receives, in roster order. */
    public Map<Unit, Integer> assignmentsByUnit() {
        Map<Unit, Integer> counts = new TreeMap<>(Comparator.comparingInt(Unit::sortOrder).thenComparing(Unit::name));
        for (PlannedRow r : rows) {
            r.units().forEach(u -> counts.merge(u, 1, Integer::sum));
        }
        return new LinkedHashMap<>(counts);
    }
}
