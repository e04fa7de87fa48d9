package org.duban.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.duban.testing.CliRunner;
import org.duban.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands backup FILE, restore FILE and check, as scripts call them. */
class SafetyCliTest {
    @TempDir
    Path dir;

    private static CliRunner.Result run(String... args) {
        return CliRunner.run(args);
    }

    @Test
    void checkOnTheSampleReportsCleanAndExitsZero() {
        String db = dir.resolve("d.db").toString();
        run("--db", db, "sample");
        CliRunner.Result r = run("--db", db, "check");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("✓ 数据库文件完整"), r.out());
        assertTrue(r.out().strip().endsWith("结果：未发现问题。"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void checkOnADamagedLedgerListsTheProblemsAndExitsOne() throws Exception {
        String db = dir.resolve("d.db").toString();
        run("--db", db, "sample");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("UPDATE task SET deadline = 'sometime' WHERE seq = 2");
        }
        CliRunner.Result r = run("--db", db, "check");
        assertEquals(1, r.code());
        assertTrue(r.out().contains("✗ 每项任务的完成时限都能识别"), r.out());
        assertTrue(r.out().contains("序号 2 的完成时限“sometime”无法识别"), r.out());
        // changed around the program: the audit trail names the task too (issue 23)
        assertTrue(r.out().contains("序号 2：任务记录"), r.out());
        assertTrue(r.out().contains("发现 2 个问题"), r.out());
    }

    @Test
    void checkInEnglish() {
        String db = dir.resolve("d.db").toString();
        run("--db", db, "sample");
        CliRunner.Result r = run("--db", db, "--lang", "en", "check");
        assertEquals(0, r.code());
    }

    @Test
    void backupThenRestoreBringsBackADeletedTask() throws Exception {
        Path db = dir.resolve("d.db");
        run("--db", db.toString(), "sample");
        long tasks = TestDb.sqlLong(db, "SELECT count(*) FROM task");
        Path copy = dir.resolve("copies/before.db");
        CliRunner.Result b = run("--db", db.toString(), "backup", copy.toString());
        assertEquals(0, b.code(), b.err());
        assertTrue(b.out().contains(copy.toString()), b.out());

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("PRAGMA foreign_keys = ON");
            st.execute("DELETE FROM task WHERE seq = 10");
        }
        assertEquals(tasks - 1, TestDb.sqlLong(db, "SELECT count(*) FROM task"));

        CliRunner.Result r = run("--db", db.toString(), "restore", copy.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(tasks, TestDb.sqlLong(db, "SELECT count(*) FROM task"));
        assertEquals(1, TestDb.sqlLong(db, "SELECT count(*) FROM task WHERE seq = 10"));
        try (var files = Files.list(dir.resolve("backups"))) {
            Path kept = files.filter(p -> p.toString().endsWith("-restore.db")).findFirst().orElseThrow();
            assertTrue(r.out().contains(kept.toString()), r.out());
            assertEquals(tasks - 1, TestDb.sqlLong(kept, "SELECT count(*) FROM task"));
        }
    }

    @Test
    void theFirstCommandOfTheDayBacksUpAnExistingLedger() throws Exception {
        Path db = dir.resolve("d.db");
        run("--db", db.toString(), "init");
        assertTrue(Files.notExists(dir.resolve("backups")), "a new ledger needs no backup");
        run("--db", db.toString(), "stats");
        assertTrue(Files.notExists(dir.resolve("backups")), "a command that only reads changes nothing to back up");
        run("--db", db.toString(), "sample");
        run("--db", db.toString(), "export", "returns", dir.resolve("returns").toString());
        try (var files = Files.list(dir.resolve("backups"))) {
            assertEquals(1, files.filter(p -> p.toString().endsWith("-daily.db")).count(), "once a day");
        }
    }

    @Test
    void helpListsTheNewCommands() {
        CliRunner.Result r = run("--help");
        for (String sub : new String[] {"backup", "restore", "check"}) {
            assertTrue(r.out().contains(sub), sub);
        }
    }
}
