package org.duban.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.duban.model.Meeting;
import org.duban.model.Task;
import org.duban.model.TaskStatus;
import org.duban.persistence.Database;
import org.duban.service.tasks.ChecklistFilter;
import org.duban.service.tasks.ChecklistRow;
import org.duban.service.tasks.TaskField;
import org.duban.service.tasks.TaskInput;
import org.duban.service.tasks.TaskService;
import org.duban.service.tasks.TaskValidationException;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskServiceTest {
    @TempDir
    Path dir;
    Database db;
    TaskService service;
    Meeting meeting;

    @BeforeEach
    void setUp() {
        db = TestDb.withSample(dir);
        service = Wired.of(db).tasks();
        meeting = Wired.of(db).meetings().current().orElseThrow();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private TaskInput input(String seq, String units, String deadline) {
        return new TaskInput(seq, "市级排查", "大气环境", "露天焚烧秸秆", "杜绝露天焚烧", "加强巡查", units, "", "",
                deadline, "");
    }

    @Test
    void createdTaskIsInTheChecklist() {
        int next = service.nextSeq(meeting.id());
        Task t = service.create(meeting.id(), input(String.valueOf(next), "古田县、屏南县", "2026年第四季度"));
        List<ChecklistRow> rows = service.checklist(meeting.id());
        ChecklistRow row = rows.get(rows.size() - 1);
        assertEquals(t.id(), row.task().id());
        assertEquals("古田县、屏南县", row.unitNames());
        assertEquals(TaskStatus.NOT_STARTED, row.status());
    }

    @Test
    void invalidInputWritesNothing() {
        int before = service.checklist(meeting.id()).size();
        TaskValidationException e = assertThrows(TaskValidationException.class,
                () -> service.create(meeting.id(), input("1", "火星区", "尽快")));
        assertTrue(e.errors().stream().anyMatch(x -> x.field() == TaskField.SEQ), "序号 1 is taken");
        assertTrue(e.errors().stream().anyMatch(x -> x.field() == TaskField.UNITS));
        assertTrue(e.errors().stream().anyMatch(x -> x.field() == TaskField.DEADLINE));
        assertEquals(before, service.checklist(meeting.id()).size());
    }

    @Test
    void editingKeepsItsOwnSeq() {
        ChecklistRow first = service.checklist(meeting.id()).get(0);
        TaskInput in = TaskService.toInput(first.task(), first.units());
        Task updated = service.update(first.task().id(), new TaskInput(in.seq(), in.source(), in.category(),
                in.problem() + "（已补充）", in.target(), in.measures(), in.units(), in.supportingUnits(), in.leader(),
                in.deadline(), in.remarks()));
        assertTrue(updated.problem().endsWith("（已补充）"));
        assertEquals(first.task().seq(), updated.seq());
    }

    @Test
    void filterByUnitStatusSourceAndText() {
        List<ChecklistRow> rows = service.checklist(meeting.id());
        long gutian = service.units().stream().filter(u -> u.name().equals("古田县")).findFirst().orElseThrow().id();
        List<ChecklistRow> byUnit = rows.stream().filter(new ChecklistFilter(gutian, null, null, null, null)).toList();
        assertTrue(byUnit.size() > 0 && byUnit.size() < rows.size());
        assertTrue(byUnit.stream().allMatch(r -> r.unitNames().contains("古田县")));

        long sum = 0;
        for (TaskStatus st : TaskStatus.values()) {
            List<ChecklistRow> byStatus = rows.stream().filter(new ChecklistFilter(null, st, null, null, null)).toList();
            assertTrue(byStatus.stream().allMatch(r -> r.status() == st));
            sum += byStatus.size();
        }
        assertEquals(rows.size(), sum, "every row has one status");
        assertTrue(rows.stream().anyMatch(r -> r.status() == TaskStatus.CLOSED), "the sample has closed tasks (序号 26)");

        List<ChecklistRow> bySource = rows.stream().filter(new ChecklistFilter(null, null, "举一反三", null, null)).toList();
        assertTrue(bySource.stream().allMatch(r -> r.task().source().equals("举一反三")) && !bySource.isEmpty());

        List<ChecklistRow> text = rows.stream().filter(new ChecklistFilter(null, null, null, null, "小水电")).toList();
        assertTrue(text.stream().allMatch(r -> r.task().problem().contains("小水电") || r.task().target().contains("小水电")
                || r.task().measures().contains("小水电")) && !text.isEmpty());

        List<ChecklistRow> byShortName = rows.stream().filter(new ChecklistFilter(null, null, null, null, "柘荣")).toList();
        assertTrue(byShortName.stream().allMatch(r -> r.unitNames().contains("柘荣县")) && !byShortName.isEmpty());

        assertEquals(0, rows.stream().filter(new ChecklistFilter(null, null, null, null, "小水电 石材")).count(),
                "every word must occur");
    }

    private static TaskInput withUnits(ChecklistRow row, String units) {
        TaskInput in = TaskService.toInput(row.task(), row.units());
        return new TaskInput(in.seq(), in.source(), in.category(), in.problem(), in.target(), in.measures(), units,
                in.supportingUnits(), in.leader(), in.deadline(), in.remarks());
    }

    @Test
    void takingAUnitOffWithdrawsItsShareAndKeepsEveryRecordAndPuttingItBackRestoresIt() {
        ChecklistRow first = service.checklist(meeting.id()).get(0); // 蕉城区、福安市、霞浦县
        long fuan = TestDb.sqlLong(db, "SELECT a.id FROM assignment a JOIN unit u ON u.id = a.unit_id "
                + "WHERE a.task_id = " + first.task().id() + " AND u.name = '福安市'");
        String records = "SELECT (SELECT count(*) FROM progress_report WHERE assignment_id = " + fuan + ") || '/' || "
                + "(SELECT count(*) FROM milestone WHERE assignment_id = " + fuan + ") || '/' || "
                + "(SELECT count(*) FROM close_out WHERE assignment_id = " + fuan + ") || '/' || "
                + "(SELECT count(*) FROM evidence WHERE assignment_id = " + fuan + ")";
        String before = TestDb.sqlString(db, records);
        assertTrue(!before.startsWith("0/"), "the sample's 福安市 reports on task 1: " + before);

        service.update(first.task().id(), withUnits(first, "蕉城区、霞浦县"));

        assertEquals(before, TestDb.sqlString(db, records), "every record of the share is kept");
        assertEquals(1, TestDb.sqlLong(db, "SELECT count(*) FROM assignment WHERE id = " + fuan
                + " AND withdrawn_on IS NOT NULL AND withdrawn_by IS NULL"));
        ChecklistRow after = service.checklist(meeting.id()).get(0);
        assertEquals("蕉城区、霞浦县", after.unitNames(), "the checklist leaves the withdrawn share out");
        assertEquals(List.of(fuan), service.withdrawnShares(first.task().id()).stream()
                .map(w -> w.assignment().id()).toList());
        assertEquals(1, TestDb.sqlLong(db, "SELECT count(*) FROM audit_log WHERE entity = 'ASSIGNMENT' "
                + "AND entity_id = " + fuan + " AND field = 'withdrawnOn' AND old_value IS NULL AND new_value IS NOT NULL"));
        assertEquals(0, TestDb.sqlLong(db, "SELECT count(*) FROM audit_log WHERE entity = 'ASSIGNMENT' "
                + "AND action = 'DELETE'"), "nothing is deleted");

        service.restoreShare(fuan);

        assertEquals("蕉城区、福安市、霞浦县", service.checklist(meeting.id()).get(0).unitNames());
        assertTrue(service.withdrawnShares(first.task().id()).isEmpty());
        assertEquals(before, TestDb.sqlString(db, records));
        assertEquals(1, TestDb.sqlLong(db, "SELECT count(*) FROM audit_log WHERE entity = 'ASSIGNMENT' "
                + "AND entity_id = " + fuan + " AND field = 'withdrawnOn' AND new_value IS NULL"));
        assertThrows(org.duban.i18n.LocalizedException.class, () -> service.restoreShare(fuan),
                "an active share has nothing to restore");
    }
}
