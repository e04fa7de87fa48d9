package org.duban.service.excel;

import java.util.List;

/**
 * One sheet read as text, the way a person sees it: every cell as displayed (dates as {@code 2026-06-30}),
 * merged cells repeated into every cell they cover, blank rows dropped.
 *
 * @param sheetName the sheet's name ({@code ""} for CSV)
 * @param hidden    whether the sheet is hidden in the workbook (the program keeps its own notes there)
 * @param rows      non-blank rows, top to bottom
 */
public record Grid(String sheetName, boolean hidden, List<Row> rows) {
    public Grid {
        rows = List.copyOf(rows);
    }

    /**
     * One row.
     *
     * @param number the row number the spreadsheet shows (1 = the first row), so messages point at it
     * @param cells  cell texts from column A on (shorter rows simply end early)
     * @param issues cells whose text cannot be trusted (a formula error, a formula without its result)
     */
    public record Row(int number, List<String> cells, List<CellIssue> issues) {
        public Row {
            cells = List.copyOf(cells);
            issues = List.copyOf(issues);
        }

        public Row(int number, List<String> cells) {
            this(number, cells, List.of());
        }

        /** The text of a column (0 = A), {@code ""} past the row's end. */
        public String cell(int column) {
            return column < cells.size() ? cells.get(column) : "";
        }

        public boolean isBlank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    /** The column letters a spreadsheet shows: 0 → A, 25 → Z, 26 → AA. */
    public static String columnLetter(int column) {
        StringBuilder sb = new StringBuilder();
        for (int n = column + 1; n > 0; n = (n - 1) / 26) {
            sb.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return sb.toString();
    }

    /** The widest row. */
    public int width() {
        return rows.stream().mapToInt(r -> r.cells().size()).max().orElse(0);
    }
}
