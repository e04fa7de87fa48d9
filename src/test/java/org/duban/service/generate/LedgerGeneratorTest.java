package org.duban.service.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duban.testing.CliRunner;
import org.duban.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate}: the same seed gives the same ledger; the ledger looks like a real one and passes {@code check}. */
class LedgerGeneratorTest {
    @TempDir
    Path dir;

    private String generate(String name, String seed, String... more) {
        String[] base = {"--db", dir.resolve(name).toString(), "generate", "--tasks", "300", "--reports", "2000",
            "--seed", seed, "--as-of", "2026-11-29"};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        CliRunner.Result r = CliRunner.run(args);
        assertEquals(0, r.code(), r.err());
        Matcher m = Pattern.compile("SHA-256）：([0-9a-f]{64})").matcher(r.out());
        assertTrue(m.find(), r.out());
        return m.group(1);
    }

    @Test
    void theSameSeedGivesTheSameLedgerAndAnotherSeedAnotherOne() {
        String a = generate("a.db", "42");
        String b = generate("b.db", "42");
        String c = generate("c.db", "43");
        assertEquals(a, b);
        assertNotEquals(a, c);
        assertEquals(TestDb.sqlString(dir.resolve("a.db"), "SELECT group_concat(problem, '|') FROM task"),
                TestDb.sqlString(dir.resolve("b.db"), "SELECT group_concat(problem, '|') FROM task"));
    }

    @Test
    void generatedLedgerHasSharedTasksHistoryAndCloseOutsAndPassesCheck() {
        generate("g.db", "5");
        Path db = dir.resolve("g.db");
        assertEquals(300, TestDb.sqlLong(db, "SELECT count(*) FROM task"));
        assertEquals(2000, TestDb.sqlLong(db, "SELECT count(*) FROM progress_report"), "exactly the reports asked for");
        assertTrue(TestDb.sqlLong(db, "SELECT count(*) FROM (SELECT task_id FROM assignment GROUP BY task_id "
                + "HAVING count(*) = 9)") > 10, "各县(市、区) tasks go to all nine county-level units");
        assertTrue(TestDb.sqlLong(db, "SELECT count(*) FROM (SELECT task_id FROM assignment GROUP BY task_id "
                + "HAVING count(*) BETWEEN 2 AND 5)") > 30);
        assertTrue(TestDb.sqlLong(db, "SELECT avg(length(problem)) FROM task") >= 40);
        assertTrue(TestDb.sqlLong(db, "SELECT avg(length(measures)) FROM task") >= 80);
        assertTrue(TestDb.sqlLong(db, "SELECT count(*) FROM milestone") > 100);
        assertTrue(TestDb.sqlLong(db, "SELECT count(*) FROM close_out WHERE closed_on IS NOT NULL") > 10);
        assertEquals(0, TestDb.sqlLong(db, "SELECT count(*) FROM close_out co WHERE NOT EXISTS "
                + "(SELECT 1 FROM evidence e WHERE e.close_out_id = co.id)"), "every application has its evidence");
        assertEquals(0, TestDb.sqlLong(db, "SELECT count(*) FROM progress_report WHERE reported_on > '2026-11-29'"));
        assertTrue(TestDb.sqlLong(db, "SELECT count(*) FROM supervision") > 0);
        assertTrue(TestDb.sqlLong(db, "SELECT count(*) FROM audit_log") > 2000 + 300);
        assertTrue(TestDb.sqlLong(db, "SELECT count(DISTINCT deadline) FROM task") > 20, "deadlines of many kinds");

        CliRunner.Result check = CliRunner.run("--db", db.toString(), "check");
        assertEquals(0, check.code(), check.out() + check.err());
    }

    @Test
    void theImportFileReimportsEveryTask() {
        Path xlsx = dir.resolve("g.xlsx");
        generate("g.db", "9", "--xlsx", xlsx.toString());
        assertEquals(0, CliRunner.run("--db", dir.resolve("fresh.db").toString(), "init").code());
        CliRunner.Result r = CliRunner.run("--db", dir.resolve("fresh.db").toString(), "import", xlsx.toString(),
                "--dry-run", "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"tasks\": 300,"), r.out().substring(0, Math.min(2000, r.out().length())));
        assertTrue(r.out().contains("\"errors\": []"), "no errors");
    }

    @Test
    void aTaskCountOutOfRangeIsRefusedWithOneLine() {
        CliRunner.Result r = CliRunner.run("--db", dir.resolve("x.db").toString(), "generate", "--tasks", "0",
                "--reports", "10");
        assertEquals(1, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }
}
