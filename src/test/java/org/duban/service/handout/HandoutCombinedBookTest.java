package org.duban.service.handout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.duban.i18n.LocalizedException;
import org.duban.testing.Wired;
import org.junit.jupiter.api.Test;

/**
 * The combined book is made of the unit files' pages as they were drawn (not drawn a second time), and the units
 * are written on several threads: the book must still hold every unit's pages, in roster order, with each copy
 * and the blank backs, looking exactly like the unit files.
 */
class HandoutCombinedBookTest extends HandoutDbTest {
    private static final HandoutSettings BUNDLED = HandoutFixtures.BUNDLED.withSignOff(true);

    @Test
    void theCombinedBookHoldsEveryUnitFilesPagesInOrderWithCopiesAndBlankBacks() throws IOException {
        HandoutService.MeetingData data = sample();
        HandoutService.BatchResult r = HandoutFixtures.exportAllWithCopies(db, data, "福安市", 2, dir.resolve("out"),
                HandoutService.Progress.NONE);

        List<String> expected = new ArrayList<>();
        for (Path unitFile : r.unitFiles()) {
            List<String> pages = HandoutFixtures.pageTexts(unitFile);
            int copies = unitFile.equals(HandoutFixtures.pdf(dir.resolve("out"), "福安市")) ? 2 : 1;
            for (int c = 0; c < copies; c++) {
                expected.addAll(pages);
                if (pages.size() % 2 == 1) {
                    expected.add(""); // the blank back that lets the next unit start on a front side
                }
            }
        }
        List<String> combined = HandoutFixtures.pageTexts(r.combined());
        assertEquals(expected.size(), combined.size(), "pages of the combined book");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), combined.get(i), "page " + (i + 1) + " of the combined book");
        }
        assertTrue(combined.stream().filter(String::isBlank).count() > 0, "the sample has units with odd page counts");
    }

    @Test
    void theCombinedBooksPagesLookExactlyLikeTheUnitFilesPages() throws IOException {
        HandoutService.MeetingData data = sample();
        HandoutService.BatchResult r = Wired.of(db).handouts().exportAll(data, BUNDLED, dir.resolve("out"),
                HandoutService.Progress.NONE);
        try (PDDocument book = Loader.loadPDF(r.combined().toFile())) {
            PDFRenderer bookPages = new PDFRenderer(book);
            int at = 0;
            for (Path unitFile : r.unitFiles()) {
                try (PDDocument unit = Loader.loadPDF(unitFile.toFile())) {
                    PDFRenderer unitPages = new PDFRenderer(unit);
                    int n = unit.getNumberOfPages();
                    for (int i : new int[] {0, n - 1}) { // the title block and the 签收 block
                        assertArrayEquals(pixels(unitPages.renderImageWithDPI(i, 40)),
                                pixels(bookPages.renderImageWithDPI(at + i, 40)),
                                unitFile.getFileName() + " page " + (i + 1));
                    }
                    at += n + n % 2;
                }
            }
            assertEquals(book.getNumberOfPages(), at);
        }
    }

    @Test
    void progressIsReportedOnTheCallersThreadInOrder() {
        HandoutService.MeetingData data = sample();
        Set<Thread> threads = new HashSet<>();
        List<Integer> done = new ArrayList<>();
        HandoutService.BatchResult r = Wired.of(db).handouts().exportAll(data, BUNDLED, dir.resolve("out"),
                (d, total, unit) -> {
                    threads.add(Thread.currentThread());
                    done.add(d);
                });
        assertEquals(Set.of(Thread.currentThread()), threads);
        for (int i = 0; i < done.size(); i++) {
            assertEquals(i, done.get(i), "progress " + done);
        }
        assertEquals(r.units() + 1, done.get(done.size() - 1));
    }

    @Test
    void aUnitFileThatCannotBeWrittenFailsTheBatchWithItsMessage() throws IOException {
        HandoutService.MeetingData data = sample();
        Path out = dir.resolve("out");
        Path blocked = HandoutFixtures.pdf(out, "福安市");
        Files.createDirectories(blocked.resolve("not empty")); // a folder where the file should go
        LocalizedException e = assertThrows(LocalizedException.class,
                () -> Wired.of(db).handouts().exportAll(data, BUNDLED, out, HandoutService.Progress.NONE));
        assertEquals("handout.error.write", e.key());
        assertTrue(e.getLocalizedMessage().contains("福安市"), e.getLocalizedMessage());
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
