package org.duban.service.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.duban.persistence.Database;
import org.duban.persistence.TaskScope;
import org.duban.service.generate.LedgerGenerator;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The piecewise reads of a meeting pack's bulletin and charts (issue 24) give, piece after piece, the tasks and
 * states the whole read gives, in its order, whatever the pieces' size: on a generated ledger, on the meeting's day,
 * between and at the end, for the meeting and for every meeting.
 */
class TrackingPiecesTest {
    @TempDir
    Path dir;

    @Test
    void piecesGiveTheTasksAndStatesOfTheWholeRead() {
        LocalDate end = LocalDate.of(2026, 11, 29);
        try (Database db = TestDb.open(dir)) {
            long meeting = new LedgerGenerator(Wired.of(db)).generate(new LedgerGenerator.Options(230, 2000, 7, end),
                    LedgerGenerator.Progress.NONE).meeting().id();
            TrackingService tracking = Wired.over(db, new TestClock(end)).tracking();
            int overdue = 0;
            int supervised = 0;
            for (LocalDate day : List.of(end, end.minusDays(60), end.minusDays(200))) {
                for (Long scope : new Long[] {meeting, null}) {
                    List<TaskTracking> whole = tracking.trackIssued(TaskScope.meeting(scope), day);
                    for (int size : new int[] {37, 230, TrackingService.PIECE}) {
                        List<TaskTracking> pieces = new ArrayList<>();
                        int[] count = {0};
                        tracking.trackIssuedInPieces(scope, day, size, piece -> {
                            assertTrue(piece.size() <= size);
                            count[0]++;
                            pieces.addAll(piece);
                        });
                        assertEquals(size == 37 ? 7 : 1, count[0], "pieces of " + size);
                        assertSame(whole, pieces, day + " in pieces of " + size);
                    }
                    overdue += (int) whole.stream().filter(TaskTracking::overdue).count();
                    supervised += (int) whole.stream().filter(TaskTracking::supervised).count();
                }
            }
            assertTrue(overdue > 50, "overdue tasks compared: " + overdue);
            assertTrue(supervised > 5, "supervised tasks compared: " + supervised);
        }
    }

    @Test
    void countingInPiecesGivesEachDaysStatusesOfTheWholeRead() {
        LocalDate end = LocalDate.of(2026, 11, 29);
        try (Database db = TestDb.open(dir)) {
            long meeting = new LedgerGenerator(Wired.of(db)).generate(new LedgerGenerator.Options(120, 1000, 8, end),
                    LedgerGenerator.Progress.NONE).meeting().id();
            TrackingService tracking = Wired.over(db, new TestClock(end)).tracking();
            List<LocalDate> days = List.of(end, end.minusDays(30), end.minusDays(90), end.minusDays(250));
            Map<LocalDate, List<TaskTracking>> whole = new TreeMap<>();
            tracking.trackIssuedForCounting(TaskScope.meeting(meeting), days, (d, l) -> whole.put(d, l));
            Map<LocalDate, List<TaskTracking>> pieces = new TreeMap<>();
            List<LocalDate> order = new ArrayList<>();
            tracking.trackIssuedForCountingInPieces(meeting, days, 50, (d, l) -> {
                order.add(d);
                pieces.computeIfAbsent(d, k -> new ArrayList<>()).addAll(l);
            });
            assertEquals(12, order.size(), "three pieces, four days each");
            assertEquals(order.subList(0, 4), List.copyOf(whole.keySet()), "days in date order in a piece");
            for (LocalDate d : days) {
                assertEquals(whole.get(d).size(), pieces.get(d).size(), d.toString());
                for (int i = 0; i < whole.get(d).size(); i++) {
                    TaskTracking a = whole.get(d).get(i);
                    TaskTracking b = pieces.get(d).get(i);
                    assertEquals(a.task(), b.task(), d + " task " + a.task().seq());
                    assertEquals(a.states(), b.states(), d + " task " + a.task().seq());
                }
            }
        }
    }

    /** The same tasks and states, but for the texts the piecewise read leaves out. */
    private static void assertSame(List<TaskTracking> whole, List<TaskTracking> pieces, String where) {
        assertEquals(whole.size(), pieces.size(), where);
        for (int i = 0; i < whole.size(); i++) {
            TaskTracking a = whole.get(i);
            TaskTracking b = pieces.get(i);
            String at = where + ", task " + a.task().seq();
            assertEquals(a.task().id(), b.task().id(), at);
            assertEquals(a.task().seq(), b.task().seq(), at);
            assertEquals(a.task().source(), b.task().source(), at);
            assertEquals(a.task().category(), b.task().category(), at);
            assertEquals(a.task().problem(), b.task().problem(), at);
            assertEquals(a.task().deadline(), b.task().deadline(), at);
            assertEquals(a.task().leadUnitId(), b.task().leadUnitId(), at);
            assertEquals(a.task().assignments(), b.task().assignments(), at + ": derived statuses");
            assertEquals("", b.task().measures(), at + ": no other long text");
            assertEquals(a.supervision(), b.supervision(), at);
            assertEquals(a.supervisionReportOverdue(), b.supervisionReportOverdue(), at);
            assertEquals(a.originTaskId(), b.originTaskId(), at);
            assertEquals(a.states().size(), b.states().size(), at);
            for (int k = 0; k < a.states().size(); k++) {
                AssignmentState x = a.states().get(k);
                AssignmentState y = b.states().get(k);
                assertEquals(x.assignment(), y.assignment(), at);
                assertEquals(x.status(), y.status(), at);
                assertEquals(x.light(), y.light(), at);
                assertEquals(x.reasons(), y.reasons(), at);
                assertEquals(x.overdue(), y.overdue(), at);
                assertEquals(x.percent(), y.percent(), at);
                assertEquals(x.expectedPercent(), y.expectedPercent(), at);
                assertEquals(x.daysLeft(), y.daysLeft(), at);
                assertEquals(x.lateMilestones(), y.lateMilestones(), at);
                assertEquals(x.closeOut(), y.closeOut(), at);
                assertEquals(x.latestReport() == null, y.latestReport() == null, at);
                if (x.latestReport() != null) {
                    assertEquals(x.latestReport().id(), y.latestReport().id(), at);
                    assertEquals(x.latestReport().reportedOn(), y.latestReport().reportedOn(), at);
                    assertEquals(x.latestReport().percent(), y.latestReport().percent(), at);
                }
            }
        }
    }
}
