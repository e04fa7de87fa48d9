package org.duban.service.returns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.i18n.LocalizedException;
import org.duban.model.Meeting;
import org.duban.persistence.Database;
import org.duban.testing.OfficeLists;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-unit return forms: written locked, filled in, read back and checked row by row. */
class ReturnFormsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 4, 20);
    @TempDir
    Path dir;
    private Database db;
    private Meeting meeting;
    private Path forms;

    @BeforeEach
    void open() {
        db = TestDb.withRoster(dir);
        meeting = TestDb.emptyMeeting(db);
        OfficeLists.importInto(db, meeting, dir);
        forms = dir.resolve("forms");
        Wired.of(db).returnForms().writeAll(meeting, forms);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Path form(String unit) {
        return forms.resolve("进展报送表-" + unit + ".xlsx");
    }

    /** Fills the input cells of a data row (0 = the first task row), as a unit would. */
    private static void fill(Path file, int dataRow, Object progress, Object percent, String reporter, Object date)
            throws Exception {
        XSSFWorkbook wb;
        try (var in = Files.newInputStream(file)) {
            wb = new XSSFWorkbook(in);
        }
        try (wb) {
            Row row = wb.getSheetAt(0).getRow(ReturnForm.HEADER_ROW + 1 + dataRow);
            set(row, 6, progress);
            set(row, 7, percent);
            set(row, 8, reporter);
            set(row, 9, date);
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }

    private static void set(Row row, int c, Object v) {
        if (v instanceof Number n) {
            row.getCell(c).setCellValue(n.doubleValue());
        } else if (v instanceof LocalDate d) {
            row.getCell(c).setCellValue(d);
        } else if (v != null) {
            row.getCell(c).setCellValue(v.toString());
        }
    }

    @Test
    void oneFormPerUnitWithLockedTaskColumnsAndOpenInputColumns() throws Exception {
        try (var files = Files.list(forms)) {
            assertEquals(OfficeLists.PER_UNIT.size(), files.count());
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(form("柘荣县")))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            assertTrue(sheet.getProtect());
            assertEquals(SheetVisibility.VERY_HIDDEN, wb.getSheetVisibility(1));
            int rows = 0;
            for (int r = ReturnForm.HEADER_ROW + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                assertTrue(row.getCell(0).getCellStyle().getLocked(), "序号 is locked");
                assertTrue(row.getCell(1).getCellStyle().getLocked(), "问题 is locked");
                for (int c = 6; c <= 9; c++) {
                    assertFalse(row.getCell(c).getCellStyle().getLocked(), "input column " + c + " is open");
                    assertEquals("", row.getCell(c).toString());
                }
                rows++;
            }
            assertEquals(OfficeLists.PER_UNIT.get("柘荣县"), rows);
            assertEquals("本期进展", sheet.getRow(ReturnForm.HEADER_ROW).getCell(6).getStringCellValue());
            assertEquals(2, sheet.getDataValidations().size());
        }
    }

    @Test
    void filledRowsBecomeEntriesAndEmptyRowsAreSkipped() throws Exception {
        fill(form("蕉城区"), 0, "已清理违规渔排 120 口", 60, "张三", LocalDate.of(2026, 4, 10));
        fill(form("蕉城区"), 2, "完成排查", "80%", "李四", "2026年4月12日");
        ReturnsCheck check = Wired.of(db).returns().check(forms, TODAY);
        assertFalse(check.hasErrors(), () -> check.errors().toString());
        assertEquals(2, check.entries().size());
        ReturnEntry first = check.entries().get(0);
        assertEquals(1, first.seq());
        assertEquals("蕉城区", first.unitName());
        assertEquals(60, first.percent());
        assertEquals(LocalDate.of(2026, 4, 10), first.reportedOn());
        assertEquals(80, check.entries().get(1).percent());

        List<ReturnEntry> recorded = new ArrayList<>();
        assertEquals(2, Wired.of(db).returns().apply(check, recorded::add));
        assertEquals(check.entries(), recorded);
    }

    @Test
    void changedSeqWrongUnitAndPercentOutOfRangeAreListedAndNothingIsApplied() throws Exception {
        fill(form("蕉城区"), 0, "正常的一行", 50, "张三", LocalDate.of(2026, 4, 10));
        fill(form("蕉城区"), 1, "百分比错了", 150, "张三", LocalDate.of(2026, 4, 10));
        Path f = form("福鼎市");
        XSSFWorkbook wb;
        try (var in = Files.newInputStream(f)) {
            wb = new XSSFWorkbook(in);
        }
        try (wb) {
            XSSFSheet s = wb.getSheetAt(0);
            s.getRow(ReturnForm.HEADER_ROW + 1).getCell(0).setCellValue("2"); // 序号 changed: text no longer matches
            Row copied = s.getRow(ReturnForm.HEADER_ROW + 2);
            copied.getCell(0).setCellValue("1"); // a row of 蕉城区's task 1 pasted into 福鼎市's form
            copied.getCell(1).setCellValue(new org.duban.persistence.TaskRepository(db).findByMeeting(meeting.id())
                    .get(0).problem());
            for (int r : new int[] {1, 2}) {
                Row row = s.getRow(ReturnForm.HEADER_ROW + r);
                row.getCell(6).setCellValue("进展");
                row.getCell(7).setCellValue(10);
                row.getCell(9).setCellValue("2026-04-01");
            }
            try (OutputStream out = Files.newOutputStream(f)) {
                wb.write(out);
            }
        }
        ReturnsCheck check = Wired.of(db).returns().check(forms, TODAY);
        List<String> keys = check.errors().stream().map(p -> p.problem().key()).toList();
        assertTrue(keys.contains("returns.problem.percent"), keys.toString());
        assertTrue(keys.contains("returns.problem.seqChanged"), keys.toString());
        assertTrue(keys.contains("returns.problem.wrongUnit"), keys.toString());
        ReturnProblem percent = check.errors().stream().filter(p -> p.problem().key().equals("returns.problem.percent"))
                .findFirst().orElseThrow();
        assertEquals("进展报送表-蕉城区.xlsx", percent.file());
        assertEquals(5, percent.problem().row());
        assertEquals("H", percent.problem().column()); // 完成百分比, after 牵头单位 (layout 2)
        assertEquals("150", percent.problem().value());

        List<ReturnEntry> recorded = new ArrayList<>();
        assertThrows(LocalizedException.class, () -> Wired.of(db).returns().apply(check, recorded::add));
        assertTrue(recorded.isEmpty(), "nothing half-applied");
    }

    @Test
    void withoutProgressReportsApplyingSaysSoAndWritesNothing() throws Exception {
        fill(form("古田县"), 0, "进展", 20, "王五", LocalDate.of(2026, 4, 1));
        ReturnsCheck check = Wired.of(db).returns().check(form("古田县"), TODAY);
        LocalizedException e = assertThrows(LocalizedException.class, () -> Wired.of(db).returns().apply(check, null));
        assertEquals("returns.error.noProgress", e.key());
    }

    @Test
    void aFileThatIsNotAReturnFormIsNamed() {
        ReturnsCheck check = Wired.of(db).returns().check(dir.resolve("清单.xlsx"), TODAY);
        assertEquals("returns.problem.notAForm", check.errors().get(0).problem().key());
    }

    @Test
    void theSameFilledFormImportedTwiceGivesOneSetOfReports() throws Exception {
        fill(form("蕉城区"), 0, "已完成清理整治方案", 30, "蕉城区整改办", TODAY.minusDays(2));
        fill(form("蕉城区"), 1, "已开工", "50%", "蕉城区整改办", TODAY.minusDays(2));
        ProgressSink sink = Wired.of(db).progressReports();
        ReturnsImporter importer = Wired.of(db).returns();
        ReturnsCheck first = importer.check(form("蕉城区"), TODAY);
        assertEquals(2, importer.apply(first, sink));
        long reports = TestDb.sqlLong(db, "SELECT count(*) FROM progress_report");
        assertEquals(2, reports);

        ReturnsCheck again = importer.check(form("蕉城区"), TODAY);

        assertFalse(again.hasErrors(), again.problems().toString());
        assertEquals(0, again.entries().size(), "nothing to add");
        assertEquals(2, again.already().size());
        assertEquals(0, importer.apply(again, sink));
        assertEquals(reports, TestDb.sqlLong(db, "SELECT count(*) FROM progress_report"), "one set of reports");

        // the same day, the same task, other words: a warning, not a second report
        fill(form("蕉城区"), 1, "已开工，完成围挡", "50%", "蕉城区整改办", TODAY.minusDays(2));
        ReturnsCheck edited = importer.check(form("蕉城区"), TODAY);
        assertEquals(1, edited.already().size());
        assertEquals(0, edited.entries().size());
        assertEquals(1, edited.warnings().size());
        assertEquals("returns.problem.sameDayDiffers", edited.warnings().get(0).problem().key());
        assertTrue(edited.warnings().get(0).problem().message().contains("已开工"),
                edited.warnings().get(0).problem().message());
        importer.apply(edited, sink);
        assertEquals(reports, TestDb.sqlLong(db, "SELECT count(*) FROM progress_report"));
    }
}
