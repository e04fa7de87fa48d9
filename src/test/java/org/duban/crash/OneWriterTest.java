package org.duban.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.duban.app.LedgerOpener;
import org.duban.persistence.Database;
import org.duban.persistence.DatabaseInUseException;
import org.duban.persistence.PersistenceException;
import org.duban.persistence.SettingsRepository;
import org.duban.service.tasks.TaskService;
import org.duban.testing.CliRunner;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two copies of the program on one ledger: the second is told so, in words, and may look read-only. */
class OneWriterTest {
    @TempDir
    Path dir;
    private Path db;
    private ChildProcess first;

    @BeforeEach
    void firstCopyHasTheLedgerOpen() throws Exception {
        TestDb.withSample(dir).close();
        db = dir.resolve("test.db");
        first = ChildProcess.start(dir, HoldOpenChild.class, db.toString());
        first.awaitLine(CrashChild.UNDERWAY, Duration.ofMinutes(2));
    }

    @AfterEach
    void stopFirstCopy() throws Exception {
        first.close();
    }

    @Test
    void secondCopyIsToldWhoHasTheLedgerOpen() {
        DatabaseInUseException e = assertThrows(DatabaseInUseException.class, () -> Database.open(db));
        String msg = e.getLocalizedMessage();
        assertTrue(msg.contains("已在另一个督办台窗口中打开") && msg.contains("PID " + first.pid()), msg);
        assertTrue(msg.contains(db.toString()), msg);
    }

    @Test
    void aCommandThatWritesGetsOneLineNamingTheComputerAndPid() {
        CliRunner.Result r = CliRunner.run("--db", db.toString(), "sample");
        assertNotEquals(0, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("另一个督办台窗口") && r.err().contains("PID " + first.pid()), r.err());
        assertTrue(!r.err().contains("SQLITE_BUSY") && !r.err().contains("locked"), r.err());
    }

    @Test
    void windowOpensReadOnlyAndRefusesChangesWithAMessage() {
        LedgerOpener.Opened opened = LedgerOpener.forWindow(db);
        try (Database ro = opened.db()) {
            assertTrue(ro.isReadOnly());
            assertTrue(opened.inUseMessage().contains("另一个督办台窗口"), opened.inUseMessage());
            long tasks = TestDb.sqlLong(db, "SELECT count(*) FROM task");
            TaskService service = Wired.of(ro).tasks();
            assertEquals(tasks, service.checklist(1).size(), "the ledger can be read");
            PersistenceException e = assertThrows(PersistenceException.class,
                    () -> new SettingsRepository(ro).put("x", "1"));
            assertEquals("db.error.readOnlyMode", e.key());
        }
        assertEquals(0, TestDb.sqlLong(db, "SELECT count(*) FROM setting WHERE key = 'x'"));
    }

    @Test
    void checkAndBackupWorkWhileTheWindowHasTheLedgerOpen() {
        CliRunner.Result check = CliRunner.run("--db", db.toString(), "check");
        assertEquals(0, check.code(), check.err());
        CliRunner.Result backup = CliRunner.run("--db", db.toString(), "backup", dir.resolve("copy.db").toString());
        assertEquals(0, backup.code(), backup.err());
        assertEquals(TestDb.sqlLong(db, "SELECT count(*) FROM task"),
                TestDb.sqlLong(dir.resolve("copy.db"), "SELECT count(*) FROM task"));
    }

    @Test
    void commandsThatOnlyReadRunWhileAnotherCopyHoldsTheWriterLock() {
        String[][] commands = {
            {"stats"},
            {"stats", "--json"},
            {"chart", "--type", "ranking", "--out", dir.resolve("r.png").toString()},
            {"export", "ledger", dir.resolve("台账.xlsx").toString()},
            {"handouts", "--out", dir.resolve("handouts").toString(), "--unit", "蕉城"},
            {"bulletin", "--as-of", "2026-06-30", "--out", dir.resolve("草稿.docx").toString(), "--draft"},
        };
        long audit = TestDb.sqlLong(db, "SELECT count(*) FROM audit_log");
        for (String[] command : commands) {
            String[] args = new String[command.length + 2];
            args[0] = "--db";
            args[1] = db.toString();
            System.arraycopy(command, 0, args, 2, command.length);
            CliRunner.Result r = CliRunner.run(args);
            assertEquals(0, r.code(), String.join(" ", command) + ": " + r.err());
            assertTrue(!r.err().contains("另一个督办台窗口"), r.err());
        }
        assertTrue(java.nio.file.Files.exists(dir.resolve("台账.xlsx")));
        assertTrue(java.nio.file.Files.exists(dir.resolve("草稿.docx")));
        assertEquals(audit, TestDb.sqlLong(db, "SELECT count(*) FROM audit_log"), "nothing was written");
        // the writer is still the only writer: a command that writes is still refused
        CliRunner.Result w = CliRunner.run("--db", db.toString(), "init");
        assertNotEquals(0, w.code());
        assertTrue(w.err().contains("PID " + first.pid()), w.err());
    }

    @Test
    void afterTheFirstCopyDiesTheLedgerOpensForWriting() throws Exception {
        first.kill();
        LedgerOpener.Opened opened = LedgerOpener.forWindow(db);
        try (Database d = opened.db()) {
            assertNull(opened.inUseMessage());
            // the window's opening leaves quick_check until its rows show (LedgerCheck); writing follows its pass
            assertEquals(java.util.List.of(), d.completeCheck());
            new SettingsRepository(d).put("x", "1");
        }
    }
}
