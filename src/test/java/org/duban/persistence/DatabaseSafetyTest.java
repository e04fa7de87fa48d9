package org.duban.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.duban.model.Backup;
import org.duban.model.BackupReason;
import org.duban.persistence.sqlite.BackupFolder;
import org.duban.persistence.sqlite.Backups;
import org.duban.testing.Mounts;
import org.duban.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Durability settings, the writer lock, read-only mode and the backup before a schema upgrade. */
class DatabaseSafetyTest {
    @TempDir
    Path dir;

    private static List<Migrations.Migration> withExtraMigration() {
        List<Migrations.Migration> list = new ArrayList<>(Migrations.all());
        int next = list.size() + 1;
        list.add(new Migrations.Migration(next, "V" + next + "__test_extra.sql",
                "CREATE TABLE extra (id INTEGER PRIMARY KEY);"));
        return list;
    }

    @Test
    void editsAreDurableWalWithSynchronousFull() {
        try (Database db = Database.open(dir.resolve("d.db"))) {
            long sync = db.read(c -> {
                try (Statement st = c.createStatement(); var rs = st.executeQuery("PRAGMA synchronous")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertEquals(2, sync, "2 = FULL");
            assertEquals("wal", TestDb.sqlString(db.file(), "PRAGMA journal_mode"));
        }
    }

    @Test
    void anExistingLedgerIsBackedUpBeforeItsSchemaIsUpgraded() {
        TestDb.withSample(dir).close();
        Path file = dir.resolve("test.db");
        long tasks = TestDb.sqlLong(file, "SELECT count(*) FROM task");
        try (Database db = Database.open(file, withExtraMigration())) {
            assertEquals(Database.latestSchemaVersion() + 1, db.schemaVersion());
        }
        List<Backup> backups = BackupFolder.besides(file).list();
        assertEquals(1, backups.size());
        Backup b = backups.get(0);
        assertEquals(BackupReason.MIGRATION, b.reason());
        assertEquals(Database.latestSchemaVersion(), TestDb.sqlLong(b.file(), "PRAGMA user_version"), "the old schema");
        assertEquals(tasks, TestDb.sqlLong(b.file(), "SELECT count(*) FROM task"));
    }

    @Test
    void aNewLedgerNeedsNoBackupBeforeItsFirstSchema() {
        Database.open(dir.resolve("new.db")).close();
        assertFalse(Files.exists(dir.resolve("backups")));
    }

    @Test
    void withoutABackupTheSchemaIsNotUpgradedAndTheFileIsUnchanged() throws Exception {
        TestDb.withSample(dir).close();
        Path file = dir.resolve("test.db");
        Files.writeString(dir.resolve("backups"), "a file where the backup folder should be");
        byte[] before = Files.readAllBytes(file);
        PersistenceException e = assertThrows(PersistenceException.class,
                () -> Database.open(file, withExtraMigration()));
        assertEquals("db.error.backupBeforeMigration", e.key());
        assertTrue(e.getLocalizedMessage().contains("没有升级"), e.getLocalizedMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(Database.latestSchemaVersion(), TestDb.sqlLong(file, "PRAGMA user_version"));
    }

    @Test
    void theSameLedgerCannotBeOpenedTwiceForWriting() {
        Path file = dir.resolve("d.db");
        try (Database first = Database.open(file)) {
            DatabaseInUseException e = assertThrows(DatabaseInUseException.class, () -> Database.open(file));
            assertEquals(first.file(), e.file());
        }
        Database.open(file).close(); // free again once closed
        assertTrue(Files.exists(dir.resolve("d.db.lock")));
    }

    @Test
    void readOnlyModeReadsButRefusesEveryWriteAndLeavesTheFileAlone() throws Exception {
        TestDb.withSample(dir).close();
        Path file = dir.resolve("test.db");
        byte[] before = Files.readAllBytes(file);
        try (Database ro = Database.openReadOnly(file)) {
            assertTrue(ro.isReadOnly());
            assertEquals(TestDb.sqlLong(file, "SELECT count(*) FROM task"),
                    (long) new TaskRepository(ro).findAll().size());
            PersistenceException e = assertThrows(PersistenceException.class,
                    () -> new SettingsRepository(ro).put("a", "b"));
            assertEquals("db.error.readOnlyMode", e.key());
        }
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void readOnlyModeOfAMissingFileSaysSoAndCreatesNothing() {
        Path file = dir.resolve("missing.db");
        PersistenceException e = assertThrows(PersistenceException.class, () -> Database.openReadOnly(file));
        assertEquals("db.error.notFound", e.key());
        assertFalse(Files.exists(file));
    }

    @Test
    void aBackupNeverOverwritesAFileNorTheLedgerItself() throws Exception {
        try (Database db = TestDb.withSample(dir)) {
            Path existing = Files.writeString(dir.resolve("keep.db"), "mine");
            assertEquals("backup.error.exists",
                    assertThrows(PersistenceException.class, () -> Backups.write(db, existing)).key());
            assertEquals("mine", Files.readString(existing));
            assertEquals("backup.error.sameFile",
                    assertThrows(PersistenceException.class, () -> Backups.write(db, db.file())).key());
        }
    }

    @Test
    void aBackupOnAFullDiskLeavesNoPartialFile() throws Exception {
        try (Database db = TestDb.withSample(dir);
             Mounts tiny = Mounts.tmpfs(dir.resolve("tiny"), 64)) {
            Path target = tiny.path().resolve("copy.db");
            PersistenceException e = assertThrows(PersistenceException.class, () -> Backups.write(db, target));
            assertEquals("backup.error.diskFull", e.key());
            assertTrue(e.getLocalizedMessage().contains("磁盘已满"), e.getLocalizedMessage());
            try (var files = Files.list(tiny.path())) {
                assertEquals(List.of(), files.toList(), "no half-written backup, no temporary file");
            }
        }
    }

    /** The window's opening (issue 24): the check after the first reads, every write refused until it passed. */
    @Test
    void aCurrentLedgerIsReadBeforeItsCheckAndWrittenOnlyAfterItPassed() throws Exception {
        TestDb.withSample(dir).close();
        Path file = dir.resolve("test.db");
        byte[] before = Files.readAllBytes(file);
        try (Database db = Database.openCheckingLater(file)) {
            assertEquals(Database.Soundness.CHECKING, db.soundness());
            assertFalse(new TaskRepository(db).findAll().isEmpty(), "reading works at once");
            PersistenceException e = assertThrows(PersistenceException.class,
                    () -> new SettingsRepository(db).put("a", "b"));
            assertEquals("db.error.checkPending", e.key());
            assertThrows(PersistenceException.class, () -> Backups.restore(db, file, d -> { }));
            // a write that went round Database.write would be refused by SQLite itself (query_only)
            assertThrows(PersistenceException.class, () -> db.read(c -> {
                try (Statement st = c.createStatement()) {
                    return st.executeUpdate("UPDATE setting SET value = value");
                }
            }));
            db.checkpoint();
            assertArrayEquals(before, Files.readAllBytes(file), "nothing written before the check");
            assertEquals(List.of(), db.completeCheck());
            assertEquals(Database.Soundness.SOUND, db.soundness());
            new SettingsRepository(db).put("a", "b");
        }
        assertEquals("b", TestDb.sqlString(file, "SELECT value FROM setting WHERE key = 'a'"));
    }

    /** A ledger an opening would write to (a migration, a log left by a crash) is checked first, as by open. */
    @Test
    void aLedgerThatNeedsAWriteFirstIsCheckedBeforeItOpens() throws Exception {
        Path older = OlderLedgers.ofVersion(dir.resolve("older.db"), Migrations.latestVersion() - 1);
        try (Database db = Database.openCheckingLater(older)) {
            assertEquals(Database.Soundness.SOUND, db.soundness(), "migrated after its check, as always");
            assertEquals(Migrations.latestVersion(), db.schemaVersion());
        }
        TestDb.withSample(dir).close();
        Path file = dir.resolve("test.db");
        TestDb.otherTool(file, "PRAGMA journal_mode = DELETE");
        try (Database db = Database.openCheckingLater(file)) {
            assertEquals(Database.Soundness.SOUND, db.soundness(), "a file not in WAL mode yet is checked first");
        }
    }
}
