package org.duban.service.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.duban.persistence.Database;
import org.duban.persistence.TaskScope;
import org.duban.service.generate.LedgerGenerator;
import org.duban.testing.TestClock;
import org.duban.testing.Wired;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lighter read paths (the checklist reads only the latest reports' texts; statistics read no text) give the
 * same statuses, lights, overdue and latest reports as the full one, on a generated ledger.
 */
class TrackingReadPathsTest {
    @TempDir
    Path dir;

    @Test
    void checklistAndCountingPathsAgreeWithTheFullRead() {
        LocalDate day = LocalDate.of(2026, 11, 29);
        try (Database db = Database.open(dir.resolve("g.db"))) {
            long meeting = new LedgerGenerator(Wired.of(db)).generate(new LedgerGenerator.Options(200, 1500, 3, day),
                    LedgerGenerator.Progress.NONE).meeting().id();
            TrackingService tracking = Wired.over(db, new TestClock(day)).tracking();
            TaskScope scope = TaskScope.meeting(meeting);
            List<TaskTracking> full = tracking.track(scope, day);
            List<TaskTracking> checklist = tracking.trackForChecklist(scope, day);
            List<TaskTracking> counting = tracking.trackIssuedForCounting(scope, day);
            assertEquals(200, full.size());
            int withReport = 0;
            for (int i = 0; i < full.size(); i++) {
                TaskTracking f = full.get(i);
                assertEquals(f.task(), checklist.get(i).task(), "the checklist reads the whole task");
                assertEquals(f.states(), checklist.get(i).states(), "same states, latest reports with their text");
                assertEquals(f.status(), counting.get(i).status());
                assertEquals(f.light(), counting.get(i).light());
                assertEquals(f.overdue(), counting.get(i).overdue());
                assertEquals(f.supervised(), counting.get(i).supervised());
                assertTrue(counting.get(i).task().problem().isEmpty(), "counting reads no text");
                if (f.latestReport().isPresent()) {
                    withReport++;
                    assertFalse(checklist.get(i).latestReport().orElseThrow().text().isEmpty());
                }
            }
            assertTrue(withReport > 150, "most tasks have reports: " + withReport);
        }
    }

    /**
     * The checklist and the desk read only the reports and milestones that decide their day: the same states on any
     * day, also one with reports and milestones after it (shares whose only reports come later, milestones done
     * later), and one before the meeting (no report yet anywhere).
     */
    @Test
    void theChecklistAndDeskPathsAgreeWithTheFullReadOnEarlierDaysToo() {
        LocalDate end = LocalDate.of(2026, 11, 29);
        try (Database db = Database.open(dir.resolve("days.db"))) {
            long meeting = new LedgerGenerator(Wired.of(db)).generate(new LedgerGenerator.Options(150, 1200, 5, end),
                    LedgerGenerator.Progress.NONE).meeting().id();
            TrackingService tracking = Wired.over(db, new TestClock(end)).tracking();
            TaskScope scope = TaskScope.meeting(meeting);
            java.util.Set<Long> reported = new java.util.HashSet<>(); // shares with a report by the end
            tracking.track(scope, end).forEach(t -> t.states().stream().filter(s -> s.latestReport() != null)
                    .forEach(s -> reported.add(s.assignmentId())));
            int laterOnly = 0;
            int lateMilestones = 0;
            for (LocalDate day : List.of(end, end.minusDays(45), end.minusDays(120), end.minusYears(1))) {
                List<TaskTracking> full = tracking.track(scope, day);
                List<TaskTracking> checklist = tracking.trackForChecklist(scope, day);
                List<TaskTracking> desk = tracking.trackForDesk(scope, day);
                assertEquals(full.size(), checklist.size());
                assertEquals(full.size(), desk.size());
                for (int i = 0; i < full.size(); i++) {
                    String where = "task " + full.get(i).task().seq() + " on " + day;
                    assertEquals(full.get(i), checklist.get(i), where);
                    TaskTracking d = desk.get(i);
                    assertEquals(full.get(i).task().assignments(), d.task().assignments(), where + ": the desk");
                    assertEquals(full.get(i).supervisionReportOverdue(), d.supervisionReportOverdue(), where);
                    for (int k = 0; k < d.states().size(); k++) {
                        AssignmentState a = full.get(i).states().get(k);
                        AssignmentState b = d.states().get(k);
                        assertEquals(a.light(), b.light(), where);
                        assertEquals(a.reasons(), b.reasons(), where);
                        assertEquals(a.lateMilestones(), b.lateMilestones(), where);
                        assertEquals(a.closeOut(), b.closeOut(), where);
                        assertEquals(a.latestReport() == null ? null : a.latestReport().id(),
                                b.latestReport() == null ? null : b.latestReport().id(), where);
                    }
                }
                for (TaskTracking t : full) {
                    for (AssignmentState s : t.states()) {
                        lateMilestones += s.lateMilestones().size();
                        if (s.latestReport() == null && reported.contains(s.assignmentId())) {
                            laterOnly++;
                        }
                    }
                }
            }
            assertTrue(laterOnly > 50, "shares with reports only after the day: " + laterOnly);
            assertTrue(lateMilestones > 50, "late milestones compared: " + lateMilestones);
        }
    }

    @Test
    void theDeskPathAgreesWithTheFullReadOnAllButTheTextsItDoesNotShow() {
        LocalDate day = LocalDate.of(2026, 11, 29);
        try (Database db = Database.open(dir.resolve("d.db"))) {
            new LedgerGenerator(Wired.of(db)).generate(new LedgerGenerator.Options(200, 1500, 4, day),
                    LedgerGenerator.Progress.NONE);
            TrackingService tracking = Wired.over(db, new TestClock(day)).tracking();
            List<TaskTracking> full = tracking.track(TaskScope.all(), day);
            List<TaskTracking> desk = tracking.trackForDesk(TaskScope.all(), day);
            assertEquals(full.size(), desk.size());
            int states = 0;
            for (int i = 0; i < full.size(); i++) {
                TaskTracking f = full.get(i);
                TaskTracking d = desk.get(i);
                assertEquals(f.task().id(), d.task().id());
                assertEquals(f.task().seq(), d.task().seq());
                assertEquals(f.task().problem(), d.task().problem(), "the desk names tasks by their problem");
                assertEquals(f.task().deadline(), d.task().deadline());
                assertEquals(f.task().assignments(), d.task().assignments(), "derived statuses");
                assertEquals(f.supervision(), d.supervision());
                assertEquals(f.supervisionReportOverdue(), d.supervisionReportOverdue());
                assertEquals("", d.task().measures(), "no other long text");
                for (int k = 0; k < f.states().size(); k++) {
                    AssignmentState a = f.states().get(k);
                    AssignmentState b = d.states().get(k);
                    states++;
                    assertEquals(a.status(), b.status());
                    assertEquals(a.light(), b.light());
                    assertEquals(a.reasons(), b.reasons());
                    assertEquals(a.overdue(), b.overdue());
                    assertEquals(a.daysLeft(), b.daysLeft());
                    assertEquals(a.percent(), b.percent());
                    assertEquals(a.closeOut(), b.closeOut());
                    assertEquals(a.expectedPercent(), b.expectedPercent());
                    assertEquals(a.lateMilestones(), b.lateMilestones());
                    assertEquals(a.latestReport() == null, b.latestReport() == null);
                    if (a.latestReport() != null) {
                        assertEquals(a.latestReport().id(), b.latestReport().id());
                        assertEquals(a.latestReport().reportedOn(), b.latestReport().reportedOn());
                        assertEquals("", b.latestReport().text(), "no report text");
                    }
                }
            }
            assertTrue(states > 400, "shares compared: " + states);
        }
    }
}
