package org.duban.service.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.duban.model.Notice;
import org.duban.model.NoticeLevel;
import org.duban.persistence.AuditChain;
import org.duban.persistence.Database;
import org.duban.service.audit.AuditLog;
import org.duban.service.handout.FontPreference;
import org.duban.service.ladder.NoticeService;
import org.duban.service.tracking.EvidenceService;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 23: the dossier of a sample task with evidence: the list's hashes are those of the files beside it. */
class DossierTest {
    @TempDir
    Path dir;

    @Test
    void aClosedTasksDossierListsItsEvidenceWithHashesEqualToTheFiles() throws Exception {
        try (Database db = TestDb.withSample(dir)) {
            long taskId = TestDb.sqlLong(db, "SELECT a.task_id FROM evidence e JOIN assignment a "
                    + "ON a.id = e.assignment_id ORDER BY e.id LIMIT 1");
            DossierService service = Wired.over(db, new TestClock(LocalDate.of(2026, 11, 29))).dossiers();
            DossierService.Result r = service.write(taskId, null, dir.resolve("out"), FontPreference.BUNDLED);
            assertFalse(r.files().isEmpty());
            String text;
            try (PDDocument pdf = Loader.loadPDF(r.pdf().toFile())) {
                text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
                for (var page : pdf.getPages()) {
                    for (var name : page.getResources().getFontNames()) {
                        PDFont f = page.getResources().getFont(name);
                        assertTrue(f.isEmbedded(), f.getName() + " embedded");
                    }
                }
            }
            for (DossierService.ListedFile f : r.files()) {
                Path file = r.evidenceFolder().resolve(f.fileName());
                String sha = EvidenceService.sha256(Files.readAllBytes(file));
                assertEquals(f.evidence().sha256(), sha, f.fileName());
                assertTrue(text.contains(sha), "the list shows " + sha);
            }
            AuditChain.Head head = AuditChain.head(db);
            assertTrue(text.contains("留痕校验" + head.shortHash()), text);
            assertTrue(text.contains("修改留痕"), text);
            assertTrue(text.contains("督办文书未发催办单或督办通知书"), text);
        }
    }

    @Test
    void theCoverNamesTheNoticesSentAboutTheTaskByTheirNumber() throws Exception {
        LocalDate day = LocalDate.of(2026, 11, 29);
        try (Database db = TestDb.withSample(dir)) {
            AuditLog audit = Wired.audit(db, new TestClock(day));
            NoticeService notices = Wired.of(audit).notices();
            NoticeService.Candidate c = notices.candidates(day, NoticeLevel.CHASE).get(0);
            Notice sent = notices.issue(c.unit().id(), NoticeLevel.CHASE, day, false, c.shares());
            Notice draft = notices.issue(c.unit().id(), NoticeLevel.CHASE, day, true, c.shares());
            long taskId = c.shares().get(0).taskId();
            DossierService service = Wired.of(audit).dossiers();
            DossierService.Result r = service.write(taskId, null, dir.resolve("out"), FontPreference.BUNDLED);
            String text;
            try (PDDocument pdf = Loader.loadPDF(r.pdf().toFile())) {
                text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
            }
            String unit = c.unit().name();
            assertTrue(text.contains("督办文书" + sent.number() + "（催办单，" + unit + "）"), text);
            assertTrue(text.contains("向" + unit + "发出催办单（" + sent.number() + "）"), text);
            assertTrue(draft.draft());
            assertEquals(1, text.split("发出催办单", -1).length - 1, "a draft was never sent: " + text);
        }
    }
}
