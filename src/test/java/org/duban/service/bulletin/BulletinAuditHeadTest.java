package org.duban.service.bulletin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.duban.persistence.AuditChain;
import org.duban.persistence.BulletinRepository;
import org.duban.persistence.Database;
import org.duban.service.check.Finding;
import org.duban.service.handout.FontPreference;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 23: the audit trail's head is printed on a bulletin and kept with it, and check holds the trail to it. */
class BulletinAuditHeadTest {
    static final LocalDate DAY = LocalDate.of(2026, 11, 29);

    @TempDir
    Path dir;

    @org.junit.jupiter.api.Tag("sqlite-file") // drops a trigger of the file through SQLite
    @Test
    void theHeadIsPrintedKeptAndHeldAgainstALaterDeletion() throws Exception {
        AuditChain.Head head;
        Path pdf = dir.resolve("通报.pdf");
        try (Database db = TestDb.withSample(dir)) {
            head = AuditChain.head(db);
            BulletinService service = Wired.over(db, new TestClock(DAY)).bulletins();
            Bulletin b = service.prepare(null, DAY);
            assertEquals(head, b.auditHead());
            BulletinService.write(b, pdf, FontPreference.BUNDLED);
            service.issue(b);
            List<BulletinRepository.PrintedHead> kept = new BulletinRepository(db).printedHeads().stream()
                    .filter(p -> p.asOf().equals(DAY)).toList();
            assertEquals(1, kept.size());
            assertEquals(head.row(), kept.get(0).row());
            assertEquals(head.hash(), kept.get(0).hash());
        }
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertTrue(text.contains(("留痕校验" + head.shortHash() + "/第" + head.row() + "条")), text);
        }
        Path file = dir.resolve("test.db");
        TestDb.otherTool(file, "DROP TRIGGER audit_log_no_delete",
                "DELETE FROM audit_log WHERE id >= " + head.row(),
                AuditChain.TRIGGERS.get("audit_log_no_delete"));
        try (Database db = Database.openReadOnly(file)) {
            List<String> found = Wired.of(db).checks().run().results().stream()
                    .filter(r -> r.titleKey().equals("check.audit")).findFirst().orElseThrow()
                    .findings().stream().map(Finding::text).toList();
            assertTrue(found.stream().anyMatch(t -> t.contains("2026-11-29 的通报上印的留痕校验 " + head.shortHash())),
                    found.toString());
        }
    }
}
