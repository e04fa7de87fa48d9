package org.duban.service.excel;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.i18n.LocalizedException;
import org.duban.service.io.AtomicFiles;

/**
 * What every workbook the program writes has in common: a Chinese office font, bordered wrapping cells, text
 * that is never taken for a formula, print set-up, and saving that never leaves half a file behind.
 */
public final class XlsxWriting {
    /** 宋体 is on every Chinese Windows; other systems substitute their own CJK font. */
    public static final String FONT = "宋体";

    private XlsxWriting() {
    }

    /** The cell styles of a table. */
    public static final class Styles {
        public final CellStyle title;
        public final CellStyle subtitle;
        public final CellStyle header;
        public final CellStyle text;
        public final CellStyle center;
        private final XSSFWorkbook wb;
        private final java.util.Map<CellStyle, CellStyle> quoted = new java.util.HashMap<>();

        Styles(XSSFWorkbook wb) {
            this.wb = wb;
            Font plain = font(wb, 11, false);
            title = wb.createCellStyle();
            title.setFont(font(wb, 16, true));
            title.setAlignment(HorizontalAlignment.CENTER);
            title.setVerticalAlignment(VerticalAlignment.CENTER);
            subtitle = wb.createCellStyle();
            subtitle.setFont(plain);
            header = bordered(wb);
            header.setFont(font(wb, 11, true));
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setFillForegroundColor(new XSSFColor(new byte[] {(byte) 0xD9, (byte) 0xE1, (byte) 0xF2}, null));
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            text = bordered(wb);
            text.setFont(plain);
            center = bordered(wb);
            center.setFont(plain);
            center.setAlignment(HorizontalAlignment.CENTER);
        }

        /**
         * Writes text as text: a string cell is never a formula, and text that starts with = + - @ also gets
         * the quote-prefix style, so that editing it in Excel keeps it text.
         */
        public void text(Cell cell, String value, CellStyle style) {
            String v = value == null ? "" : value;
            cell.setCellValue(v);
            cell.setCellStyle(looksLikeFormula(v) ? quoted.computeIfAbsent(style, s -> {
                CellStyle copy = wb.createCellStyle();
                copy.cloneStyleFrom(s);
                copy.setQuotePrefixed(true);
                return copy;
            }) : style);
        }

        /** A bordered wrapping style with a solid fill (RGB), e.g. for a warning light or an input column. */
        public XSSFCellStyle filled(int rgb, boolean locked) {
            XSSFCellStyle s = (XSSFCellStyle) bordered(wb);
            s.setFont(font(wb, 11, false));
            s.setFillForegroundColor(new XSSFColor(new byte[] {(byte) (rgb >> 16), (byte) (rgb >> 8), (byte) rgb}, null));
            s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            s.setLocked(locked);
            return s;
        }
    }

    public static Styles styles(XSSFWorkbook wb) {
        return new Styles(wb);
    }

    private static Font font(Workbook wb, int points, boolean bold) {
        Font f = wb.createFont();
        f.setFontName(FONT);
        f.setFontHeightInPoints((short) points);
        f.setBold(bold);
        return f;
    }

    private static CellStyle bordered(Workbook wb) {
        CellStyle s = wb.createCellStyle();
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
        s.setWrapText(true);
        s.setVerticalAlignment(VerticalAlignment.TOP);
        return s;
    }

    /** Text a spreadsheet could take for a formula if it were typed in. */
    public static boolean looksLikeFormula(String s) {
        return !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0;
    }

    /** Landscape A4, all columns on one page width, the heading row repeated on every page, page numbers. */
    public static void printSetup(Sheet sheet, int headerRowIndex) {
        PrintSetup ps = sheet.getPrintSetup();
        ps.setLandscape(true);
        ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
        ps.setFitWidth((short) 1);
        ps.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        sheet.setHorizontallyCenter(true);
        sheet.setMargin(Sheet.LeftMargin, 0.4);
        sheet.setMargin(Sheet.RightMargin, 0.4);
        sheet.setMargin(Sheet.TopMargin, 0.6);
        sheet.setMargin(Sheet.BottomMargin, 0.6);
        sheet.setRepeatingRows(new org.apache.poi.ss.util.CellRangeAddress(headerRowIndex, headerRowIndex, -1, -1));
        sheet.getFooter().setCenter("第 &P 页，共 &N 页");
    }

    /**
     * Sets a row's height to show all of its wrapped text. Spreadsheets do not all grow rows by themselves
     * when a file is opened (LibreOffice keeps the default height), so the height is written.
     *
     * @param widths each column's width in characters, as given to {@link #width}
     */
    public static void fitHeight(org.apache.poi.ss.usermodel.Row row, int[] widths) {
        int lines = 1;
        for (int c = 0; c < widths.length; c++) {
            org.apache.poi.ss.usermodel.Cell cell = row.getCell(c);
            if (cell == null || cell.getCellType() != org.apache.poi.ss.usermodel.CellType.STRING) {
                continue;
            }
            int perLine = Math.max(1, widths[c] - 1);
            int n = 0;
            for (String line : cell.getStringCellValue().split("\n", -1)) {
                n += Math.max(1, (displayWidth(line) + perLine - 1) / perLine);
            }
            lines = Math.max(lines, n);
        }
        row.setHeightInPoints(Math.min(409f, lines * 14.5f + 4));
    }

    /** Width in character cells: CJK characters and full-width punctuation take two. */
    static int displayWidth(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += s.charAt(i) >= 0x2E80 ? 2 : 1;
        }
        return w;
    }

    /** Column width in characters (a CJK character counts about two). */
    public static void width(Sheet sheet, int column, int chars) {
        sheet.setColumnWidth(column, Math.min(255, chars) * 256);
    }

    /**
     * Saves to a temporary file beside {@code out} and moves it into place, so a failure never leaves a broken
     * or half-written file where the old one was.
     */
    public static void save(Workbook wb, Path out) {
        Path target = out.toAbsolutePath();
        try {
            AtomicFiles.write(target, wb::write);
        } catch (IOException e) {
            throw new LocalizedException(e, "excel.error.cannotWrite", target, e.getMessage());
        }
    }
}
