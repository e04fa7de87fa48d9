package org.duban.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.testing.CliRunner;
import org.duban.testing.OfficeLists;
import org.duban.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tracking joined to import and return forms (the hooks wired in {@link org.duban.service.Services#importHooks}), on the command line. */
class TrackingCapabilitiesTest {
    @TempDir
    Path dir;

    /** A ledger made with {@code init}: the commands below work on an existing one only. */
    private Path newLedger() {
        Path db = dir.resolve("d.db");
        assertEquals(0, CliRunner.run("--db", db.toString(), "init").code());
        return db;
    }

    @Test
    void importingAListFlagsItsSupervisedTasksAndAuditsEveryTask() {
        Path db = newLedger();
        CliRunner.Result r = CliRunner.run("--db", db.toString(), "import", OfficeLists.xlsx(dir.resolve("清单.xlsx")).toString());
        assertEquals(0, r.code(), r.err());
        long flagged = TestDb.sqlLong(db, "SELECT count(*) FROM task WHERE remarks LIKE '%挂牌督办%'");
        assertTrue(flagged > 0);
        assertEquals(flagged, TestDb.sqlLong(db, "SELECT count(*) FROM supervision"));
        assertEquals(TestDb.sqlString(db, "SELECT held_on FROM meeting"), TestDb.sqlString(db, "SELECT min(since) FROM supervision"));
        assertEquals(TestDb.sqlLong(db, "SELECT count(*) FROM task"),
                TestDb.sqlLong(db, "SELECT count(*) FROM audit_log WHERE entity = 'TASK' AND action = 'CREATE'"));
        assertEquals(0, TestDb.sqlLong(db, "SELECT count(*) FROM audit_log s JOIN audit_log t ON t.task_id = s.task_id "
                + "AND t.entity = 'TASK' AND t.action = 'CREATE' WHERE s.entity = 'SUPERVISION' AND s.id < t.id"),
                "a task's history reads: created, then put under supervision");

        CliRunner.Result again = CliRunner.run("--db", db.toString(), "import", dir.resolve("清单.xlsx").toString());
        assertEquals(0, again.code(), again.err());
        assertEquals(flagged, TestDb.sqlLong(db, "SELECT count(*) FROM supervision"), "flagged once");
    }

    @Test
    void filledReturnFormsBecomeAuditedProgressReports() throws Exception {
        Path db = newLedger();
        assertEquals(0, CliRunner.run("--db", db.toString(), "import",
                OfficeLists.xlsx(dir.resolve("清单.xlsx")).toString()).code());
        Path forms = dir.resolve("forms");
        assertEquals(0, CliRunner.run("--db", db.toString(), "export", "returns", forms.toString()).code());
        Path form = forms.resolve("进展报送表-古田县.xlsx");
        XSSFWorkbook wb;
        try (var in = Files.newInputStream(form)) {
            wb = new XSSFWorkbook(in);
        }
        try (wb) {
            Row row = wb.getSheetAt(0).getRow(3); // the first task row under the heading
            row.getCell(6).setCellValue("已完成排查，建立问题清单");
            row.getCell(7).setCellValue(30);
            row.getCell(8).setCellValue("古田县整改办");
            row.getCell(9).setCellValue(LocalDate.of(2026, 4, 10));
            try (OutputStream out = Files.newOutputStream(form)) {
                wb.write(out);
            }
        }
        CliRunner.Result r = CliRunner.run("--db", db.toString(), "import-returns", form.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("2026-04-10|30|古田县整改办", TestDb.sqlString(db,
                "SELECT reported_on || '|' || percent || '|' || reporter FROM progress_report"));
        assertEquals(1, TestDb.sqlLong(db, "SELECT count(*) FROM audit_log WHERE entity = 'REPORT'"));
        String status = TestDb.sqlString(db, "SELECT a.status FROM assignment a "
                + "JOIN progress_report r ON r.assignment_id = a.id");
        assertTrue(status.equals("ON_SCHEDULE") || status.equals("BEHIND_SCHEDULE"),
                "started: the unit's status follows its report (on or behind schedule by today's date): " + status);

        CliRunner.Result again = CliRunner.run("--db", db.toString(), "import-returns", form.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("已导入过：1 行"), again.out());
        assertTrue(again.out().contains("已写入 0 条进展"), again.out());
        assertEquals(1, TestDb.sqlLong(db, "SELECT count(*) FROM progress_report"), "the same form adds nothing");
    }
}
