package org.duban.service.importer;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.duban.model.Unit;
import org.duban.service.excel.Grid;

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
 */
public record ImportPlan(String fileName, String sheetName, int headerRow, String title, List<ImportColumn> columns,
                         List<Grid.Row> dataRows, List<PlannedRow> rows, List<ImportProblem> problems,
                         List<Integer> notInFile) {
    public ImportPlan {
        columns = List.copyOf(columns);
        dataRows = List.copyOf(dataRows);
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
        notInFile = List.copyOf(notInFile);
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

    /** How many tasks each unit receives, in roster order. */
    public Map<Unit, Integer> assignmentsByUnit() {
        Map<Unit, Integer> counts = new TreeMap<>(Comparator.comparingInt(Unit::sortOrder).thenComparing(Unit::name));
        for (PlannedRow r : rows) {
            r.units().forEach(u -> counts.merge(u, 1, Integer::sum));
        }
        return new LinkedHashMap<>(counts);
    }
}
