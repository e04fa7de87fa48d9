package org.duban.service.excel;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFCell;

/**
 * A cell's text as Excel shows it. A formula gives the result Excel saved with it; a file written by a program
 * that saves formulas without results (some report generators do) has its formulas worked out here. A result
 * that is an error, or a formula that cannot be worked out, is reported as a {@link CellIssue} rather than read
 * as blank or 0.
 */
final class CellText {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final DataFormatter formatter;
    private final FormulaEvaluator evaluator;

    CellText(DataFormatter formatter, FormulaEvaluator evaluator) {
        this.formatter = formatter;
        this.evaluator = evaluator;
    }

    /** The text, and the issue when there is one. */
    record Read(String text, CellIssue issue) {
    }

    Read read(Cell cell) {
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            // no saved result, or an empty one (<v/>, as openpyxl writes it): worked out, never read as 0
            if (cell instanceof XSSFCell x && (!x.getCTCell().isSetV() || x.getCTCell().getV().isEmpty())) {
                return evaluate(cell);
            }
            type = cell.getCachedFormulaResultType();
        }
        return switch (type) {
            case STRING -> new Read(SheetReader.tidy(cell.getStringCellValue()), null);
            case BOOLEAN -> new Read(cell.getBooleanCellValue() ? "TRUE" : "FALSE", null);
            case NUMERIC -> new Read(number(cell, cell.getNumericCellValue(), null), null);
            case ERROR -> error(cell, cell.getErrorCellValue());
            default -> new Read("", null);
        };
    }

    private Read evaluate(Cell cell) {
        CellValue v;
        try {
            v = evaluator.evaluate(cell);
        } catch (RuntimeException e) {
            // another workbook, a function POI does not know, a broken formula: Excel would show its own value
            return new Read("=" + cell.getCellFormula(), new CellIssue(cell.getColumnIndex(),
                    CellIssue.Kind.FORMULA_NOT_CALCULATED, "=" + cell.getCellFormula()));
        }
        if (v == null) {
            return new Read("", null);
        }
        return switch (v.getCellType()) {
            case STRING -> new Read(SheetReader.tidy(v.getStringValue()), null);
            case BOOLEAN -> new Read(v.getBooleanValue() ? "TRUE" : "FALSE", null);
            case NUMERIC -> new Read(number(cell, v.getNumberValue(), ((XSSFCell) cell).getSheet().getWorkbook().isDate1904()),
                    null);
            case ERROR -> error(cell, v.getErrorValue());
            default -> new Read("", null);
        };
    }

    private static Read error(Cell cell, byte code) {
        String shown;
        try {
            shown = FormulaError.forInt(code).getString();
        } catch (IllegalArgumentException e) {
            shown = "#ERROR!";
        }
        String detail = cell.getCellType() == CellType.FORMULA ? shown + "（=" + cell.getCellFormula() + "）" : shown;
        return new Read(shown, new CellIssue(cell.getColumnIndex(), CellIssue.Kind.FORMULA_ERROR, detail));
    }

    /**
     * Dates as {@code 2026-06-30} (with the time when there is one), other numbers as formatted in the file.
     *
     * @param date1904 for a calculated value, whether the workbook counts days from 1904; null for a stored one
     */
    private String number(Cell cell, double value, Boolean date1904) {
        if (DateUtil.isCellDateFormatted(cell) && DateUtil.isValidExcelDate(value)) {
            return dateText(date1904 == null ? cell.getLocalDateTimeCellValue()
                    : DateUtil.getLocalDateTime(value, date1904));
        }
        return numberText(formatter, value, cell.getCellStyle().getDataFormat(),
                cell.getCellStyle().getDataFormatString());
    }

    /** A number as its format shows it (not a date: see {@link #dateText}). */
    static String numberText(DataFormatter formatter, double value, int format, String formatString) {
        return SheetReader.tidy(formatter.formatRawCellContents(value, format,
                formatString == null ? "General" : formatString));
    }

    /** {@code 2026-06-30}, with the time ({@code 2026-06-30 14:30}) when there is one. */
    static String dateText(LocalDateTime t) {
        return t.toLocalTime().equals(LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : t.format(DATE_TIME);
    }
}
