package org.duban.service.returns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.model.Meeting;
import org.duban.model.Task;
import org.duban.model.Unit;
import org.duban.persistence.Database;
import org.duban.persistence.TaskRepository;
import org.duban.persistence.UnitRepository;
import org.duban.service.sample.SampleMeeting;
import org.duban.service.tasks.TaskService;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: the return forms carry each task's 牵头单位 (layout version 2, a locked column beside the deadline), and
 * forms of the older layout (version 1, without it) that are still out in the units are read back as before.
 */
class ReturnFormsLeadUnitTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 4, 20);
    private static final DataFormatter TEXT = new DataFormatter();
    @TempDir
    Path dir;
    private Database db;
    private Meeting meeting;
    private Task led;
    private Unit unit;

    @BeforeEach
    void open() {
        db = TestDb.withSample(dir);
        meeting = Wired.of(db).meetings().all().stream().filter(m -> m.title().equals(SampleMeeting.TITLE))
                .findFirst().orElseThrow();
        List<Unit> roster = new UnitRepository(db).findAll();
        Task first = new TaskRepository(db).findByMeeting(meeting.id()).get(0);
        unit = roster.stream().filter(u -> u.id() == first.unitIds().get(0)).findFirst().orElseThrow();
        TaskService tasks = Wired.of(db).tasks();
        var in = TaskService.toInput(first, roster.stream().filter(u -> first.unitIds().contains(u.id())).toList(),
                "市生态环境局");
        led = tasks.update(first.id(), in);
        assertTrue(led.hasLeadUnit());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Path form(Path forms) {
        return forms.resolve("进展报送表-" + unit.name() + ".xlsx");
    }

    private static String cell(XSSFSheet sheet, int row, int col) {
        Row r = sheet.getRow(row);
        return r == null || r.getCell(col) == null ? "" : TEXT.formatCellValue(r.getCell(col));
    }

    /** Fills the first task row's input cells from column {@code first} on, as a unit would. */
    private static void fillFirstRow(Path file, int first) throws Exception {
        XSSFWorkbook wb;
        try (var in = Files.newInputStream(file)) {
            wb = new XSSFWorkbook(in);
        }
        try (wb) {
            Row row = wb.getSheetAt(0).getRow(ReturnForm.HEADER_ROW + 1);
            row.getCell(first).setCellValue("已完成排查，建立问题清单");
            row.getCell(first + 1).setCellValue(40);
            row.getCell(first + 2).setCellValue("整改办 张三");
            row.getCell(first + 3).setCellValue(LocalDate.of(2026, 4, 10));
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }

    @Test
    void theFormShowsTheLeadUnitInALockedColumnAndComesBackRead() throws Exception {
        Path forms = dir.resolve("forms");
        Wired.of(db).returnForms().writeAll(meeting, forms);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(form(forms)))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            assertEquals("完成时限", cell(sheet, ReturnForm.HEADER_ROW, 3));
            assertEquals("牵头单位", cell(sheet, ReturnForm.HEADER_ROW, 4));
            assertEquals("当前状态", cell(sheet, ReturnForm.HEADER_ROW, 5));
            assertEquals("本期进展", cell(sheet, ReturnForm.HEADER_ROW, 6));
            int r = ReturnForm.HEADER_ROW + 1;
            assertEquals(String.valueOf(led.seq()), cell(sheet, r, 0));
            assertEquals("市生态环境局", cell(sheet, r, 4));
            assertTrue(sheet.getRow(r).getCell(4).getCellStyle().getLocked(), "the lead unit is as issued");
            assertFalse(sheet.getRow(r).getCell(6).getCellStyle().getLocked(), "本期进展 is open");
            for (int i = r + 1; i <= sheet.getLastRowNum(); i++) {
                assertEquals("", cell(sheet, i, 4), "the sample's other tasks have no lead unit");
            }
            assertEquals("2", cell(wb.getSheet(ReturnForm.META_SHEET), 0, 1), "layout version 2");
        }
        fillFirstRow(form(forms), 6);
        ReturnsCheck check = Wired.of(db).returns().check(form(forms), TODAY);
        assertFalse(check.hasErrors(), () -> check.errors().toString());
        assertEquals(1, check.entries().size());
        ReturnEntry e = check.entries().get(0);
        assertEquals(led.seq(), e.seq());
        assertEquals(unit.name(), e.unitName());
        assertEquals("已完成排查，建立问题清单", e.progress());
        assertEquals(40, e.percent());
        assertEquals("整改办 张三", e.reporter());
        assertEquals(LocalDate.of(2026, 4, 10), e.reportedOn());
    }

    @Test
    void aFormOfTheOlderLayoutIsStillRead() throws Exception {
        Path forms = dir.resolve("old-forms");
        new ReturnFormWriter(Wired.of(db).repositories(), Wired.of(db).tracking(), ReturnForm.V1).writeAll(meeting, forms);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(form(forms)))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            assertEquals("当前状态", cell(sheet, ReturnForm.HEADER_ROW, 4), "no lead unit column");
            assertEquals("本期进展", cell(sheet, ReturnForm.HEADER_ROW, 5));
            assertEquals("1", cell(wb.getSheet(ReturnForm.META_SHEET), 0, 1));
        }
        fillFirstRow(form(forms), 5);
        ReturnsCheck check = Wired.of(db).returns().check(form(forms), TODAY);
        assertFalse(check.hasErrors(), () -> check.errors().toString());
        ReturnEntry e = check.entries().get(0);
        assertEquals(led.seq(), e.seq());
        assertEquals("已完成排查，建立问题清单", e.progress());
        assertEquals(40, e.percent());
        assertEquals(LocalDate.of(2026, 4, 10), e.reportedOn());
    }

    @Test
    void aFormOfANewerLayoutIsRefusedSayingSo() throws Exception {
        Path forms = dir.resolve("forms");
        Wired.of(db).returnForms().writeAll(meeting, forms);
        fillFirstRow(form(forms), 6);
        XSSFWorkbook wb;
        try (var in = Files.newInputStream(form(forms))) {
            wb = new XSSFWorkbook(in);
        }
        try (wb) {
            wb.getSheet(ReturnForm.META_SHEET).getRow(0).getCell(1).setCellValue("3");
            try (OutputStream out = Files.newOutputStream(form(forms))) {
                wb.write(out);
            }
        }
        ReturnsCheck check = Wired.of(db).returns().check(form(forms), TODAY);
        assertEquals(List.of("returns.problem.newerLayout"), check.errors().stream().map(p -> p.problem().key()).toList());
        assertTrue(check.entries().isEmpty());
    }
}
