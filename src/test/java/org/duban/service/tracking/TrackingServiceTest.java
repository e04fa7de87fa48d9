package org.duban.service.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.duban.model.Meeting;
import org.duban.model.ReportingCycle;
import org.duban.model.Task;
import org.duban.model.TaskStatus;
import org.duban.model.WarningLight;
import org.duban.persistence.Database;
import org.duban.service.audit.AuditLog;
import org.duban.service.tasks.ChecklistFilter;
import org.duban.service.tasks.ChecklistRow;
import org.duban.service.tasks.TaskInput;
import org.duban.service.tasks.TaskService;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Derived status, overdue, supervision and the checklist's lights, on a real database with a fixed clock. */
class TrackingServiceTest {
    @TempDir
    Path dir;
    Database db;
    TestClock clock = new TestClock(LocalDate.of(2026, 3, 19));
    AuditLog audit;
    TaskService tasks;
    ProgressService progress;
    TrackingService tracking;
    Meeting meeting;

    @BeforeEach
    void setUp() {
        db = TestDb.withRoster(dir);
        audit = Wired.audit(db, clock);
        tasks = Wired.of(audit).tasks();
        progress = Wired.of(audit).progress();
        tracking = Wired.of(audit).tracking();
        meeting = TestDb.emptyMeeting(db); // held 2026-03-19
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Task task(int seq, String units, String deadline) {
        return tasks.create(meeting.id(), new TaskInput(String.valueOf(seq), "中央生态环境保护督察", "水环境",
                "问题 " + seq, "", "", units, "", "", deadline, ""));
    }

    private void report(Task t, int unitIndex, String day, int percent) {
        progress.addReport(t.assignments().get(unitIndex).id(),
                new ProgressService.ReportInput(LocalDate.parse(day), String.valueOf(percent), "进展 " + percent, ""),
                List.of());
    }

    @Test
    void aTaskStandsWhereItsSlowestUnitStandsAndIsOverdueWhenOneUnitIs() {
        Task t = task(1, "古田县、屏南县", "2026年6月30日");
        clock.setDay(LocalDate.of(2026, 6, 30));
        report(t, 0, "2026-06-30", 100);
        report(t, 1, "2026-06-30", 80);
        TaskTracking onDeadline = tracking.trackTask(t.id());
        assertEquals(TaskStatus.BEHIND_SCHEDULE, onDeadline.status(), "屏南 is 20 points behind on the last day");
        assertFalse(onDeadline.overdue());

        clock.setDay(LocalDate.of(2026, 7, 1));
        TaskTracking after = tracking.trackTask(t.id());
        assertTrue(after.overdue());
        assertEquals(WarningLight.RED, after.light());
        assertEquals(WarningLight.GREEN, after.states().get(0).light(), "古田 finished: green");
        assertEquals(TaskStatus.COMPLETED, after.states().get(0).status());
        assertEquals("BEHIND_SCHEDULE", TestDb.sqlString(db,
                "SELECT status FROM assignment WHERE id = " + t.assignments().get(1).id()),
                "the stored status is the one at the last change");
    }

    @Test
    void ongoingWorkIsNeverOverdue() {
        Task t = task(1, "蕉城区", "长期坚持");
        clock.setDay(LocalDate.of(2030, 1, 1));
        report(t, 0, "2029-12-20", 30);
        assertFalse(tracking.trackTask(t.id()).overdue());
        assertEquals(WarningLight.GREEN, tracking.trackTask(t.id()).light());
    }

    @Test
    void anOverdueSupervisionReportIsFlagged() {
        Task t = task(1, "霞浦县", "2026年12月31日前");
        Wired.of(audit).supervision().supervise(t.id(), "市长", LocalDate.of(2026, 4, 1), ReportingCycle.MONTHLY, "");
        clock.setDay(LocalDate.of(2026, 5, 1));
        assertFalse(tracking.trackTask(t.id()).supervisionReportOverdue(), "a month after 挂牌: due today");
        clock.setDay(LocalDate.of(2026, 5, 2));
        assertTrue(tracking.trackTask(t.id()).supervisionReportOverdue());
        report(t, 0, "2026-05-02", 15);
        assertFalse(tracking.trackTask(t.id()).supervisionReportOverdue());
        assertTrue(tracking.trackTask(t.id(), LocalDate.of(2026, 3, 31)).supervision() == null,
                "not supervised before the day it was put under supervision");
    }

    @Test
    void checklistRowsCarryLightsAndFilterByLightAndSupervision() {
        Task green = task(1, "古田县", "2026年12月31日");
        Task red = task(2, "古田县、福鼎市", "2026年4月30日");
        Wired.of(audit).supervision().supervise(red.id(), "分管副市长", LocalDate.of(2026, 3, 19), ReportingCycle.MONTHLY, "");
        clock.setDay(LocalDate.of(2026, 5, 10));
        report(green, 0, "2026-05-10", 30);
        report(red, 0, "2026-04-30", 100);
        report(red, 1, "2026-05-10", 60);
        List<ChecklistRow> rows = tasks.checklist(meeting.id());
        assertEquals(WarningLight.GREEN, rows.get(0).light());
        assertEquals(WarningLight.RED, rows.get(1).light());
        assertEquals(List.of(red.id()), rows.stream().filter(new ChecklistFilter(null, null, null, null, null,
                WarningLight.RED, false)).map(r -> r.task().id()).toList());
        assertEquals(List.of(red.id()), rows.stream().filter(new ChecklistFilter(null, null, null, null, null,
                null, true)).map(r -> r.task().id()).toList());
        long fuding = rows.get(1).units().get(0).id(); // roster order: 福鼎市 before 古田县
        assertEquals("福鼎市", rows.get(1).units().get(0).name());
        assertEquals(List.of(), rows.stream().filter(new ChecklistFilter(fuding, null, null, null, null,
                WarningLight.RED, false)).toList(), "福鼎's own share of task 2 is done: green");
        assertEquals(60, rows.get(1).latestReporter().orElseThrow().latestReport().percent());
    }
}
