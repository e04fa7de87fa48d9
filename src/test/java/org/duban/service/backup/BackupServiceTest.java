package org.duban.service.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.duban.app.LedgerOpener;
import org.duban.i18n.LocalizedException;
import org.duban.model.Backup;
import org.duban.model.BackupReason;
import org.duban.persistence.Database;
import org.duban.persistence.PersistenceException;
import org.duban.service.tasks.TaskService;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@org.junit.jupiter.api.Tag("sqlite-file") // backups and restores of the file (VACUUM INTO, the backup folder); a shared ledger's backup: BackupCommandTest
class BackupServiceTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;

    private static Clock at(String isoInstant) {
        return Clock.fixed(Instant.parse(isoInstant), ZONE);
    }

    private long tasks(Path db) {
        return TestDb.sqlLong(db, "SELECT count(*) FROM task");
    }

    @Test
    void dailyBackupIsTakenOncePerDay() {
        try (Database db = TestDb.withSample(dir)) {
            BackupService morning = Wired.over(db, at("2026-03-19T00:30:00Z")).backups();
            assertTrue(morning.dailyIfDue().isPresent());
            assertTrue(Wired.over(db, at("2026-03-19T06:00:00Z")).backups().dailyIfDue().isEmpty(), "same day");
            assertTrue(Wired.over(db, at("2026-03-20T00:30:00Z")).backups().dailyIfDue().isPresent(), "next day");
            List<Backup> all = morning.list();
            assertEquals(2, all.size());
            assertTrue(all.get(0).takenAt().isAfter(all.get(1).takenAt()), "newest first");
            assertTrue(all.stream().allMatch(b -> b.reason() == BackupReason.DAILY));
            assertEquals(dir.resolve("backups"), all.get(0).file().getParent());
            assertTrue(all.get(0).file().getFileName().toString().matches("test-20260320-083000-000-daily\\.db"),
                    all.get(0).file().toString());
        }
    }

    @Test
    void backupIsACompleteDubanDatabaseAndNoTemporaryFileRemains() throws Exception {
        try (Database db = TestDb.withSample(dir)) {
            Backup b = Wired.of(db).backups().backupBefore(BackupReason.IMPORT);
            assertEquals(tasks(db.file()), tasks(b.file()));
            assertEquals("ok", TestDb.sqlString(b.file(), "PRAGMA integrity_check"));
            assertEquals(Database.APPLICATION_ID, TestDb.sqlLong(b.file(), "PRAGMA application_id"));
            try (Stream<Path> files = Files.list(b.file().getParent())) {
                assertEquals(List.of(b.file()), files.toList());
            }
        }
    }

    @Test
    void onlyTheNewestNBackupsAreKept() {
        try (Database db = TestDb.withSample(dir)) {
            BackupService s = Wired.of(db).backups();
            s.setKeep(3);
            for (int i = 0; i < 5; i++) {
                s.backupBefore(BackupReason.MANUAL);
            }
            assertEquals(3, s.list().size());
            assertEquals(3, s.keep());
            assertThrows(LocalizedException.class, () -> s.setKeep(0));
        }
    }

    @Test
    void backupInsideATransactionIsRefusedRatherThanCopyingHalfAChange() {
        try (Database db = TestDb.withSample(dir)) {
            BackupService s = Wired.of(db).backups();
            assertThrows(IllegalStateException.class, () -> db.inTransaction(() -> s.backupBefore(BackupReason.IMPORT)));
        }
    }

    @Test
    void restoreFromTheNewestDailyBackupBringsBackADeletedTask() {
        Path file = dir.resolve("test.db");
        TestDb.withSample(dir).close();
        long before = tasks(file);
        // The next start of the day: the window and the commands open the ledger through LedgerOpener.
        try (Database db = LedgerOpener.forWriting(file).db()) {
            TaskService taskService = Wired.of(db).tasks();
            long id = taskService.checklist(1).get(6).task().id();
            assertTrue(taskService.delete(id));
            assertEquals(before - 1, tasks(file));

            BackupService backups = Wired.of(db).backups();
            Backup daily = backups.newest(BackupReason.DAILY).orElseThrow();
            Backup replaced = backups.restore(daily.file(), done -> { });

            assertEquals(before, tasks(file));
            assertTrue(taskService.checklist(1).stream().anyMatch(r -> r.task().id() == id), "the task is back");
            assertEquals(BackupReason.RESTORE, replaced.reason());
            assertEquals(before - 1, tasks(replaced.file()), "the replaced ledger is kept");
            assertEquals("wal", TestDb.sqlString(file, "PRAGMA journal_mode"));
            long synchronous = db.read(c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("PRAGMA synchronous")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertEquals(2, synchronous, "synchronous stays FULL");
        }
    }

    @Test
    void aRestoreCanBeUndoneWithTheBackupItMadeFirst() {
        try (Database db = TestDb.withSample(dir)) {
            BackupService s = Wired.of(db).backups();
            Backup full = s.backupBefore(BackupReason.MANUAL);
            Wired.of(db).tasks().delete(Wired.of(db).tasks().checklist(1).get(0).task().id());
            long afterDelete = tasks(db.file());
            Backup replaced = s.restore(full.file(), d -> { });
            s.restore(replaced.file(), d -> { });
            assertEquals(afterDelete, tasks(db.file()));
        }
    }

    @Test
    void aDamagedLedgerIsRepairedFromABackupAndItsFileKeptAsItWas() throws Exception {
        Path file = dir.resolve("test.db");
        Path good;
        try (Database db = TestDb.withSample(dir)) {
            good = Wired.of(db).backups().backupBefore(BackupReason.MANUAL).file();
        }
        long pageSize = TestDb.sqlLong(file, "PRAGMA page_size");
        List<Long> pages = new java.util.ArrayList<>();
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file); var st = c.createStatement();
             var rs = st.executeQuery("SELECT pageno FROM dbstat WHERE name IN ('task', 'assignment')")) {
            while (rs.next()) {
                pages.add(rs.getLong(1));
            }
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            // the pages of two tables, not those of the schema (which spans more than page 1): damaged tables
            for (long p : pages) {
                raf.seek(p * pageSize - pageSize + 10);
                raf.write(new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef, 1, 2, 3, 4});
            }
        }
        byte[] damaged = Files.readAllBytes(file);
        PersistenceException refused = assertThrows(PersistenceException.class, () -> Database.open(file));
        assertEquals("db.error.corrupt", refused.key());

        try (Database db = Database.openForRestore(file)) {
            Backup kept = Wired.of(db).backups().restore(good, d -> { });
            assertTrue(java.util.Arrays.equals(damaged, Files.readAllBytes(kept.file())), "damaged file kept as is");
        }
        try (Database db = Database.open(file)) {
            assertTrue(db.integrityCheck().isEmpty());
            assertEquals(tasks(good), tasks(file));
        }
        try (Stream<Path> left = Files.list(dir.resolve("backups"))) {
            List<String> hidden = left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
            assertEquals(List.of(), hidden, "no staged copy, log or lock file left");
        }
    }
}
