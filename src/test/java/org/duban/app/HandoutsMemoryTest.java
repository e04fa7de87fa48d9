package org.duban.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.duban.crash.ChildProcess;
import org.duban.persistence.Database;
import org.duban.service.generate.LedgerGenerator;
import org.duban.service.handout.HandoutService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * All handouts of a large meeting are written unit by unit, not held at once (issue 24): 2,000 generated tasks
 * (5,400 unit shares, 3,400 pages in the units' files and as many in the combined book) in a child JVM of the real
 * entry point with a 160 MB heap. Before the handouts streamed, every unit's layout, each writer's own parse of
 * each Chinese face (FontBox copies the 10–15 MB file into each) and the book's pages were held together: the same
 * command needed more than 1 GB.
 */
class HandoutsMemoryTest {
    @TempDir
    Path dir;

    @Test
    void allHandoutsOfTwoThousandTasksFitInASmallHeap() throws Exception {
        Path ledger = dir.resolve("大台账.db");
        try (Database db = Database.create(ledger)) {
            new LedgerGenerator(org.duban.service.Services.over(db)).generate(new LedgerGenerator.Options(2000, 2000, 1, LocalDate.of(2026, 11, 29)),
                    LedgerGenerator.Progress.NONE);
        }
        Path out = dir.resolve("任务清单");
        try (ChildProcess child = ChildProcess.startWithHeap(dir, "160m", Launcher.class, "--db", ledger.toString(),
                "handouts", "--out", out.toString())) {
            assertEquals(0, child.awaitExit(Duration.ofMinutes(10)), child.errors());
            assertEquals("", child.errors());
        }
        Path book = out.resolve(HandoutService.combinedFileName());
        List<Path> units;
        try (Stream<Path> files = Files.list(out)) {
            units = files.filter(f -> f.toString().endsWith(".pdf") && !f.equals(book)).sorted().toList();
        }
        assertTrue(units.size() > 10, "one file per unit: " + units);
        int expected = 0;
        for (Path unit : units) {
            try (PDDocument d = Loader.loadPDF(unit.toFile())) {
                expected += d.getNumberOfPages() + d.getNumberOfPages() % 2; // each unit starts on a front side
            }
        }
        try (PDDocument d = Loader.loadPDF(book.toFile())) {
            assertEquals(expected, d.getNumberOfPages());
            assertTrue(expected > 3000, "pages: " + expected);
        }
    }
}
