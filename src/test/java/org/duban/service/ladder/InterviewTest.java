package org.duban.service.ladder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.duban.i18n.LocalizedException;
import org.duban.model.AuditEntity;
import org.duban.model.Interview;
import org.duban.model.NoticeLevel;
import org.duban.persistence.Database;
import org.duban.service.audit.AuditLog;
import org.duban.service.tracking.TrackingService;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ladder's top rung: two 督办通知书 suggest 约谈; a recorded 约谈 answers it, with its 约谈通知 and follow-up. */
class InterviewTest {
    static final LocalDate DAY = LocalDate.of(2026, 11, 29);
    @TempDir
    Path dir;
    Database db;
    AuditLog audit;
    DeskService desk;
    InterviewService interviews;

    @BeforeEach
    void setUp() {
        db = TestDb.withSample(dir);
        audit = Wired.audit(db, new TestClock(DAY));
        TrackingService tracking = Wired.of(audit).tracking();
        desk = Wired.of(audit).desk();
        interviews = Wired.of(audit).interviews();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private List<DeskItem> talkSuggestions(long unitId) {
        return desk.desk(DAY, 15).stream().filter(i -> i.kind() == DeskItem.Kind.SUGGESTION
                && i.unitId() == unitId && i.detail().contains("约谈")).toList();
    }

    @Test
    void twoOrdersSuggestATalkAndTheRecordAnswersIt() throws Exception {
        NoticeService.Candidate c = desk.notices().candidates(DAY, NoticeLevel.CHASE).get(0);
        long unit = c.unit().id();
        desk.notices().issue(unit, NoticeLevel.ORDER, LocalDate.of(2026, 10, 15), false, c.shares());
        assertTrue(talkSuggestions(unit).isEmpty(), "one 督办通知书 is not enough");
        desk.notices().issue(unit, NoticeLevel.ORDER, LocalDate.of(2026, 11, 10), false, c.shares());
        assertEquals(1, talkSuggestions(unit).size());

        Path pdf = dir.resolve("约谈通知.pdf");
        Interview i = interviews.record(unit, LocalDate.of(2026, 11, 27), "王副市长", "", "", LocalDate.of(2026, 12, 10),
                pdf);
        assertEquals("约谈〔2026〕1号", i.number());
        assertTrue(talkSuggestions(unit).isEmpty(), "the 约谈 answers the suggestion");
        assertTrue(desk.desk(DAY, 15).stream().anyMatch(d -> d.kind() == DeskItem.Kind.RESPONSE_DUE
                && d.unitId() == unit && d.day().equals(LocalDate.of(2026, 12, 10))));
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertTrue(text.contains("约谈通知"), text);
            assertTrue(text.contains(c.unit().name() + "："), text);
            assertTrue(text.contains("王副市长"), text);
            assertTrue(text.contains("2026年12月10日前"), text);
        }
        long task = c.shares().get(0).taskId();
        assertTrue(audit.history(task).stream().anyMatch(e -> e.entity() == AuditEntity.INTERVIEW
                && e.newValue().contains("约谈〔2026〕1号")));
        assertEquals(1, interviews.all().size());
    }

    @Test
    void aLeaderIsRequiredAndTheFollowUpComesAfter() {
        assertEquals("interview.error.leader", assertThrows(LocalizedException.class,
                () -> interviews.record(1, DAY, " ", "", "", null, null)).key());
        assertEquals("interview.error.followUp", assertThrows(LocalizedException.class,
                () -> interviews.record(1, DAY, "王副市长", "", "", DAY.minusDays(1), null)).key());
        assertTrue(interviews.all().isEmpty());
    }
}
