package org.duban.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duban.testing.CliRunner;
import org.duban.testing.OfficeLists;
import org.duban.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** import, export ledger, export returns and import-returns on the command line. */
class ExcelCliTest {
    @TempDir
    Path dir;

    private static CliRunner.Result run(String... args) {
        return CliRunner.run(args);
    }

    /** A ledger made with {@code init}: the commands below work on an existing one only. */
    private Path newLedger() {
        Path db = dir.resolve("d.db");
        assertEquals(0, CliRunner.run("--db", db.toString(), "init").code());
        return db;
    }

    @Test
    void dryRunJsonOnAMessyListGivesTaskAndAssignmentCountsPerUnitAndWritesNothing() {
        Path db = newLedger();
        Path list = OfficeLists.xlsx(dir.resolve("清单.xlsx"));
        CliRunner.Result r = run("--db", db.toString(), "import", list.toString(), "--dry-run", "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"tasks\": " + OfficeLists.TASKS + ","), r.out());
        assertTrue(r.out().contains("\"assignments\": " + OfficeLists.ASSIGNMENTS + ","), r.out());
        assertTrue(r.out().contains("\"supervised\": 2,"), r.out());
        for (Map.Entry<String, Integer> e : OfficeLists.PER_UNIT.entrySet()) {
            Matcher m = Pattern.compile("\"unit\": \"" + e.getKey() + "\",\\s*\"assignments\": (\\d+)").matcher(r.out());
            assertTrue(m.find(), e.getKey());
            assertEquals(e.getValue(), Integer.parseInt(m.group(1)), e.getKey());
        }
        assertTrue(r.out().contains("\"errors\": []"), r.out());
        assertEquals(0, TestDb.sqlLong(db, "SELECT count(*) FROM task"));
        assertEquals(0, TestDb.sqlLong(db, "SELECT count(*) FROM meeting"));
    }

    @Test
    void importCreatesAMeetingThenReimportUpdatesTheSameMeetingWithABackupBeforeEach() throws Exception {
        Path db = newLedger();
        Path list = OfficeLists.xls(dir.resolve("清单.xls"));
        CliRunner.Result first = run("--db", db.toString(), "import", list.toString());
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("新增 14"), first.out());
        CliRunner.Result again = run("--db", db.toString(), "import", list.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("未变 14"), again.out());
        assertEquals(1, TestDb.sqlLong(db, "SELECT count(*) FROM meeting"));
        assertEquals(OfficeLists.TASKS, TestDb.sqlLong(db, "SELECT count(*) FROM task"));
        try (var backups = Files.list(dir.resolve("backups"))) {
            assertEquals(2, backups.filter(f -> f.getFileName().toString().endsWith("-import.db")).count(),
                    "a backup before each import");
        }
    }

    @Test
    void errorsAreListedWithRowsAndTheExitCodeIsNonZero() {
        Path db = newLedger();
        List<List<Object>> rows = new ArrayList<>(OfficeLists.rows());
        rows.add(OfficeLists.task(15, "新问题", "", "", "蕉城区、火星区", "", "", "2026年底前", ""));
        Path bad = OfficeLists.xlsx(dir.resolve("bad.xlsx"), rows);
        CliRunner.Result text = run("--db", db.toString(), "import", bad.toString());
        assertEquals(1, text.code());
        assertTrue(text.out().contains("第 25 行 E 列（牵头 单位） “蕉城区、火星区”：找不到单位：火星区"), text.out());
        assertTrue(text.err().contains("未导入任何内容"), text.err());
        assertEquals(1, text.err().lines().count());
        CliRunner.Result json = run("--db", db.toString(), "import", bad.toString(), "--json");
        assertEquals(1, json.code());
        assertTrue(json.out().contains("\"row\": 25,"), json.out());
        assertEquals(0, TestDb.sqlLong(db, "SELECT count(*) FROM task"));
    }

    /**
     * {@code --max-rows} sets the limit of rows with text for one import (the growth table imports 50,000 tasks);
     * without it the default limit stands, and a limit out of range is refused with nothing written.
     */
    @Test
    void maxRowsSetsTheRowLimitForOneImportOnly() {
        Path db = newLedger();
        Path list = OfficeLists.xlsx(dir.resolve("清单.xlsx"));
        CliRunner.Result tight = run("--db", db.toString(), "import", list.toString(), "--max-rows", "5");
        assertEquals(1, tight.code());
        assertTrue(tight.err().contains("有文字的行超过 5 行的上限"), tight.err());
        CliRunner.Result wrong = run("--db", db.toString(), "import", list.toString(), "--max-rows", "0");
        assertEquals(1, wrong.code());
        assertTrue(wrong.err().contains("有文字的行数上限 0 不在 1 至 200,000 之间"), wrong.err());
        assertEquals(0, TestDb.sqlLong(db, "SELECT count(*) FROM task"));
        assertEquals(0, run("--db", db.toString(), "import", list.toString(), "--max-rows", "30000").code());
        assertEquals(OfficeLists.TASKS, TestDb.sqlLong(db, "SELECT count(*) FROM task"));
        assertTrue(run("import", "--help").out().contains("--max-rows=N"));
    }

    @Test
    void exportLedgerAndReturnsThenCheckReturnedForms() throws Exception {
        Path db = newLedger();
        run("--db", db.toString(), "import", OfficeLists.xlsx(dir.resolve("清单.xlsx")).toString());
        Path ledger = dir.resolve("out/台账.xlsx");
        CliRunner.Result l = run("--db", db.toString(), "export", "ledger", ledger.toString());
        assertEquals(0, l.code(), l.err());
        assertTrue(Files.size(ledger) > 0);
        Path returns = dir.resolve("returns");
        CliRunner.Result r = run("--db", db.toString(), "export", "returns", returns.toString());
        assertEquals(0, r.code(), r.err());
        try (var files = Files.list(returns)) {
            assertEquals(OfficeLists.PER_UNIT.size(), files.count());
        }
        CliRunner.Result check = run("--db", db.toString(), "import-returns", returns.toString(), "--dry-run");
        assertEquals(0, check.code(), check.err());
        assertTrue(check.out().contains("已读取 12 个报送表"), check.out());
        CliRunner.Result missing = run("--db", db.toString(), "export", "ledger", ledger.toString(), "--meeting", "99");
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("99"), missing.err());
    }
}
