package org.duban.service.handout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.duban.persistence.AuditChain;
import org.duban.testing.Wired;
import org.junit.jupiter.api.Test;

/**
 * Issue 23: the audit chain's head (留痕校验 xxxxxxxx…xxxxxxxx / 第 N 条) is printed in the footer of every page of
 * every unit's handout and of the combined book.
 */
class HandoutAuditHeadTest extends HandoutDbTest {

    @Test
    void everyPageOfTheUnitFilesAndTheBookCarriesTheHeadAsRead() throws IOException {
        HandoutService.MeetingData data = sample();
        AuditChain.Head head = AuditChain.head(db);
        assertTrue(head.row() > 0, "the sample has an audit trail");
        assertEquals(head, data.auditHead(), "read with the tasks");
        String printed = "留痕校验" + head.shortHash() + "/第" + head.row() + "条";

        HandoutService.BatchResult r = Wired.of(db).handouts().exportAll(data, HandoutFixtures.BUNDLED,
                dir.resolve("out"), HandoutService.Progress.NONE);
        assertFalse(r.unitFiles().isEmpty());
        for (Path unitFile : r.unitFiles()) {
            List<String> pages = HandoutFixtures.pageTexts(unitFile);
            for (int i = 0; i < pages.size(); i++) {
                assertTrue(pages.get(i).replaceAll("\\s+", "").contains(printed),
                        unitFile.getFileName() + " page " + (i + 1) + ": " + pages.get(i));
            }
        }
        long printedPages = HandoutFixtures.pageTexts(r.combined()).stream()
                .filter(p -> p.replaceAll("\\s+", "").contains(printed)).count();
        long textPages = HandoutFixtures.pageTexts(r.combined()).stream().filter(p -> !p.isBlank()).count();
        assertEquals(textPages, printedPages, "every printed page of the combined book");
    }

    @Test
    void contentMadeWithoutAHeadPrintsNone() throws IOException {
        HandoutService.MeetingData read = sample();
        HandoutService.MeetingData data = new HandoutService.MeetingData(read.meeting(), read.tasks(), read.roster(),
                read.sources());
        HandoutService.BatchResult r = Wired.of(db).handouts().exportAll(data, HandoutFixtures.BUNDLED,
                dir.resolve("out"), HandoutService.Progress.NONE);
        assertTrue(HandoutFixtures.pageTexts(r.unitFiles().get(0)).stream().noneMatch(p -> p.contains("留痕校验")));
    }
}
