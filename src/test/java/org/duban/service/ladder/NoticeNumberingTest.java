package org.duban.service.ladder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.duban.i18n.LocalizedException;
import org.duban.model.AuditAction;
import org.duban.model.AuditEntity;
import org.duban.model.Notice;
import org.duban.model.NoticeLevel;
import org.duban.model.NoticeShare;
import org.duban.persistence.Database;
import org.duban.service.audit.AuditLog;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 文号: per series and year, drafts unnumbered, a number never given twice (not even after a delete). */
class NoticeNumberingTest {
    static final LocalDate DAY = LocalDate.of(2026, 11, 29);
    @TempDir
    Path dir;
    Database db;
    AuditLog audit;
    NoticeService service;
    List<NoticeService.Candidate> chase;

    @BeforeEach
    void setUp() {
        db = TestDb.withSample(dir);
        audit = Wired.audit(db, new TestClock(DAY));
        service = Wired.of(audit).notices();
        chase = service.candidates(DAY, NoticeLevel.CHASE);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Notice issue(int i, LocalDate day, boolean draft) {
        NoticeService.Candidate c = chase.get(i);
        return service.issue(c.unit().id(), NoticeLevel.CHASE, day, draft, c.shares());
    }

    @Test
    void theSampleHasUnitsToChaseWithOverdueShares() {
        assertTrue(chase.size() >= 3, "units to chase: " + chase.size());
        assertTrue(chase.stream().flatMap(c -> c.shares().stream()).anyMatch(s -> s.daysOverdue() != null
                && s.daysOverdue() > 0));
        assertTrue(service.candidates(DAY, NoticeLevel.ORDER).isEmpty(), "no 催办单 yet, so no 督办通知书");
    }

    @Test
    void numbersRunPerYearAndDraftsHaveNone() {
        Notice first = issue(0, DAY, false);
        Notice draft = issue(1, DAY, true);
        Notice second = issue(2, DAY, false);
        assertEquals("督催〔2026〕1号", first.number());
        assertTrue(draft.draft());
        assertNull(draft.number());
        assertNull(service.findById(draft.id()).orElseThrow().numberSeq());
        assertEquals("督催〔2026〕2号", second.number());
        Notice nextYear = issue(0, LocalDate.of(2027, 1, 5), false);
        assertEquals("督催〔2027〕1号", nextYear.number());
        Notice drafted = service.issueDraft(draft.id());
        assertFalse(drafted.draft());
        assertEquals("督催〔2026〕3号", service.findById(draft.id()).orElseThrow().number());
    }

    @Test
    void aDeletedNumberIsNeverGivenAgain() {
        issue(0, DAY, false);
        Notice second = issue(1, DAY, false);
        service.delete(second.id());
        assertTrue(service.findById(second.id()).isEmpty());
        assertEquals(2, service.lastNumber(LadderSettings.Series.CHASE, 2026));
        assertEquals("督催〔2026〕3号", issue(1, DAY, false).number());
        long taskId = second.shares().get(0).taskId();
        assertTrue(audit.history(taskId).stream().anyMatch(e -> e.entity() == AuditEntity.NOTICE
                && e.action() == AuditAction.DELETE && e.oldValue().contains("督催〔2026〕2号")));
    }

    @Test
    void theOfficesPatternAndWorkingDaysMakeTheNumberAndTheResponseDay() {
        LadderSettings.Values d = service.settings().load();
        service.settings().save(new LadderSettings.Values("宁督办〔{year}〕{n}号", d.orderPattern(), d.talkPattern(),
                5, 3, 10, 2, 15, ""));
        // 2026-09-30 + 5 working days skips the National Day week and counts Saturday 10 October
        Notice n = issue(0, LocalDate.of(2026, 9, 30), false);
        assertEquals("宁督办〔2026〕1号", n.number());
        assertEquals(LocalDate.of(2026, 10, 13), n.responseDue());
        assertThrows(LocalizedException.class, () -> service.settings().save(new LadderSettings.Values("督办第号",
                d.orderPattern(), d.talkPattern(), 5, 3, 10, 2, 15, "")));
        assertEquals("宁督办〔{year}〕{n}号", service.settings().load().chasePattern());
    }

    @Test
    void theNoticeIsInTheTaskHistoryAndItsResponseIsRecorded() {
        Notice n = issue(0, DAY, false);
        NoticeShare s = n.shares().get(0);
        assertTrue(audit.history(s.taskId()).stream().anyMatch(e -> e.entity() == AuditEntity.NOTICE
                && e.action() == AuditAction.CREATE && e.newValue().contains("督催〔2026〕1号")));
        assertEquals(1, service.ofTask(s.taskId()).size());
        service.recordResponse(n.id(), DAY, "已制定整改方案，12月底前完成");
        Notice back = service.findById(n.id()).orElseThrow();
        assertTrue(back.answered());
        assertEquals(n.shares(), back.shares());
    }

    @Test
    void aChasedUnitIsDueForAnOrderTenWorkingDaysLater() {
        Notice n = issue(0, DAY, false);
        long unit = n.unitId();
        assertTrue(service.candidates(DAY.plusDays(7), NoticeLevel.ORDER).isEmpty());
        assertFalse(service.candidates(DAY.plusDays(7), NoticeLevel.CHASE).stream()
                .anyMatch(c -> c.unit().id() == unit), "not chased again within 10 working days");
        // 2026-11-29 (Sunday) + 10 working days = 2026-12-11
        assertTrue(service.candidates(LocalDate.of(2026, 12, 11), NoticeLevel.ORDER).stream()
                .anyMatch(c -> c.unit().id() == unit));
        assertFalse(service.candidates(LocalDate.of(2026, 12, 11), NoticeLevel.CHASE).stream()
                .anyMatch(c -> c.unit().id() == unit));
    }

    /**
     * The audit chain vouches for the letters too: issued, numbered, answered and deleted through the program,
     * the ledger checks clean; a reply's text changed by SQL, or a number moved, is named by {@code check}.
     */
    @Test
    void theAuditTrailVouchesForNotices() {
        // the next morning: the sample's own trail runs until 09:02 on DAY, and check objects to time running back
        AuditLog later = Wired.audit(db, new TestClock(DAY.plusDays(1)));
        service = Wired.of(later).notices();
        Notice first = issue(0, DAY, false);
        Notice draft = issue(1, DAY, true);
        service.issueDraft(draft.id());
        service.recordResponse(first.id(), DAY.plusDays(1), "已整改，详见附件。");
        Notice gone = issue(2, DAY, false);
        service.delete(gone.id());
        org.duban.service.check.CheckReport clean = Wired.of(db).checks().run();
        assertTrue(clean.clean(), clean::toString);
        db.write(c -> {
            try (var st = c.createStatement()) {
                st.executeUpdate("UPDATE notice SET response_text = '早已整改完毕' WHERE id = " + first.id());
            }
            return null;
        });
        org.duban.service.check.CheckReport tampered = Wired.of(db).checks().run();
        assertFalse(tampered.clean());
        assertTrue(tampered.toString().contains("check.audit.state.changed"), tampered::toString);
    }
}
