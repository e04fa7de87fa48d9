package org.duban.service.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.duban.i18n.LocalizedException;
import org.duban.persistence.Database;
import org.duban.testing.HugeSheets;
import org.duban.testing.OfficeLists;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.duban.testing.Workbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming .xlsx reader gives what POI's whole-workbook reader gives (cell for cell, on awkward files), stops at
 * the row limit while reading, and works out a formula whose saved result is empty instead of reading 0.
 */
class XlsxStreamReaderTest {
    @TempDir
    Path dir;

    private static void assertSameAsTheWorkbookReader(Path file) {
        String name = file.getFileName().toString();
        List<Grid> whole = WorkbookReader.read(file, name, SheetReader.MAX_ROWS);
        List<Grid> streamed = XlsxStreamReader.read(file, name, SheetReader.MAX_ROWS);
        assertEquals(whole, streamed, name);
    }

    @Test
    void readsWhatTheWholeWorkbookReaderReadsOnAwkwardFiles() throws Exception {
        assertSameAsTheWorkbookReader(OfficeLists.xlsx(dir.resolve("清单.xlsx")));
        try (Database db = TestDb.withSample(dir)) {
            Path ledger = dir.resolve("台账.xlsx");
            Wired.of(db).ledgerExporter().export(Wired.of(db).meetings().current().orElseThrow(), ledger);
            assertSameAsTheWorkbookReader(ledger);
        }
        assertSameAsTheWorkbookReader(Workbooks.write(dir.resolve("杂项.xlsx"), true, wb -> {
            Sheet s = Workbooks.sheet(wb, "任务清单", List.of(
                    Workbooks.row(1, "河道垃圾", "蕉城区", LocalDate.of(2026, 6, 30), "=1/0"),
                    Workbooks.row(2, "入河排污口", "福安市", "2026年底前", "=A3*3"),
                    Workbooks.row(3, "  前后空格  ", "霞浦县", 46203, "=\"文本\"&B4"),
                    Workbooks.row(4, "第一行\n第二行", "", "2026年底前", "=TRUE()")));
            s.addMergedRegion(new CellRangeAddress(3, 4, 2, 2)); // 霞浦县 over two rows
            Row r = s.createRow(7);
            CellStyle dateTime = wb.createCellStyle();
            dateTime.setDataFormat(wb.createDataFormat().getFormat("yyyy/m/d h:mm"));
            r.createCell(5).setCellValue(LocalDateTime.of(2026, 6, 30, 14, 30));
            r.getCell(5).setCellStyle(dateTime);
            CellStyle percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
            r.createCell(0).setCellValue(0.375);
            r.getCell(0).setCellStyle(percent);
            CellStyle thousands = wb.createCellStyle();
            thousands.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
            r.createCell(1).setCellValue(1234567.891);
            r.getCell(1).setCellStyle(thousands);
            r.createCell(2).setCellValue(true);
            XSSFRichTextString rich = new XSSFRichTextString("蕉城区、福安市");
            rich.applyFont(0, 3, wb.createFont());
            r.createCell(3).setCellValue(rich);
            r.createCell(4).setCellValue("带_x000D_转义");
            Sheet hidden = wb.createSheet("说明");
            hidden.createRow(0).createCell(0).setCellValue("内部备注");
            wb.setSheetHidden(1, true);
            wb.createSheet("空表");
        }));
    }

    /** A workbook with its sheet's XML changed as {@code edit} says (what another program would have written). */
    private Path withSheetXml(Path file, UnaryOperator<String> edit) throws IOException {
        byte[] original = Files.readAllBytes(file);
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(original));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(e.getName().equals("xl/worksheets/sheet1.xml")
                        ? edit.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)
                        : content);
            }
        }
        return file;
    }

    @Test
    void aFormulaWhoseSavedResultIsEmptyIsWorkedOutNotReadAsZero() throws Exception {
        Path file = Workbooks.write(dir.resolve("openpyxl.xlsx"), false, wb -> Workbooks.sheet(wb, "任务清单",
                List.of(Workbooks.row(1, "河道垃圾", "蕉城区", "2026年底前", "=2+3"),
                        Workbooks.row(2, "排污口", "福安市", "2026年底前", "=[1]Sheet1!A1"))));
        // as openpyxl saves them: the formula, and an empty result (<v></v>, or <v/>)
        withSheetXml(file, xml -> xml.replaceAll("(<f>[^<]*</f>)(<v>[^<]*</v>)?", "$1<v/>")
                .replaceFirst("<v/>", "<v></v>"));
        Grid g = SheetReader.read(file).get(0);
        assertEquals("5", g.rows().get(1).cell(4), "worked out, not 0");
        Grid.Row second = g.rows().get(2);
        assertTrue(second.cell(4).startsWith("="), second.cell(4));
        assertEquals(CellIssue.Kind.FORMULA_NOT_CALCULATED, second.issues().get(0).kind(), "reported, not 0");
    }

    @Test
    void trailingEmptyFormattedRowsDoNotCountTowardTheLimit() throws Exception {
        Path file = dir.resolve("带格式的空行.xlsx");
        try (org.apache.poi.xssf.streaming.SXSSFWorkbook wb = new org.apache.poi.xssf.streaming.SXSSFWorkbook(100);
             OutputStream out = Files.newOutputStream(file)) {
            Sheet s = wb.createSheet("任务清单");
            CellStyle bordered = wb.createCellStyle();
            bordered.setBorderBottom(org.apache.poi.ss.usermodel.BorderStyle.THIN);
            Row h = s.createRow(0);
            for (int c = 0; c < Workbooks.HEADER.size(); c++) {
                h.createCell(c).setCellValue(Workbooks.HEADER.get(c));
            }
            for (int r = 1; r <= 100; r++) {
                Row row = s.createRow(r);
                row.createCell(0).setCellValue(r);
                row.createCell(1).setCellValue("问题 " + r);
            }
            for (int r = 101; r < 60_000; r++) { // a border drawn far down, as offices do
                s.createRow(r).createCell(0).setCellStyle(bordered);
            }
            wb.write(out);
            wb.dispose();
        }
        assertEquals(101, SheetReader.read(file).get(0).rows().size());
    }

    @Test
    void aHugeSheetIsRefusedAtItsFirstRowOverTheLimit() throws Exception {
        Path file = dir.resolve("大表.xlsx");
        HugeSheets.write(file, SheetReader.MAX_ROWS + 5_000);
        LocalizedException e = assertThrows(LocalizedException.class, () -> SheetReader.read(file));
        assertEquals("excel.error.tooManyRows", e.key());
        assertTrue(e.getLocalizedMessage().contains("超过 20,000 行的上限（读到第 20,001 行时停止读取）"),
                e.getLocalizedMessage());

        // asked for explicitly (import --max-rows, the growth table's 50,000 tasks), a longer list is read whole
        Grid all = SheetReader.read(file, SheetReader.MAX_ROWS + 5_100).get(0);
        assertTrue(all.rows().size() >= SheetReader.MAX_ROWS + 5_000, "rows read: " + all.rows().size());
        LocalizedException under = assertThrows(LocalizedException.class,
                () -> SheetReader.read(file, SheetReader.MAX_ROWS + 1_000));
        assertTrue(under.getLocalizedMessage().contains("超过 21,000 行的上限（读到第 21,001 行时停止读取）"),
                under.getLocalizedMessage());
        assertEquals("excel.error.maxRowsRange", assertThrows(LocalizedException.class,
                () -> SheetReader.read(file, 0)).key());
        assertEquals("excel.error.maxRowsRange", assertThrows(LocalizedException.class,
                () -> SheetReader.read(file, SheetReader.MAX_ROWS_ALLOWED + 1)).key());
    }

    @Test
    void aLongRepetitiveCellIsNoBombAndATooLongOneIsNamedByRowAndColumn() throws Exception {
        // half a million times the same character compresses a thousandfold, as a zip bomb does
        Path longCell = HugeSheets.write(dir.resolve("长单元格.xlsx"), 3, "污".repeat(500_000));
        assertEquals(500_000, SheetReader.read(longCell).get(0).rows().get(3).cell(1).length());

        Path tooLong = HugeSheets.write(dir.resolve("超长.xlsx"), 3, "a".repeat(SheetRows.TextBudget.MAX_CELL + 10));
        LocalizedException e = assertThrows(LocalizedException.class, () -> SheetReader.read(tooLong));
        assertEquals("excel.error.cellTooLong", e.key());
        assertTrue(e.getLocalizedMessage().contains("第 4 行 B 列"), e.getLocalizedMessage());
    }

    /** A cell's column read from its reference as POI reads it, for every spelling a file may carry (issue 24). */
    @Test
    void columnsOfCellReferencesAreReadAsPoiReadsThem() {
        for (int col = 0; col < 16_384; col += col < 800 ? 1 : 97) {
            String letters = org.apache.poi.ss.util.CellReference.convertNumToColString(col);
            for (String ref : List.of(letters + "1", letters + "1048576", letters + "37", "$" + letters + "$5",
                    letters.toLowerCase(java.util.Locale.ROOT) + "9")) {
                assertEquals(new org.apache.poi.ss.util.CellReference(ref).getCol(), XlsxStreamReader.column(ref), ref);
            }
        }
        assertEquals(2, XlsxStreamReader.column("C0012"));
    }
}
