package org.duban.service.excel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.duban.i18n.LocalizedException;

/**
 * The rows of one sheet as a reader finds them, whichever reader (the streaming one for .xlsx, POI's workbook for
 * .xls): kept by row, counted as they come so that a huge sheet is refused at its first row over the limit, with
 * its merged areas filled in at the end, then turned into a {@link Grid}.
 *
 * <p>Only rows with text count toward {@link SheetReader#MAX_ROWS}: Excel keeps formatted empty rows (a border
 * drawn down to row 100,000) in the file, and they are nothing to import.
 */
final class SheetRows {
    private final String where;
    private final String sheetName;
    private final boolean hidden;
    private final TextBudget budget;
    private final TreeMap<Integer, String[]> rows = new TreeMap<>();
    private final Map<Integer, List<CellIssue>> issues = new HashMap<>();
    private final List<int[]> merged = new ArrayList<>();
    private int withText;

    /**
     * @param where  the file and sheet, as messages name them ({@code 清单.xlsx / 任务清单})
     * @param budget the text the whole file may hold, shared by its sheets
     */
    SheetRows(String where, String sheetName, boolean hidden, TextBudget budget) {
        this.where = where;
        this.sheetName = sheetName;
        this.hidden = hidden;
        this.budget = budget;
    }

    String where() {
        return where;
    }

    /** The rows with text this sheet may have. */
    int maxRows() {
        return budget.maxRows;
    }

    /**
     * Adds one row (0 = the sheet's first) of cell texts ({@code null} for no cell), with the issues of its cells.
     *
     * @throws LocalizedException when it is the first row with text over the limit, or a cell is far too long
     */
    void add(int index, String[] cells, List<CellIssue> rowIssues) {
        boolean text = false;
        for (int c = 0; c < cells.length; c++) {
            String s = cells[c];
            if (s != null && !s.isBlank()) {
                text = true;
                budget.spend(s.length(), where, index + 1, c);
            }
        }
        if (!rowIssues.isEmpty()) {
            issues.put(index, new ArrayList<>(rowIssues));
        }
        if (!text && rowIssues.isEmpty()) {
            return;
        }
        if (++withText > budget.maxRows) {
            throw new LocalizedException("excel.error.tooManyRows", where, index + 1, budget.maxRows);
        }
        rows.put(index, cells);
    }

    /** Notes a merged area (0-based, inclusive), filled in by {@link #toGrid}. */
    void merge(int firstRow, int lastRow, int firstColumn, int lastColumn) {
        merged.add(new int[] {firstRow, lastRow, firstColumn, lastColumn});
    }

    /** The text of a cell kept so far, {@code null} when there is none. */
    String cell(int row, int column) {
        String[] cells = rows.get(row);
        return cells != null && column < cells.length ? cells[column] : null;
    }

    /** Replaces a cell's text and its issue (a formula worked out after the streaming read). */
    void replace(int row, int column, String text, CellIssue issue) {
        String[] cells = rows.computeIfAbsent(row, k -> new String[column + 1]);
        if (cells.length <= column) {
            cells = Arrays.copyOf(cells, column + 1);
            rows.put(row, cells);
        }
        cells[column] = text;
        List<CellIssue> list = issues.computeIfAbsent(row, k -> new ArrayList<>());
        list.removeIf(i -> i.column() == column);
        if (issue != null) {
            list.add(issue);
        }
    }

    /**
     * The sheet as a grid: a merged cell shows its text across the whole area (责任单位 merged over three tasks
     * belongs to each), blank rows dropped.
     */
    Grid toGrid() {
        for (int[] m : merged) {
            String[] first = rows.get(m[0]);
            String value = first != null && m[2] < first.length && first[m[2]] != null ? first[m[2]] : "";
            if (value.isBlank()) {
                continue;
            }
            int lastRow = Math.min(m[1], budget.maxRows);
            int lastCol = Math.min(m[3], SheetReader.MAX_COLUMNS - 1);
            for (int r = m[0]; r <= lastRow; r++) {
                String[] cells = rows.computeIfAbsent(r, k -> new String[0]);
                if (cells.length <= lastCol) {
                    cells = Arrays.copyOf(cells, lastCol + 1);
                    rows.put(r, cells);
                }
                for (int c = m[2]; c <= lastCol; c++) {
                    if (cells[c] == null || cells[c].isBlank()) {
                        cells[c] = value;
                    }
                }
            }
        }
        List<Grid.Row> list = new ArrayList<>();
        rows.forEach((index, cells) -> {
            List<String> texts = new ArrayList<>(cells.length);
            for (String c : cells) {
                texts.add(c == null ? "" : c);
            }
            Grid.Row r = new Grid.Row(index + 1, texts, issues.getOrDefault(index, List.of()));
            if (!r.isBlank()) {
                list.add(r);
            }
        });
        return new Grid(sheetName, hidden, list);
    }

    /**
     * How much text one file may bring in: a cell of more than {@link #MAX_CELL} characters is no task list's (Excel
     * itself stops at 32,767), and all cells together are held in memory, so they are bounded too.
     */
    static final class TextBudget {
        static final int MAX_CELL = 1_000_000;
        static final long MAX_TOTAL = 40_000_000;
        private final String file;
        /** Rows with text a sheet may have ({@link SheetReader#MAX_ROWS} unless the reader was given more). */
        final int maxRows;
        /** Text the file may hold: {@link #MAX_TOTAL}, more in proportion for a larger row limit. */
        private final long maxTotal;
        private long spent;

        TextBudget(String file) {
            this(file, SheetReader.MAX_ROWS);
        }

        TextBudget(String file, int maxRows) {
            this.file = file;
            this.maxRows = maxRows;
            this.maxTotal = MAX_TOTAL * Math.max(1, (maxRows + SheetReader.MAX_ROWS - 1) / SheetReader.MAX_ROWS);
        }

        /** Counts a cell's text; refuses a cell that is far too long, naming its row and column. */
        void spend(long length, String where, int rowNumber, int column) {
            if (length > MAX_CELL) {
                throw new LocalizedException("excel.error.cellTooLong", where, rowNumber, Grid.columnLetter(column),
                        MAX_CELL);
            }
            spendStored(length);
        }

        /** Counts text held in memory outside the cells (the shared strings table). */
        void spendStored(long length) {
            spent += length;
            if (spent > maxTotal) {
                throw new LocalizedException("excel.error.tooMuchText", file, maxTotal);
            }
        }
    }
}
