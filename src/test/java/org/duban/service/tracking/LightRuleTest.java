package org.duban.service.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.duban.i18n.LocalizedException;
import org.duban.model.Assignment;
import org.duban.model.CloseOut;
import org.duban.model.Deadline;
import org.duban.model.Milestone;
import org.duban.model.ProgressReport;
import org.duban.model.TaskStatus;
import org.duban.model.Verification;
import org.duban.model.VerificationLevel;
import org.duban.model.WarningLight;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The default light rule at fixed dates, one row per threshold edge. The fixture task is issued on 2026-01-01
 * and due 2026-04-11: 100 days, so on day N its 序时进度 is exactly N points.
 */
class LightRuleTest {
    static final LocalDate ISSUED = LocalDate.of(2026, 1, 1);
    static final Deadline DUE = Deadline.on(LocalDate.of(2026, 4, 11));
    static final LightRule RULE = LightRule.DEFAULT;

    static AssignmentFacts facts(Deadline deadline, List<ProgressReport> reports, List<Milestone> milestones,
                                 List<CloseOut> closeOuts) {
        return new AssignmentFacts(new Assignment(1, 1, 1, TaskStatus.NOT_STARTED), ISSUED, deadline, reports,
                milestones, closeOuts);
    }

    static ProgressReport report(String day, int percent) {
        return new ProgressReport(0, 1, LocalDate.parse(day), percent, "进展", "");
    }

    static Set<LightReason> reasons(String s) {
        return s == null || s.isBlank() ? EnumSet.noneOf(LightReason.class)
                : Arrays.stream(s.split(" ")).map(LightReason::valueOf).collect(Collectors.toCollection(
                        () -> EnumSet.noneOf(LightReason.class)));
    }

    @ParameterizedTest(name = "{0}: {1}% reported {2}, milestone due {3} done {4} -> {5} {6}")
    @CsvSource(nullValues = "-", value = {
        // day,        pct, reported,    ms due,     ms done,    light,  reasons
        // 序时进度 lag: 10 points is yellow, 9 is green; 30 is still yellow, 31 is red
        "2026-02-20,   41, 2026-02-20,  -,          -,          GREEN,  -",
        "2026-02-20,   40, 2026-02-20,  -,          -,          YELLOW, BEHIND",
        "2026-02-20,   20, 2026-02-20,  -,          -,          YELLOW, BEHIND",
        "2026-02-20,   19, 2026-02-20,  -,          -,          RED,    FAR_BEHIND",
        // deadline within 15 days is yellow, 16 days is not
        "2026-03-26,   84, 2026-03-26,  -,          -,          GREEN,  -",
        "2026-03-27,   85, 2026-03-27,  -,          -,          YELLOW, DUE_SOON",
        "2026-04-11,   99, 2026-04-11,  -,          -,          YELLOW, DUE_SOON",
        // the day after the deadline, not completed: overdue, red
        "2026-04-12,   99, 2026-04-12,  -,          -,          RED,    OVERDUE",
        "2026-04-12,   50, 2026-04-12,  -,          -,          RED,    OVERDUE FAR_BEHIND",
        // completed is green, even after the deadline
        "2026-04-20,  100, 2026-04-12,  -,          -,          GREEN,  -",
        // no report for 30 days is yellow, 29 days is not
        "2026-02-20,   50, 2026-01-22,  -,          -,          GREEN,  -",
        "2026-02-20,   50, 2026-01-21,  -,          -,          YELLOW, NO_RECENT_REPORT",
        // a milestone due yesterday and not done is late; one due today, or done, is not
        "2026-02-20,   50, 2026-02-20,  2026-02-19, -,          YELLOW, LATE_MILESTONE",
        "2026-02-20,   50, 2026-02-20,  2026-02-20, -,          GREEN,  -",
        "2026-02-20,   50, 2026-02-20,  2026-02-19, 2026-02-20, GREEN,  -",
        // a milestone done after the day asked about was still late on that day
        "2026-02-20,   50, 2026-02-20,  2026-02-19, 2026-02-25, YELLOW, LATE_MILESTONE",
        // a report dated after the day asked about does not count yet
        "2026-02-20,   50, 2026-02-21,  -,          -,          RED,    FAR_BEHIND NO_RECENT_REPORT",
        // nothing reported: counted from the day of issue
        "2026-01-30,    -, -,           -,          -,          YELLOW, BEHIND",
        "2026-01-31,    -, -,           -,          -,          YELLOW, BEHIND NO_RECENT_REPORT",
    })
    void defaultRuleAtEachEdge(String day, Integer percent, String reported, String msDue, String msDone,
                               WarningLight light, String why) {
        List<ProgressReport> reports = new ArrayList<>();
        if (percent != null) {
            reports.add(report(reported, percent));
        }
        List<Milestone> ms = msDue == null ? List.of()
                : List.of(new Milestone(1, 1, "完成方案", LocalDate.parse(msDue), msDone == null ? null : LocalDate.parse(msDone)));
        AssignmentState s = RULE.evaluate(facts(DUE, reports, ms, List.of()), LocalDate.parse(day));
        assertEquals(light, s.light());
        assertEquals(reasons(why), s.reasons());
    }

    @Test
    void expectedProgressIsTheShareOfTimeElapsed() {
        assertEquals(0, LightRule.expectedPercent(ISSUED, LocalDate.of(2026, 4, 11), ISSUED));
        assertEquals(50, LightRule.expectedPercent(ISSUED, LocalDate.of(2026, 4, 11), LocalDate.of(2026, 2, 20)));
        assertEquals(100, LightRule.expectedPercent(ISSUED, LocalDate.of(2026, 4, 11), LocalDate.of(2026, 9, 1)));
        assertEquals(0, LightRule.expectedPercent(ISSUED, LocalDate.of(2026, 4, 11), LocalDate.of(2025, 12, 1)));
    }

    @Test
    void ongoingWorkIsNeverOverdueNorBehind() {
        Deadline ongoing = Deadline.parse("长期坚持");
        AssignmentState s = RULE.evaluate(facts(ongoing, List.of(report("2027-06-01", 5)), List.of(), List.of()),
                LocalDate.of(2027, 6, 10));
        assertFalse(s.overdue());
        assertNull(s.expectedPercent());
        assertNull(s.daysLeft());
        assertEquals(WarningLight.GREEN, s.light());
        assertEquals(TaskStatus.ON_SCHEDULE, s.status());
        // also when the phrase names a date and 立行立改 besides
        AssignmentState both = RULE.evaluate(facts(Deadline.parse("立行立改,长期坚持"), List.of(report("2030-01-01", 5)),
                List.of(), List.of()), LocalDate.of(2030, 1, 2));
        assertFalse(both.overdue());
        // but it must still report
        AssignmentState silent = RULE.evaluate(facts(ongoing, List.of(report("2027-01-01", 50)), List.of(), List.of()),
                LocalDate.of(2027, 3, 1));
        assertEquals(Set.of(LightReason.NO_RECENT_REPORT), silent.reasons());
    }

    @Test
    void immediateWorkIsDueTheDayItWasIssued() {
        Deadline now = Deadline.parse("立行立改");
        AssignmentState sameDay = RULE.evaluate(facts(now, List.of(), List.of(), List.of()), ISSUED);
        assertFalse(sameDay.overdue());
        assertEquals(WarningLight.RED, sameDay.light(), "expected done at once: 100 points behind");
        AssignmentState nextDay = RULE.evaluate(facts(now, List.of(), List.of(), List.of()), ISSUED.plusDays(1));
        assertTrue(nextDay.overdue());
        AssignmentState done = RULE.evaluate(facts(now, List.of(report("2026-01-02", 100)), List.of(), List.of()),
                ISSUED.plusDays(5));
        assertFalse(done.overdue());
        assertEquals(TaskStatus.COMPLETED, done.status());
    }

    @Test
    void statusFollowsReportsAndSchedule() {
        LocalDate day = LocalDate.of(2026, 2, 20); // 序时进度 50
        assertEquals(TaskStatus.NOT_STARTED, RULE.evaluate(facts(DUE, List.of(), List.of(), List.of()), day).status());
        assertEquals(TaskStatus.ON_SCHEDULE,
                RULE.evaluate(facts(DUE, List.of(report("2026-02-01", 41)), List.of(), List.of()), day).status());
        assertEquals(TaskStatus.BEHIND_SCHEDULE,
                RULE.evaluate(facts(DUE, List.of(report("2026-02-01", 40)), List.of(), List.of()), day).status());
        assertEquals(TaskStatus.COMPLETED,
                RULE.evaluate(facts(DUE, List.of(report("2026-02-01", 100)), List.of(), List.of()), day).status());
        AssignmentState overdue = RULE.evaluate(facts(DUE, List.of(report("2026-04-01", 95)), List.of(), List.of()),
                LocalDate.of(2026, 4, 12));
        assertEquals(TaskStatus.BEHIND_SCHEDULE, overdue.status(), "overdue and unfinished is behind schedule");
        assertTrue(overdue.overdue());
        AssignmentState silentOverdue = RULE.evaluate(facts(DUE, List.of(), List.of(), List.of()),
                LocalDate.of(2026, 4, 12));
        assertEquals(TaskStatus.NOT_STARTED, silentOverdue.status());
        assertTrue(silentOverdue.overdue());
    }

    @Test
    void closeOutStepsMoveTheStatusOnTheirDates() {
        CloseOut co = new CloseOut(1, 1, LocalDate.of(2026, 3, 1), "已完成", new Verification(VerificationLevel.CITY,
                "市生态环境局", LocalDate.of(2026, 3, 10), true, ""), LocalDate.of(2026, 3, 11),
                LocalDate.of(2026, 3, 17), LocalDate.of(2026, 3, 20), null, "");
        AssignmentFacts f = facts(DUE, List.of(report("2026-02-25", 100)), List.of(), List.of(co));
        assertEquals(TaskStatus.COMPLETED, RULE.evaluate(f, LocalDate.of(2026, 3, 5)).status());
        assertEquals(TaskStatus.ACCEPTED, RULE.evaluate(f, LocalDate.of(2026, 3, 12)).status());
        assertEquals(TaskStatus.CLOSED, RULE.evaluate(f, LocalDate.of(2026, 3, 20)).status());
        assertEquals(TaskStatus.ON_SCHEDULE, RULE.evaluate(
                facts(DUE, List.of(report("2026-02-25", 60)), List.of(), List.of()), LocalDate.of(2026, 2, 26)).status());

        CloseOut reopened = co.withReopened(LocalDate.of(2026, 5, 1), "督察发现反弹");
        AssignmentFacts r = facts(DUE, List.of(report("2026-02-25", 100)), List.of(), List.of(reopened));
        AssignmentState after = RULE.evaluate(r, LocalDate.of(2026, 5, 2));
        assertEquals(TaskStatus.BEHIND_SCHEDULE, after.status(), "reopened after the deadline: unfinished and late");
        assertTrue(after.overdue());
        assertEquals(WarningLight.RED, after.light());
    }

    @Test
    void failedVerificationSendsTheWorkBack() {
        CloseOut failed = new CloseOut(1, 1, LocalDate.of(2026, 3, 1), "已完成", new Verification(VerificationLevel.COUNTY,
                "县生态环境局", LocalDate.of(2026, 3, 10), false, "现场仍有渗漏"), null, null, null, null, "");
        AssignmentFacts f = facts(DUE, List.of(report("2026-02-25", 100)), List.of(), List.of(failed));
        assertEquals(TaskStatus.COMPLETED, RULE.evaluate(f, LocalDate.of(2026, 3, 9)).status());
        assertEquals(TaskStatus.ON_SCHEDULE, RULE.evaluate(f, LocalDate.of(2026, 3, 11)).status(),
                "the 100 % report before the failed check no longer counts");
        AssignmentFacts again = facts(DUE, List.of(report("2026-02-25", 100), report("2026-03-20", 100)), List.of(),
                List.of(failed));
        assertEquals(TaskStatus.COMPLETED, RULE.evaluate(again, LocalDate.of(2026, 3, 21)).status());
    }

    @Test
    void anAssignmentWithoutFactsKeepsItsStoredStatus() {
        AssignmentFacts imported = new AssignmentFacts(new Assignment(1, 1, 1, TaskStatus.ACCEPTED), ISSUED, DUE,
                List.of(), List.of(), List.of());
        assertEquals(TaskStatus.ACCEPTED, RULE.evaluate(imported, LocalDate.of(2026, 6, 1)).status());
        assertFalse(RULE.evaluate(imported, LocalDate.of(2026, 6, 1)).overdue());
    }

    @Test
    void thresholdsAreSettings() {
        LightRule strict = new LightRule(20, 5, 30, 14);
        AssignmentState s = strict.evaluate(facts(DUE, List.of(report("2026-02-20", 44)), List.of(), List.of()),
                LocalDate.of(2026, 2, 20));
        assertEquals(WarningLight.YELLOW, s.light(), "6 points behind is yellow when yellow starts at 5");
        assertEquals(WarningLight.RED, strict.evaluate(facts(DUE, List.of(report("2026-02-20", 29)), List.of(),
                List.of()), LocalDate.of(2026, 2, 20)).light());
    }

    @Test
    void inconsistentThresholdsAreRefused() {
        assertThrows(LocalizedException.class, () -> new LightRule(10, 30, 15, 30));
        assertThrows(LocalizedException.class, () -> new LightRule(30, 0, 15, 30));
        assertThrows(LocalizedException.class, () -> new LightRule(30, 10, -1, 30));
    }
}
