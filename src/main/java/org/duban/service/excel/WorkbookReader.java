package org.duban.service.excel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Workbooks read whole with POI's usermodel: .xls files (and a password-protected .xlsx, which is an OLE2 file too,
 * to be told so). An .xls holds 65,536 rows at most and is refused over {@link SheetReader#MAX_XLS_BYTES}, so it fits
 * in memory; .xlsx goes through {@link XlsxStreamReader}, which comes here only to work out formulas saved without
 * their results ({@link #formulas}).
 */
final class WorkbookReader {
    private WorkbookReader() {
    }

    /** Every sheet of the workbook in order. */
    static List<Grid> read(Path file, String name, int maxRows) {
        try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
            List<Grid> grids = new ArrayList<>();
            CellText cells = cellText(wb);
            SheetRows.TextBudget budget = new SheetRows.TextBudget(name, maxRows);
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                Sheet sheet = wb.getSheetAt(i);
                boolean hidden = wb.isSheetHidden(i) || wb.isSheetVeryHidden(i);
                grids.add(readSheet(sheet, new SheetRows(name + " / " + sheet.getSheetName(), sheet.getSheetName(),
                        hidden, budget), cells));
            }
            return grids;
        } catch (IOException | RuntimeException e) {
            throw SheetReader.failure(e, name);
        }
    }

    /** A formula cell to work out: sheet (0 = first), row and column (0-based). */
    record Formula(int sheet, int row, int column) {
    }

    /**
     * Works out formulas that the file keeps without a result: opens the workbook whole, which only a small one
     * may be (the caller decides), and reads those cells as {@link CellText} does.
     *
     * @return the text and issue of each formula, in the order given
     */
    static List<CellText.Read> formulas(Path file, String name, List<Formula> wanted) {
        try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
            CellText cells = cellText(wb);
            List<CellText.Read> out = new ArrayList<>(wanted.size());
            for (Formula f : wanted) {
                Row row = wb.getSheetAt(f.sheet()).getRow(f.row());
                Cell cell = row == null ? null : row.getCell(f.column());
                out.add(cell == null ? new CellText.Read("", null) : cells.read(cell));
            }
            return out;
        } catch (IOException | RuntimeException e) {
            throw SheetReader.failure(e, name);
        }
    }

    private static CellText cellText(Workbook wb) {
        return new CellText(new DataFormatter(Locale.CHINA), wb.getCreationHelper().createFormulaEvaluator());
    }

    private static Grid readSheet(Sheet sheet, SheetRows rows, CellText cellText) {
        for (Row row : sheet) {
            if (row.getLastCellNum() > SheetReader.MAX_COLUMNS) {
                throw new org.duban.i18n.LocalizedException("excel.error.tooManyColumns", rows.where(),
                        (int) row.getLastCellNum(), SheetReader.MAX_COLUMNS);
            }
            String[] cells = new String[Math.max(0, row.getLastCellNum())];
            List<CellIssue> issues = new ArrayList<>();
            for (Cell cell : row) {
                CellText.Read read = cellText.read(cell);
                cells[cell.getColumnIndex()] = read.text();
                if (read.issue() != null) {
                    issues.add(read.issue());
                }
            }
            rows.add(row.getRowNum(), cells, issues);
        }
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            rows.merge(region.getFirstRow(), region.getLastRow(), region.getFirstColumn(), region.getLastColumn());
        }
        return rows.toGrid();
    }
}
