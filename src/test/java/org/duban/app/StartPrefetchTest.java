package org.duban.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.duban.persistence.Database;
import org.duban.persistence.PersistenceException;
import org.duban.service.Services;
import org.duban.service.ledger.LedgerWatcher;
import org.duban.service.sample.SampleMeeting;
import org.duban.service.tasks.TaskField;
import org.duban.service.tasks.TaskService;
import org.duban.testing.Wired;
import org.duban.ui.desk.DeskViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 24: the window's start on a ledger file opens it and reads the desk's first lines on a thread of its own from
 * its first frame ({@link StartPrefetch}). It opens as the window did ({@link LedgerOpener#forWindow}), its failures reach the window
 * as they were thrown (a damaged file: the backups are offered), and a shared ledger, a missing or an empty file are
 * not read so (those starts are as they were).
 */
class StartPrefetchTest {
    @TempDir
    Path dir;
    private final List<StartPrefetch> made = new ArrayList<>();

    @AfterEach
    void discard() {
        made.forEach(StartPrefetch::discard); // closes what was opened
    }

    private StartPrefetch ran(Path file) {
        StartPrefetch p = StartPrefetch.unstarted(file).orElseThrow();
        made.add(p);
        p.run();
        return p;
    }

    private Path sample() {
        Path file = dir.resolve("l.db");
        try (Database db = Database.create(file)) {
            SampleMeeting.load(Wired.of(db));
        }
        return file;
    }

    @Test
    void noneForASharedLedgerOrAFileThatIsMissingOrEmpty() throws Exception {
        Path file = sample();
        assertTrue(StartPrefetch.forWindow("postgresql://localhost:5432/duban", file).isEmpty(), "a shared ledger");
        assertTrue(StartPrefetch.forWindow(null, dir.resolve("none.db")).isEmpty(), "the welcome");
        Path empty = Files.createFile(dir.resolve("empty.db"));
        assertTrue(StartPrefetch.forWindow(null, empty).isEmpty(), "the welcome says the file is empty");
        assertEquals(0, Files.size(empty), "and nothing was written into it");
        // the quick compiler asked for before the toolkit: for the same starts only
        assertTrue(StartPrefetch.isLedgerFileLocation(file.toString()));
        assertFalse(StartPrefetch.isLedgerFileLocation(null), "the settings choose");
        assertFalse(StartPrefetch.isLedgerFileLocation("postgresql://localhost:5432/duban"));
        assertFalse(StartPrefetch.isLedgerFileLocation(empty.toString()));
        assertFalse(StartPrefetch.isLedgerFileLocation(dir.resolve("none.db").toString()));
    }

    @Test
    void opensAsTheWindowDidAndReadsWhatTheDesksFirstLoadReads() throws Exception {
        StartPrefetch p = ran(sample());
        StartPrefetch.Ready ready = p.opened();
        Database db = ready.ledger().db();
        assertFalse(db.isClosed());
        assertNull(ready.ledger().inUseMessage());
        assertEquals(Database.Soundness.CHECKING, db.soundness(), "the check after the rows, as the window's opening");
        assertSame(ready, p.readyFor(ready.ledger()), "the window takes what was opened ahead");
        assertNull(p.readyFor(new LedgerOpener.Opened(db, List.of(), null)), "another opening is not it");

        DeskViewModel.FirstRead read = p.desk();
        DeskViewModel.FirstRead own = DeskViewModel.readFirst(Services.over(db).desk());
        assertEquals(own, read);
        assertFalse(read.items().isEmpty());
    }

    @Test
    void theStampIsNotedBeforeTheReadSoThatALaterChangeIsSeen() throws Exception {
        StartPrefetch p = ran(sample());
        StartPrefetch.Ready ready = p.opened();
        Database db = ready.ledger().db();
        LedgerWatcher windows = Services.over(db).ledgerWatcher();
        windows.seenAs(ready.watcher());
        assertFalse(windows.pollNow(), "nothing changed since the stamp was noted");
        assertTrue(db.completeCheck().isEmpty());
        TaskService other = Services.over(db).operatedBy("秘书甲").tasks(); // another seat's change
        TaskService.Editing one = other.forEditing(1).orElseThrow();
        java.util.Map<TaskField, String> m = new java.util.EnumMap<>(TaskField.class);
        for (TaskField f : TaskField.values()) {
            m.put(f, one.input().get(f));
        }
        m.put(TaskField.PROBLEM, "问题一（甲补充）");
        other.update(1, org.duban.service.tasks.TaskInput.of(m), one.version());
        assertTrue(windows.pollNow(), "a change after the noted stamp is seen at the first poll");
    }

    @Test
    void aDamagedFileFailsAsTheWindowsOwnOpeningFailsAndIsOfferedItsBackups() throws Exception {
        Path file = sample();
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            for (long page = 2; page < raf.length() / 4096; page += 3) {
                raf.seek(page * 4096 + 10);
                raf.write(new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef, 1, 2, 3, 4});
            }
        }
        StartPrefetch p = ran(file);
        PersistenceException ahead = assertThrows(PersistenceException.class, p::opened);
        assertTrue(DamagedAtOpening.isDamaged(ahead), ahead.key());
        PersistenceException own = assertThrows(PersistenceException.class, () -> LedgerOpener.forWindow(file));
        assertEquals(own.key(), ahead.key());
        assertEquals(own.getLocalizedMessage(), ahead.getLocalizedMessage(), "the same words in the same dialog");
        assertSame(ahead, assertThrows(PersistenceException.class, p::desk), "no desk without a ledger");
    }

    @Test
    void aDiscardedPrefetchClosesTheLedgerAndFreesItForTheNextOpening() throws Exception {
        Path file = sample();
        StartPrefetch p = ran(file);
        Database db = p.opened().ledger().db();
        p.discard();
        assertTrue(db.isClosed());
        try (Database again = LedgerOpener.forWriting(file).db()) {
            assertFalse(again.isReadOnly(), "the writer's lock was given back");
        }
    }
}
