package org.duban.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.duban.crash.ChildProcess;
import org.duban.testing.HugeSheets;
import org.duban.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spreadsheet of 1.6 million rows (30 MB) is refused within 512 MiB of heap, in a child JVM started with -Xmx512m
 * as a user's would be: one line saying the row limit, no OutOfMemoryError, no stack trace, the ledger unchanged.
 * Before the streaming reader it took 4.7 GB and died with a raw OutOfMemoryError under -Xmx1g.
 */
class HugeFileMemoryTest {
    @TempDir
    Path dir;

    @Test
    void aSheetOfOnePointSixMillionRowsIsRefusedWithin512MiB() throws Exception {
        TestDb.withSample(dir).close();
        Path ledger = dir.resolve("test.db");
        String before = TestDb.contentDigest(ledger);
        Path huge = HugeSheets.write(dir.resolve("大表.xlsx"), 1_600_000);
        assertTrue(Files.size(huge) > 20L * 1024 * 1024, "a big file: " + Files.size(huge));

        try (ChildProcess child = ChildProcess.start(dir, CliChild.class, "--db", ledger.toString(), "import",
                huge.toString(), "--source", "市级排查")) {
            int code = child.awaitExit(Duration.ofMinutes(5));
            String err = child.errors();
            assertEquals(1, code, err);
            assertEquals(1, err.strip().lines().count(), err);
            assertTrue(err.contains("超过 20,000 行的上限"), err);
            assertTrue(!err.contains("OutOfMemory") && !err.contains("Exception") && !err.contains("\tat "), err);
        }
        assertEquals(before, TestDb.contentDigest(ledger), "the ledger is unchanged");
    }
}
