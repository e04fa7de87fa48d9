package org.duban.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.duban.persistence.Database;
import org.duban.persistence.DatabaseInUseException;
import org.duban.persistence.sqlite.LockOnlyChild;
import org.duban.testing.CliRunner;
import org.duban.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One ledger reached by two names (a hard link, a symbolic link) is still one ledger: while one copy of the program
 * writes it, a second copy is refused by either name, naming the computer and the process.
 */
class SameFileTwoNamesTest {
    @TempDir
    Path dir;

    private ChildProcess holding(Path db) throws Exception {
        ChildProcess child = ChildProcess.start(dir, HoldOpenChild.class, db.toString());
        child.awaitLine(CrashChild.UNDERWAY, Duration.ofMinutes(2));
        return child;
    }

    @Test
    void aHardLinkDoesNotLetASecondWriterIn() throws Exception {
        TestDb.withSample(dir).close();
        Path a = dir.resolve("test.db");
        Path b = Files.createLink(dir.resolve("b.db"), a);
        long tasks = TestDb.sqlLong(a, "SELECT count(*) FROM task");
        try (ChildProcess first = holding(a)) {
            DatabaseInUseException e = assertThrows(DatabaseInUseException.class, () -> Database.open(b));
            assertTrue(e.getLocalizedMessage().contains("PID " + first.pid()), e.getLocalizedMessage());
            CliRunner.Result r = CliRunner.run("--db", b.toString(), "sample");
            assertNotEquals(0, r.code());
            assertTrue(r.err().contains("另一个督办台窗口") && r.err().contains("PID " + first.pid()), r.err());
        }
        assertEquals(tasks, TestDb.sqlLong(a, "SELECT count(*) FROM task"), "nothing was written by the second");
        assertEquals("ok", TestDb.sqlString(a, "PRAGMA integrity_check"));
    }

    @Test
    void aSymbolicLinkDoesNotLetASecondWriterIn() throws Exception {
        TestDb.withSample(dir).close();
        Path a = dir.resolve("test.db");
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(elsewhere.resolve("link.db"), a);
        try (ChildProcess first = holding(link)) {
            DatabaseInUseException e = assertThrows(DatabaseInUseException.class, () -> Database.open(a));
            assertTrue(e.getLocalizedMessage().contains("PID " + first.pid()), e.getLocalizedMessage());
            CliRunner.Result r = CliRunner.run("--db", link.toString(), "sample");
            assertTrue(r.err().contains("PID " + first.pid()), r.err());
        }
    }

    @Test
    void aSecondInitOnANewFileIsToldItIsInUseNotThatItIsForeign() throws Exception {
        Path db = dir.resolve("new.db");
        try (ChildProcess first = ChildProcess.start(dir, LockOnlyChild.class, db.toString())) {
            first.awaitLine(CrashChild.UNDERWAY, Duration.ofMinutes(2));
            // the first init has begun the file: SQLite's first table is there, its application id not yet
            TestDb.otherTool(db, "CREATE TABLE half_made (x)");
            CliRunner.Result r = CliRunner.run("--db", db.toString(), "init");
            assertNotEquals(0, r.code());
            assertTrue(r.err().contains("另一个督办台窗口") && r.err().contains("PID " + first.pid()), r.err());
            assertTrue(!r.err().contains("不是督办台数据库"), r.err());
        }
    }
}
