package org.duban.service.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.duban.persistence.Database;
import org.duban.persistence.OlderLedgers;
import org.duban.persistence.PersistenceException;
import org.duban.testing.CliRunner;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.duban.ui.common.TaskRunner;
import org.duban.ui.settings.backup.BackupSectionViewModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restore is all or nothing, its upgrade included, and a backup of another ledger is asked about first.
 */
@org.junit.jupiter.api.Tag("sqlite-file") // restoring and upgrading SQLite files of older versions
class RestoreUpgradeTest {
    @TempDir
    Path dir;
    private Path ledger;
    private long tasks;

    @BeforeEach
    void aLedgerInUse() {
        Path folder = dir.resolve("office");
        TestDb.withSample(folder).close();
        ledger = folder.resolve("test.db");
        tasks = TestDb.sqlLong(ledger, "SELECT count(*) FROM task");
    }

    /** A copy of the ledger with one task fewer (so that a restore of it shows), as a backup would be. */
    private Path backupOfTheLedger(String name) throws Exception {
        Path b = dir.resolve(name);
        assertEquals(0, CliRunner.run("--db", ledger.toString(), "backup", b.toString()).code());
        TestDb.otherTool(b, "DELETE FROM task WHERE id = (SELECT max(id) FROM task)");
        return b;
    }

    @Test
    void aBackupWhoseUpgradeFailsLeavesTheLedgerAsItWasAndOpenable() throws Exception {
        Path old = backupOfTheLedger("old.db");
        TestDb.otherTool(old, "PRAGMA user_version = 2"); // claims schema 2, has 3's tables: its upgrade fails
        String before = TestDb.contentDigest(ledger);

        CliRunner.Result r = CliRunner.run("--db", ledger.toString(), "restore", old.toString());

        assertNotEquals(0, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("升级没有成功") && r.err().contains("old.db"), r.err());
        assertEquals(before, TestDb.contentDigest(ledger), "the ledger as it was");
        assertEquals(Database.latestSchemaVersion(), TestDb.sqlLong(ledger, "PRAGMA user_version"));
        try (Database db = Database.open(ledger)) {
            assertEquals(tasks, TestDb.sqlLong(db, "SELECT count(*) FROM task"), "and it opens");
        }
        try (var files = Files.list(ledger.resolveSibling("backups"))) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no staged copy left");
        }
    }

    @Test
    void aBackupOfAnOlderVersionIsUpgradedAndRestored() {
        Path old = OlderLedgers.ofVersion(dir.resolve("v2.db"), 2);
        TestDb.otherTool(old, "DELETE FROM setting WHERE key = 'ledger.id'"); // version 2 had no ids
        String id = TestDb.sqlString(ledger, "SELECT value FROM setting WHERE key = 'ledger.id'");
        CliRunner.Result r = CliRunner.run("--db", ledger.toString(), "restore", old.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(0, TestDb.sqlLong(ledger, "SELECT count(*) FROM task"));
        assertEquals(Database.latestSchemaVersion(), TestDb.sqlLong(ledger, "PRAGMA user_version"));
        assertEquals(2, TestDb.sqlLong(old, "PRAGMA user_version"), "the backup itself is not changed");
        assertEquals(id, TestDb.sqlString(ledger, "SELECT value FROM setting WHERE key = 'ledger.id'"));
    }

    @Test
    void aBackupOfAnotherLedgerIsRestoredOnlyWhenConfirmedNamingBoth() throws Exception {
        Path other = dir.resolve("elsewhere").resolve("other.db");
        assertEquals(0, CliRunner.run("--db", other.toString(), "init").code());
        String before = TestDb.contentDigest(ledger);

        CliRunner.Result refused = CliRunner.run("--db", ledger.toString(), "restore", other.toString());
        assertNotEquals(0, refused.code());
        assertTrue(refused.err().contains("另一个台账") && refused.err().contains(other.toString())
                && refused.err().contains(ledger.toString()) && refused.err().contains("--other-ledger"), refused.err());
        assertTrue(refused.err().contains(tasks + " 项任务") && refused.err().contains("还没有会议"), refused.err());
        assertEquals(before, TestDb.contentDigest(ledger));

        CliRunner.Result done = CliRunner.run("--db", ledger.toString(), "restore", other.toString(),
                "--other-ledger");
        assertEquals(0, done.code(), done.err());
        assertEquals(0, TestDb.sqlLong(ledger, "SELECT count(*) FROM task"));
    }

    @Test
    void aBackupOfThisLedgerOrFromBeforeIdsIsRestoredWithoutAsking() throws Exception {
        Path own = backupOfTheLedger("own.db");
        assertEquals(0, CliRunner.run("--db", ledger.toString(), "restore", own.toString()).code());
        String id = TestDb.sqlString(ledger, "SELECT value FROM setting WHERE key = 'ledger.id'");

        Path beforeIds = backupOfTheLedger("before-ids.db");
        TestDb.otherTool(beforeIds, "DELETE FROM setting WHERE key = 'ledger.id'");
        CliRunner.Result r = CliRunner.run("--db", ledger.toString(), "restore", beforeIds.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(id, TestDb.sqlString(ledger, "SELECT value FROM setting WHERE key = 'ledger.id'"),
                "the ledger keeps its id");
    }

    @Test
    void theWindowAsksOnceMoreNamingBothLedgers() {
        Path other = dir.resolve("elsewhere").resolve("other.db");
        assertEquals(0, CliRunner.run("--db", other.toString(), "init").code());
        RecordingDialogs dialogs = new RecordingDialogs();
        try (Database db = Database.open(ledger)) {
            BackupSectionViewModel vm = new BackupSectionViewModel(Wired.of(db).backups(), false, TaskRunner.direct(),
                    dialogs, () -> { });
            dialogs.answer = false;
            vm.restoreFile(other);
            assertEquals(1, dialogs.confirmations.size(), "the usual question, answered no");
            dialogs.answer = true;
            vm.restoreFile(other);
            assertEquals(3, dialogs.confirmations.size(), dialogs.confirmations.toString());
            String question = dialogs.confirmations.get(2);
            assertTrue(question.contains(other.toString()) && question.contains(ledger.toString())
                    && question.contains("不是当前台账的备份"), question);
            assertEquals(List.of(), dialogs.errors);
            assertEquals(0, TestDb.sqlLong(ledger, "SELECT count(*) FROM task"), "replaced once confirmed");
        }
    }

    @Test
    void theServiceRefusesAnotherLedgerUnlessConfirmed() {
        Path other = dir.resolve("elsewhere").resolve("other.db");
        Database.create(other).close();
        try (Database db = Database.open(ledger)) {
            OtherLedgerException e = assertThrows(OtherLedgerException.class,
                    () -> Wired.of(db).backups().restore(other, d -> { }));
            assertEquals(other, e.backupFile());
            assertTrue(Wired.of(db).backups().list().isEmpty(), "refused before the backup it would take");
            assertThrows(PersistenceException.class, () -> Wired.of(db).backups().restore(dir.resolve("none.db"),
                    d -> { }, true));
        }
    }
}
