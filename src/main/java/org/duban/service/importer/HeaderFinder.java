package org.duban.service.importer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.duban.service.excel.Grid;
import org.duban.service.tasks.TaskField;

/**
 * Finds the heading row of a task list below any title rows: among the first rows, the one whose cells name
 * the most task fields (at least three, one of them 问题 or 责任单位).
 */
public final class HeaderFinder {
    /** Titles, document numbers and notes rarely take more than this many rows above the heading. */
    static final int SEARCH_ROWS = 30;
    private static final int MIN_FIELDS = 3;

    private HeaderFinder() {
    }

    /**
     * The heading row and its columns.
     *
     * @param index the row's position in {@link Grid#rows()}
     * @param title the first text above the heading (the list's title), "" when none
     */
    public record Header(int index, int rowNumber, List<ImportColumn> columns, String title) {
        public Header {
            columns = List.copyOf(columns);
        }

        public Optional<ImportColumn> column(TaskField field) {
            return columns.stream().filter(c -> c.field() == field).findFirst();
        }
    }

    public static Optional<Header> find(Grid grid) {
        Header best = null;
        int bestCount = 0;
        int limit = Math.min(SEARCH_ROWS, grid.rows().size());
        for (int i = 0; i < limit; i++) {
            List<ImportColumn> columns = columnsOf(grid.rows().get(i));
            int count = (int) columns.stream().filter(c -> c.field() != null).count();
            boolean essential = columns.stream().anyMatch(c -> c.field() == TaskField.PROBLEM || c.field() == TaskField.UNITS);
            if (count >= MIN_FIELDS && essential && count > bestCount) {
                bestCount = count;
                best = new Header(i, grid.rows().get(i).number(), columns, titleAbove(grid, i));
            }
        }
        return Optional.ofNullable(best);
    }

    /** The row's cells as columns, each field given to the column that names it best (leftmost on a tie). */
    static List<ImportColumn> columnsOf(Grid.Row row) {
        Map<TaskField, Integer> owner = new EnumMap<>(TaskField.class);
        Map<TaskField, Integer> ownerScore = new EnumMap<>(TaskField.class);
        List<ColumnSynonyms.Match> matches = new ArrayList<>();
        for (int c = 0; c < row.cells().size(); c++) {
            ColumnSynonyms.Match m = ColumnSynonyms.match(row.cell(c)).orElse(null);
            matches.add(m);
            if (m != null && (!owner.containsKey(m.field()) || m.score() > ownerScore.get(m.field()))) {
                owner.put(m.field(), c);
                ownerScore.put(m.field(), m.score());
            }
        }
        // 牵头单位 without a 责任单位 column is the list's units column (the lead unit is a role beside the units)
        boolean leadIsUnits = owner.containsKey(TaskField.LEAD_UNIT) && !owner.containsKey(TaskField.UNITS);
        List<ImportColumn> columns = new ArrayList<>();
        for (int c = 0; c < row.cells().size(); c++) {
            ColumnSynonyms.Match m = matches.get(c);
            TaskField f = m != null && owner.get(m.field()) == c ? m.field() : null;
            columns.add(new ImportColumn(c, row.cell(c), leadIsUnits && f == TaskField.LEAD_UNIT ? TaskField.UNITS : f));
        }
        return columns;
    }

    private static String titleAbove(Grid grid, int headerIndex) {
        for (int i = 0; i < headerIndex; i++) {
            for (String cell : grid.rows().get(i).cells()) {
                String t = cell.strip();
                if (t.length() >= 4 && !t.startsWith("附件") && !t.matches("^[\\d\\s.-]+$")) {
                    return t.replaceAll("\\s+", " ");
                }
            }
        }
        return "";
    }
}
