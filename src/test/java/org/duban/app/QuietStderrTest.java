package org.duban.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.duban.crash.ChildProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands print what the user asked for and nothing else: no library's start-up chatter on standard error
 * (SLF4J once printed "A number (3) of logging calls during the initialization phase have been intercepted and
 * are now being replayed" on every {@code handouts}). Runs the real entry point, {@link Launcher}, in a child
 * JVM, as a script would run the jar.
 */
class QuietStderrTest {
    @TempDir
    Path dir;

    @Test
    void loggingEarlyWhileLogbackStartsPrintsNothingOnStandardError() throws Exception {
        try (ChildProcess child = ChildProcess.start(dir, EarlyLoggingChild.class)) {
            assertEquals(0, child.awaitExit(Duration.ofMinutes(2)));
            assertEquals("", child.errors());
        }
    }

    @Test
    void commandsLeaveStandardErrorEmpty() throws Exception {
        String db = dir.resolve("台账.db").toString();
        List<String[]> commands = List.of(
                new String[] {"--db", db, "sample"},
                new String[] {"--db", db, "stats", "--as-of", "2026-11-29"},
                new String[] {"--db", db, "handouts", "--out", dir.resolve("handouts").toString()},
                new String[] {"--db", db, "check"},
                new String[] {"--db", db, "export", "ledger", dir.resolve("ledger.xlsx").toString()},
                new String[] {"--db", db, "bulletin", "--as-of", "2026-11-29", "--draft", "--out",
                        dir.resolve("通报.pdf").toString()},
                new String[] {"--db", db, "meeting-pack", "--meeting", "1", "--out", dir.resolve("会议材料").toString()});
        List<String> noisy = new ArrayList<>();
        for (String[] args : commands) {
            try (ChildProcess child = ChildProcess.start(dir, Launcher.class, args)) {
                int code = child.awaitExit(Duration.ofMinutes(5));
                String err = child.errors();
                if (code != 0 || !err.isEmpty()) {
                    noisy.add(String.join(" ", args) + " → exit " + code + ", stderr:\n" + err);
                }
            }
        }
        assertEquals(List.of(), noisy);
    }

    /**
     * Memory running out is said in a sentence, not a stack trace: the sample's handouts in a JVM too small to parse
     * the bundled Chinese faces (each 10–15 MB) fail with the plain message and exit code 1.
     */
    @Test
    void runningOutOfMemoryIsSaidPlainly() throws Exception {
        String db = dir.resolve("小.db").toString();
        try (ChildProcess child = ChildProcess.start(dir, Launcher.class, "--db", db, "sample")) {
            assertEquals(0, child.awaitExit(Duration.ofMinutes(2)));
        }
        try (ChildProcess child = ChildProcess.startWithHeap(dir, "24m", Launcher.class, "--db", db, "handouts",
                "--out", dir.resolve("讲义").toString())) {
            assertEquals(1, child.awaitExit(Duration.ofMinutes(2)), child.errors());
            String err = child.errors();
            org.junit.jupiter.api.Assertions.assertTrue(err.startsWith("错误：内存不足"), err);
            org.junit.jupiter.api.Assertions.assertFalse(err.contains("\tat "), err);
            org.junit.jupiter.api.Assertions.assertFalse(err.contains("OutOfMemoryError"), err);
        }
    }
}
