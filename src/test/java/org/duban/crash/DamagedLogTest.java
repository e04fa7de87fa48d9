package org.duban.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.duban.app.LedgerOpener;
import org.duban.testing.CliRunner;
import org.duban.testing.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saved work that sits only in the log ({@code -wal}) when the program is killed, and a log damaged afterwards (a
 * frame, the header, a cut-off end): the next opening keeps the database and the log as they were in
 * {@code backups/} and says how many saved changes SQLite dropped, naming the copy; {@code check} says it too. The
 * logs are real: a child process saves five tasks, one commit each, with the automatic checkpoint off, and is
 * killed.
 */
class DamagedLogTest {
    private static final int TASKS = 5;
    private static final int FIRST = 9001;
    @TempDir
    Path dir;
    private Path db;
    private Path wal;
    private int pageSize;

    @BeforeEach
    void savedWorkOnlyInTheLog() throws Exception {
        TestDb.withSample(dir).close();
        db = dir.resolve("test.db");
        wal = dir.resolve("test.db-wal");
        try (ChildProcess child = ChildProcess.start(dir, CommittedInLogChild.class, db.toString(),
                String.valueOf(TASKS), String.valueOf(FIRST))) {
            child.awaitLine(CrashChild.UNDERWAY, Duration.ofMinutes(2));
            child.kill();
        }
        assertTrue(Files.size(wal) > 0, "the saved work is in the log");
        pageSize = ByteBuffer.wrap(Files.readAllBytes(wal), 8, 4).getInt();
        assertEquals(TASKS, commitFrames().size(), "one commit per task");
    }

    private List<Integer> commitFrames() throws IOException {
        byte[] log = Files.readAllBytes(wal);
        List<Integer> commits = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(log);
        for (int i = 1; offset(i) + 24 + pageSize <= log.length; i++) {
            if (b.getInt((int) offset(i) + 4) != 0) {
                commits.add(i);
            }
        }
        return commits;
    }

    private long offset(int frame) {
        return 32L + (long) (frame - 1) * (24 + pageSize);
    }

    private void flipByte(long at) throws IOException {
        try (FileChannel ch = FileChannel.open(wal, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            ch.read(one, at);
            one.put(0, (byte) (one.get(0) ^ 0x5A)).rewind();
            ch.write(one, at);
        }
    }

    private long tasksSaved() {
        return TestDb.sqlLong(db, "SELECT count(*) FROM task WHERE seq BETWEEN " + FIRST + " AND "
                + (FIRST + TASKS - 1));
    }

    private List<Path> recoveryCopies() throws IOException {
        Path backups = dir.resolve("backups");
        if (!Files.isDirectory(backups)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(backups)) {
            return s.filter(p -> p.getFileName().toString().endsWith("-wal-recovery.db")).toList();
        }
    }

    /** check, then the window's opening: both say it, and the copy holds the log exactly as it was. */
    private void assertDropped(int lost, String words) throws Exception {
        byte[] damagedLog = Files.readAllBytes(wal);
        byte[] database = Files.readAllBytes(db);

        CliRunner.Result check = CliRunner.run("--db", db.toString(), "check");
        assertEquals(1, check.code(), check.out());
        assertTrue(check.out().contains(words), check.out());
        List<Path> copies = recoveryCopies();
        assertEquals(1, copies.size(), "kept once");
        Path copy = copies.get(0);
        assertTrue(check.out().contains(copy.toString()), "names the copy: " + check.out());

        LedgerOpener.Opened opened = LedgerOpener.forWriting(db);
        opened.db().close();
        String warning = String.join("\n", opened.warnings());
        assertTrue(warning.contains(words) && warning.contains(copy.toString()), warning);
        assertEquals(List.of(copy), recoveryCopies(), "the same copy, not a second one");
        assertEquals(TASKS - lost, tasksSaved(), "what SQLite replayed");

        assertFalse(Files.exists(wal) && Files.size(wal) > 0, "closing merged and removed the log");
        assertEquals(-1, Files.mismatch(Path.of(copy + "-wal"), writeTemp(damagedLog)), "the log as it was");
        assertEquals(-1, Files.mismatch(copy, writeTemp(database)), "with its database");
    }

    private Path writeTemp(byte[] bytes) throws IOException {
        return Files.write(Files.createTempFile(dir, "was", ".bin"), bytes);
    }

    @Test
    void aDamagedFrameDropsTheSavedChangesAfterItAndTheUserIsToldWhereTheCopyIs() throws Exception {
        int afterSecondCommit = commitFrames().get(1) + 1;
        flipByte(offset(afterSecondCommit) + 24 + 100);
        assertDropped(TASKS - 2, "其中 3 次已保存的修改没能读入台账");
    }

    @Test
    void aDamagedHeaderDropsTheWholeLog() throws Exception {
        flipByte(17); // a byte of the first salt: the header's checksum fails
        assertDropped(TASKS, "其中 5 次已保存的修改没能读入台账");
    }

    @Test
    void aLogCutOffInItsLastCommitDropsThatChange() throws Exception {
        int last = commitFrames().get(TASKS - 1);
        try (FileChannel ch = FileChannel.open(wal, StandardOpenOption.WRITE)) {
            ch.truncate(offset(last) + 24 + pageSize / 2);
        }
        assertDropped(1, "其中 1 次已保存的修改没能读入台账");
    }

    @Test
    void anUndamagedLogIsReadWholeAndNoCopyStays() throws Exception {
        CliRunner.Result check = CliRunner.run("--db", db.toString(), "check");
        assertEquals(0, check.code(), check.out() + check.err());
        LedgerOpener.Opened opened = LedgerOpener.forWriting(db);
        opened.db().close();
        assertTrue(opened.warnings().isEmpty(), opened.warnings().toString());
        assertEquals(TASKS, tasksSaved());
        assertEquals(List.of(), recoveryCopies());
    }
}
