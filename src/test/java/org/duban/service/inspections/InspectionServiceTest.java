package org.duban.service.inspections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.duban.i18n.LocalizedException;
import org.duban.model.AuditEntity;
import org.duban.model.Inspection;
import org.duban.model.InspectionFinding;
import org.duban.model.Meeting;
import org.duban.model.Task;
import org.duban.persistence.Database;
import org.duban.service.audit.AuditLog;
import org.duban.service.tasks.TaskInput;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 下沉督察 on the sample database: recording, findings, a finding that becomes a task. */
class InspectionServiceTest {
    @TempDir
    Path dir;
    Database db;
    TestClock clock = new TestClock(LocalDate.of(2026, 11, 29));
    AuditLog audit;
    InspectionService service;
    Meeting meeting;

    @BeforeEach
    void setUp() {
        db = TestDb.withSample(dir);
        audit = Wired.audit(db, clock);
        service = Wired.of(audit).inspections();
        meeting = Wired.of(db).meetings().current().orElseThrow();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void theSampleHasInspectionsWithFindingsLinkedToTasks() {
        List<Inspection> all = service.all();
        assertEquals(2, all.size());
        assertTrue(all.stream().flatMap(i -> i.findings().stream()).anyMatch(f -> f.taskId() != null));
        assertTrue(all.stream().flatMap(i -> i.findings().stream()).anyMatch(f -> f.taskId() == null),
                "one finding is left for the user to follow up");
    }

    @Test
    void anInspectionNeedsUnitsAndNamesUnknownOnes() {
        assertThrows(LocalizedException.class, () -> service.record(clock.today(), "市督查室", "", ""));
        LocalizedException e = assertThrows(LocalizedException.class,
                () -> service.record(clock.today(), "市督查室", "蕉城区、火星区", ""));
        assertTrue(e.getLocalizedMessage().contains("火星区"), e.getLocalizedMessage());
        Inspection in = service.record(clock.today(), "市督查室", "各县(市、区)", "暗访");
        assertEquals(9, in.unitIds().size());
    }

    @Test
    void aFindingBecomesATaskIssuedTodayAndTheLinkIsInItsHistory() {
        Inspection in = service.record(clock.today(), "市督查室", "古田县", "暗访食用菌产区");
        InspectionFinding f = service.addFinding(in.id(), in.unitIds().get(0), "菌包加工点废水直排溪流");
        TaskInput draft = service.draftTask(f.id(), meeting.id());
        assertEquals(InspectionService.SOURCE, draft.source());
        assertEquals("古田县", draft.units());
        long before = TestDb.sqlLong(db, "SELECT count(*) FROM task");
        Task t = service.toTask(f.id(), meeting.id(), new TaskInput(draft.seq(), draft.source(), "", draft.problem(),
                "", "", draft.units(), "", "", "2026年12月31日", ""));
        assertEquals(before + 1, TestDb.sqlLong(db, "SELECT count(*) FROM task"));
        assertEquals("2026-11-29", TestDb.sqlString(db, "SELECT issued_on FROM task WHERE id = " + t.id()));
        assertEquals(t.id(), TestDb.sqlLong(db, "SELECT task_id FROM inspection_finding WHERE id = " + f.id()));
        var state = Wired.of(audit).tracking().trackTask(t.id()).states().get(0);
        assertEquals(0.0, state.expectedPercent(), "序时进度 counts from the day it became a task");
        assertTrue(audit.history(t.id()).stream().anyMatch(e -> e.entity() == AuditEntity.FINDING));
        assertThrows(LocalizedException.class, () -> service.toTask(f.id(), meeting.id(), draft),
                "a finding becomes a task once");
    }

    @Test
    void aFindingCanBeLinkedToAnExistingTaskBySeq() {
        Inspection in = service.record(clock.today(), "市督查室", "霞浦县", "");
        InspectionFinding f = service.addFinding(in.id(), null, "填埋场调节池仍高液位");
        service.linkToTaskBySeq(f.id(), meeting.id(), 9);
        assertEquals(9, TestDb.sqlLong(db,
                "SELECT t.seq FROM inspection_finding f JOIN task t ON t.id = f.task_id WHERE f.id = " + f.id()));
        LocalizedException e = assertThrows(LocalizedException.class,
                () -> service.linkToTaskBySeq(f.id(), meeting.id(), 999));
        assertTrue(e.getLocalizedMessage().contains("999"));
    }
}
