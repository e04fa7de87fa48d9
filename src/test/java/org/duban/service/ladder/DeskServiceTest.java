package org.duban.service.ladder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.duban.model.NoticeLevel;
import org.duban.persistence.Database;
import org.duban.persistence.TaskScope;
import org.duban.service.audit.AuditLog;
import org.duban.service.tracking.TaskTracking;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desk's lists on the sample as of 2026-11-29 agree with the tracking figures. */
class DeskServiceTest {
    static final LocalDate DAY = LocalDate.of(2026, 11, 29);
    @TempDir
    Path dir;
    Database db;
    AuditLog audit;
    DeskService desk;
    List<DeskItem> items;

    @BeforeEach
    void setUp() {
        db = TestDb.withSample(dir);
        audit = Wired.audit(db, new TestClock(DAY));
        desk = Wired.of(audit).desk();
        items = desk.desk(DAY, 15);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private List<DeskItem> of(DeskItem.Kind kind) {
        return items.stream().filter(i -> i.kind() == kind).toList();
    }

    @Test
    void overdueAndFallingDueSharesAreTheTrackedOnes() {
        List<TaskTracking> tracked = Wired.of(audit).tracking().track(TaskScope.all(), DAY);
        long overdue = tracked.stream().flatMap(t -> t.states().stream())
                .filter(s -> s.overdue() && !s.status().isCompleted()).count();
        assertTrue(overdue > 0);
        assertEquals(overdue, of(DeskItem.Kind.OVERDUE).size());
        assertTrue(of(DeskItem.Kind.OVERDUE).stream().allMatch(i -> i.days() < 0));
        assertFalse(of(DeskItem.Kind.DUE_SOON).isEmpty());
        assertTrue(of(DeskItem.Kind.DUE_SOON).stream().allMatch(i -> i.days() >= 0 && i.days() <= 15));
        // each line names a share: the task has that unit
        for (DeskItem i : items) {
            TaskTracking t = tracked.stream().filter(x -> x.task().id() == i.taskId()).findFirst().orElseThrow();
            assertTrue(t.stateOfUnit(i.unitId()).isPresent(), i.toString());
        }
        assertTrue(desk.desk(DAY, 60).stream().filter(i -> i.kind() == DeskItem.Kind.DUE_SOON).count()
                > of(DeskItem.Kind.DUE_SOON).size(), "a longer look ahead lists more");
    }

    @Test
    void closeOutsReportsAndSupervisedTasksAreListed() {
        assertTrue(of(DeskItem.Kind.VERIFY).stream().anyMatch(i -> i.unit().equals("寿宁县") && i.seq() == 23
                && i.day().equals(LocalDate.of(2026, 11, 24))));
        assertFalse(of(DeskItem.Kind.REPORT_LATE).isEmpty());
        assertFalse(of(DeskItem.Kind.SUPERVISION_REPORT).isEmpty());
        assertFalse(of(DeskItem.Kind.NOTICE_ENDING).isEmpty());
        assertEquals(DeskItem.Kind.SUGGESTION, items.get(0).kind(), "suggestions first");
    }

    @Test
    void theLadderSuggestsAChaserAndThenWaitsForTheResponse() {
        List<NoticeService.Candidate> chase = desk.notices().candidates(DAY, NoticeLevel.CHASE);
        assertEquals(chase.size(), of(DeskItem.Kind.SUGGESTION).size());
        NoticeService.Candidate first = chase.get(0);
        desk.notices().issue(first.unit().id(), NoticeLevel.CHASE, DAY, false, first.shares());
        List<DeskItem> after = desk.desk(DAY, 15);
        assertFalse(after.stream().anyMatch(i -> i.kind() == DeskItem.Kind.SUGGESTION
                && i.unitId() == first.unit().id()));
        // 5 working days after Sunday 29 November: Friday 4 December, within the 15 days
        DeskItem due = after.stream().filter(i -> i.kind() == DeskItem.Kind.RESPONSE_DUE).findFirst().orElseThrow();
        assertEquals(LocalDate.of(2026, 12, 4), due.day());
        assertTrue(due.detail().contains("督催〔2026〕1号"), due.detail());
        Map<DeskItem.Kind, Long> counts = after.stream().collect(Collectors.groupingBy(DeskItem::kind,
                Collectors.counting()));
        assertEquals(1L, counts.get(DeskItem.Kind.RESPONSE_DUE));
    }
}
