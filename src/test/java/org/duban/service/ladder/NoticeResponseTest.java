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
import org.duban.model.Notice;
import org.duban.model.NoticeLevel;
import org.duban.model.WorkCalendar;
import org.duban.persistence.Database;
import org.duban.service.audit.AuditLog;
import org.duban.service.calendar.WorkCalendars;
import org.duban.service.tracking.TrackingService;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input on the ladder's new ways in: a response dated before its notice, after today, without text or to a
 * draft is refused and nothing changes; a 约谈 to come or a follow-up on a day off is refused; a response deadline
 * never lands on a day off; chasing tasks chosen in the checklist writes one notice per unit.
 */
class NoticeResponseTest {
    static final LocalDate DAY = LocalDate.of(2026, 11, 29);
    @TempDir
    Path dir;
    Database db;
    AuditLog audit;
    NoticeService service;
    InterviewService interviews;
    Notice notice;

    @BeforeEach
    void setUp() {
        db = TestDb.withSample(dir);
        audit = Wired.audit(db, new TestClock(DAY));
        TrackingService tracking = Wired.of(audit).tracking();
        service = Wired.of(audit).notices();
        interviews = Wired.of(audit).interviews();
        NoticeService.Candidate c = service.candidates(DAY, NoticeLevel.CHASE).get(0);
        notice = service.issue(c.unit().id(), NoticeLevel.CHASE, LocalDate.of(2026, 11, 20), false, c.shares());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private String refused(LocalDate on, String text) {
        return assertThrows(LocalizedException.class, () -> service.recordResponse(notice.id(), on, text)).key();
    }

    @Test
    void aBadResponseIsRefusedAndLeavesTheNoticeUnanswered() {
        assertEquals("ladder.error.responseBefore", refused(LocalDate.of(2026, 11, 19), "已整改"));
        assertEquals("ladder.error.responseText", refused(LocalDate.of(2026, 11, 24), "  \n "));
        assertEquals("ladder.error.responseText", refused(LocalDate.of(2026, 11, 24), null));
        assertEquals("ladder.error.responseDay", refused(null, "已整改"));
        assertEquals("ladder.error.responseFuture", refused(DAY.plusDays(1), "已整改"));
        LocalizedException e = assertThrows(LocalizedException.class,
                () -> service.recordResponse(notice.id(), LocalDate.of(2026, 11, 19), "已整改"));
        assertTrue(e.getLocalizedMessage().contains("2026-11-19") && e.getLocalizedMessage().contains("2026-11-20")
                && e.getLocalizedMessage().contains(notice.number()), e.getLocalizedMessage());
        Notice back = service.findById(notice.id()).orElseThrow();
        assertFalse(back.answered());
        assertEquals("", back.responseText());

        // the day it was issued is fine; clearing takes it back
        service.recordResponse(notice.id(), LocalDate.of(2026, 11, 20), " 已制定整改方案 ");
        assertEquals("已制定整改方案", service.findById(notice.id()).orElseThrow().responseText());
        service.recordResponse(notice.id(), null, "");
        assertNull(service.findById(notice.id()).orElseThrow().responseOn());
    }

    @Test
    void aDraftTakesNoResponse() {
        Notice draft = service.issue(notice.unitId(), NoticeLevel.ORDER, DAY, true, notice.shares());
        assertEquals("ladder.error.responseDraft", assertThrows(LocalizedException.class,
                () -> service.recordResponse(draft.id(), DAY, "已整改")).key());
        assertFalse(service.findById(draft.id()).orElseThrow().answered());
    }

    @Test
    void noResponseIsDueOnADayOffWhateverTheDayANoticeIsSent() {
        WorkCalendar cal = WorkCalendars.shipped();
        // every day of 2026, Spring Festival and National Day included, for both levels' default periods
        for (LocalDate d = LocalDate.of(2026, 1, 1); d.getYear() == 2026; d = d.plusDays(1)) {
            LocalDate due = cal.plusWorkingDays(d, LadderSettings.DEFAULTS.chaseResponseDays());
            assertTrue(cal.isWorkingDay(due), d + " → " + due);
        }
        // 国庆: sent on 30 September, due on the 5th working day after, past the golden week
        Notice n = service.issue(notice.unitId(), NoticeLevel.CHASE, LocalDate.of(2026, 9, 30), false, notice.shares());
        assertEquals(LocalDate.of(2026, 10, 13), n.responseDue());
        // 春节: sent on the eve of the holiday
        Notice s = service.issue(notice.unitId(), NoticeLevel.ORDER, LocalDate.of(2026, 2, 13), false, notice.shares());
        assertTrue(cal.isWorkingDay(s.responseDue()));
        assertTrue(s.responseDue().isAfter(LocalDate.of(2026, 2, 23)), s.responseDue().toString());
    }

    @Test
    void aTalkToComeAndItsFollowUpFallOnWorkingDays() {
        long unit = notice.unitId();
        // 2026-12-05 is a Saturday, 2027-01-01 New Year's Day
        assertEquals("interview.error.heldOnDayOff", assertThrows(LocalizedException.class,
                () -> interviews.record(unit, LocalDate.of(2026, 12, 5), "王副市长", "", "", null, null)).key());
        assertEquals("interview.error.followUpDayOff", assertThrows(LocalizedException.class,
                () -> interviews.record(unit, LocalDate.of(2026, 12, 3), "王副市长", "", "",
                        LocalDate.of(2026, 12, 6), null)).key());
        assertTrue(interviews.all().isEmpty());
        // one already held on a Saturday is recorded as it was
        assertEquals("约谈〔2026〕1号", interviews.record(unit, LocalDate.of(2026, 11, 28), "王副市长", "", "",
                LocalDate.of(2026, 12, 4), null).number());
    }

    @Test
    void theChecklistsChosenTasksAreChasedUnitByUnit() {
        long task = notice.shares().get(0).taskId();
        List<int[]> steps = new java.util.ArrayList<>();
        NoticeService.ChaseResult r = service.chaseTasks(DAY, NoticeLevel.CHASE, List.of(task), null, false,
                dir.resolve("out"), (done, total, u) -> steps.add(new int[] {done, total}));
        assertFalse(r.notices().isEmpty());
        assertTrue(r.notices().stream().allMatch(n -> n.shares().stream().allMatch(s -> s.taskId() == task)));
        assertEquals(2 * r.notices().size(), r.files().size());
        assertTrue(java.nio.file.Files.isRegularFile(r.combined()));
        assertEquals(r.notices().size() + 1, steps.size(), "a step per unit and one for the combined PDF");
        assertEquals(r.notices().size(), steps.get(steps.size() - 1)[0]);
        long unit = notice.unitId();
        NoticeService.ChaseResult one = service.chaseTasks(DAY, NoticeLevel.ORDER, List.of(task), unit, false,
                dir.resolve("one"), NoticeService.Progress.NONE);
        assertEquals(1, one.notices().size(), "the chosen unit only");
        assertEquals(unit, one.notices().get(0).unitId());
        long noTask = -1;
        assertEquals("ladder.error.noOpenShares", assertThrows(LocalizedException.class,
                () -> service.chaseTasks(DAY, NoticeLevel.CHASE, List.of(noTask), null, false, dir.resolve("x"),
                        NoticeService.Progress.NONE)).key());
    }
}
