package org.duban.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.duban.persistence.Database;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The program as a separate process, killed with SIGKILL in the middle of a multi-row operation: the file
 * must pass {@code integrity_check} and hold the operation wholly or not at all. The child signals from inside
 * the transaction; no sleeps.
 */
class CrashSafetyTest {
    @TempDir
    Path dir;

    /** Every multi-row operation of this version. */
    static Stream<CrashScenario> scenarios() {
        return Stream.of(new SampleLoadScenario(), new TaskBatchScenario(), new RestoreScenario(),
                new LargeImportScenario(), new CloseOutScenario());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void killedInTheMiddleTheOperationIsWhollyThereOrWhollyAbsent(CrashScenario scenario) throws Exception {
        Path db = dir.resolve("test.db");
        scenario.prepare(db);
        Map<String, Long> before = scenario.measure(db);
        Map<String, Long> done = scenario.whenDone(db, before);
        assertNotEquals(before, done, "the operation changes something measurable");

        long walAtKill;
        try (ChildProcess child = ChildProcess.start(dir, CrashChild.class, scenario.getClass().getName(),
                db.toString())) {
            child.awaitLine(CrashChild.UNDERWAY, Duration.ofMinutes(3));
            Path wal = db.resolveSibling(db.getFileName() + "-wal");
            walAtKill = Files.exists(wal) ? Files.size(wal) : 0;
            child.kill();
        }
        assertTrue(walAtKill > 0, "the killed transaction had reached the disk (uncommitted WAL frames)");

        assertEquals("ok", TestDb.sqlString(db, "PRAGMA integrity_check"));
        Map<String, Long> after = scenario.measure(db);
        assertTrue(after.equals(before) || after.equals(done),
                "wholly there or wholly absent: before " + before + ", done " + done + ", found " + after);
        if (scenario.holdsAtSignal()) {
            assertEquals(before, after, "killed before its commit, so wholly absent");
        }
        try (Database reopened = Database.open(db)) {
            assertTrue(Wired.of(reopened).checks().run().clean(), "the program's own checks pass too");
        }
    }
}
