package org.duban.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.duban.i18n.Messages;
import org.duban.model.Backup;
import org.duban.model.BackupReason;
import org.duban.persistence.Database;
import org.duban.persistence.PersistenceException;
import org.duban.service.sample.SampleMeeting;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ledger file that fails its check while the window opens it: the window offers the backups beside it instead of
 * only quitting, and the chosen one replaces the file with the damaged file kept byte for byte (issue 24's follow-up:
 * the message named 设置 → 数据备份, which a window that quits cannot reach).
 */
class DamagedAtOpeningTest {
    @TempDir
    Path dir;

    /** The sample ledger with a manual backup, then its first pages after the header damaged as a disk would. */
    private Path damagedLedgerWithABackup() throws Exception {
        Path file = dir.resolve("l.db");
        try (Database db = Database.create(file)) {
            SampleMeeting.load(Wired.of(db));
            Wired.of(db).backups().backupBefore(BackupReason.MANUAL);
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            long pageSize = 4096;
            for (long p = 2; p < raf.length() / pageSize; p += 3) {
                raf.seek(p * pageSize + 10);
                raf.write(new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef, 1, 2, 3, 4});
            }
        }
        return file;
    }

    @Test
    void theChosenBackupReplacesTheDamagedFileWhichIsKeptAsItWas() throws Exception {
        Path file = damagedLedgerWithABackup();
        PersistenceException failed = assertThrows(PersistenceException.class, () -> LedgerOpener.forWindow(file));
        assertTrue(DamagedAtOpening.isDamaged(failed), failed.key());
        byte[] damaged = Files.readAllBytes(file);

        List<Backup> backups = DamagedAtOpening.backups(file);
        assertEquals(1, backups.size(), backups.toString());
        RecordingDialogs dialogs = new RecordingDialogs();
        dialogs.choiceToPick = new DamagedAtOpening.Choice(backups.get(0)).toString();
        assertTrue(dialogs.choiceToPick.contains(Messages.tr("backup.reason.MANUAL")), dialogs.choiceToPick);
        Optional<Backup> chosen = DamagedAtOpening.ask(dialogs, failed.getLocalizedMessage(), backups);
        assertEquals(Optional.of(backups.get(0)), chosen);
        assertTrue(dialogs.choices.get(0).startsWith(failed.getLocalizedMessage()), "the failure is said first");
        assertTrue(dialogs.errors.isEmpty());

        Backup kept = DamagedAtOpening.restore(file, chosen.get());
        assertEquals(BackupReason.RESTORE, kept.reason());
        assertArrayEquals(damaged, Files.readAllBytes(kept.file()), "the damaged file is kept byte for byte");
        assertEquals(TestDb.contentDigest(backups.get(0).file()), TestDb.contentDigest(file), "the backup's contents");
        LedgerOpener.Opened opened = LedgerOpener.forWindow(file);
        try (Database db = opened.db()) {
            assertEquals(Database.Soundness.SOUND, db.soundness().equals(Database.Soundness.CHECKING)
                    ? Database.Soundness.SOUND : db.soundness());
            assertTrue(db.completeCheck().isEmpty(), "the window opens the restored ledger and it is sound");
        }
    }

    @Test
    void decliningOrHavingNoBackupLeavesTheFileAsItIs() throws Exception {
        Path file = damagedLedgerWithABackup();
        byte[] damaged = Files.readAllBytes(file);
        RecordingDialogs dialogs = new RecordingDialogs();
        dialogs.choiceToPick = null; // 取消
        assertEquals(Optional.empty(), DamagedAtOpening.ask(dialogs, "坏了", DamagedAtOpening.backups(file)));
        assertEquals(1, dialogs.choices.size());

        RecordingDialogs none = new RecordingDialogs();
        assertEquals(Optional.empty(), DamagedAtOpening.ask(none, "坏了", List.of()));
        assertTrue(none.choices.isEmpty(), "nothing to choose from: not asked");
        assertEquals(List.of("坏了"), none.errors, "only the message");
        assertArrayEquals(damaged, Files.readAllBytes(file));
        assertFalse(DamagedAtOpening.isDamaged(new PersistenceException("db.error.cannotOpen", file)));
    }
}
