package org.duban.ui.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.duban.model.Meeting;
import org.duban.model.Unit;
import org.duban.persistence.Database;
import org.duban.service.Services;
import org.duban.service.meetings.MeetingService;
import org.duban.service.tasks.ChecklistRow;
import org.duban.service.tasks.TaskField;
import org.duban.service.tasks.TaskService;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.ui.common.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checklist without a window, on the sample as of 2026-11-29: rows, filters and the count, add, edit, delete. */
class TaskListViewModelTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    @TempDir
    Path dir;
    private Database db;
    private TaskService tasks;
    private Meeting current;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private TaskListViewModel vm;

    @BeforeEach
    void open() {
        db = TestDb.withSample(dir);
        Services services = Services.over(db, new TestClock(TODAY));
        tasks = services.tasks();
        MeetingService meetings = services.meetings();
        current = meetings.current().orElseThrow();
        vm = new TaskListViewModel(tasks, meetings, TaskRunner.direct(), dialogs);
        assertFalse(vm.loadedProperty().get());
        vm.load();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private long taskCount() {
        return TestDb.sqlLong(db.file(), "SELECT count(*) FROM task");
    }

    @Test
    void loadingShowsTheCurrentMeetingsRowsAndCountsThem() {
        assertTrue(vm.loadedProperty().get());
        assertFalse(vm.loadingProperty().get());
        assertEquals(current, vm.meetingProperty().get());
        List<ChecklistRow> expected = tasks.checklist(current.id());
        assertEquals(expected, List.copyOf(vm.rows()));
        assertEquals("显示 " + expected.size() + " / 共 " + expected.size() + " 条", vm.countTextProperty().get());
        assertEquals(expected.stream().map(r -> r.task().source()).distinct().count(), vm.sources().size());
        assertEquals(TestDb.sqlLong(db.file(), "SELECT count(*) FROM unit"), vm.units().size());
    }

    @Test
    void filtersNarrowTheRowsAndTheCountAndClearingBringsThemBack() {
        int all = vm.rows().size();
        String source = vm.sources().get(vm.sources().size() - 1);
        vm.sourceFilterProperty().set(source);
        assertTrue(vm.visibleRows().size() < all, "some rows come from other sources");
        assertTrue(vm.visibleRows().stream().allMatch(r -> r.task().source().equals(source)));
        assertEquals("显示 " + vm.visibleRows().size() + " / 共 " + all + " 条", vm.countTextProperty().get());

        vm.clearFilters();
        assertEquals(all, vm.visibleRows().size());

        Unit unit = vm.rows().get(0).units().get(0);
        vm.showUnit(current, unit, null);
        assertFalse(vm.visibleRows().isEmpty());
        assertTrue(vm.visibleRows().stream().allMatch(r -> r.units().stream().anyMatch(u -> u.id() == unit.id())));
        assertEquals(unit, vm.unitFilterProperty().get());
    }

    @Test
    void aNewTaskStartsAfterTheLastSeqAndIsSavedOnlyWhenTheFormIsRight() {
        int last = vm.rows().stream().mapToInt(r -> r.task().seq()).max().orElseThrow();
        TaskFormViewModel form = vm.newTaskForm().orElseThrow();
        assertEquals(String.valueOf(last + 1), form.field(TaskField.SEQ).get());
        assertEquals(vm.rows().get(vm.rows().size() - 1).task().source(), form.field(TaskField.SOURCE).get());
        long before = taskCount();
        List<Long> saved = new ArrayList<>();

        vm.save(form, saved::add);
        assertEquals("此项必填", form.errorProperty(TaskField.PROBLEM).get());
        assertEquals("请至少填写一个责任单位", form.errorProperty(TaskField.UNITS).get());
        assertEquals(before, taskCount());

        form.field(TaskField.CATEGORY).set("水");
        form.field(TaskField.PROBLEM).set("城区黑臭水体反弹");
        form.field(TaskField.TARGET).set("消除黑臭");
        form.field(TaskField.MEASURES).set("截污纳管");
        form.field(TaskField.UNITS).set("蕉城区");
        form.field(TaskField.LEADER).set("张三");
        form.field(TaskField.DEADLINE).set("2026年12月底前");
        vm.save(form, saved::add);

        assertEquals(before + 1, taskCount());
        assertEquals(1, saved.size());
        assertTrue(vm.row(saved.get(0)).isPresent(), "the list was read again");
        assertEquals("城区黑臭水体反弹", vm.row(saved.get(0)).get().task().problem());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void anEditToATakenSeqIsRefusedAtTheField() {
        ChecklistRow first = vm.rows().get(0);
        int other = vm.rows().get(1).task().seq();
        TaskFormViewModel form = vm.editForm(first);
        assertFalse(form.isDirty());
        form.field(TaskField.SEQ).set(String.valueOf(other));
        assertTrue(form.isDirty());
        assertEquals("序号 " + other + " 已被本次会议的其他任务使用", form.errorProperty(TaskField.SEQ).get());
        String before = TestDb.contentDigest(db.file());
        vm.save(form, id -> { });
        assertEquals(before, TestDb.contentDigest(db.file()));
    }

    @Test
    void deletingAsksFirstAndNamesTheTask() {
        ChecklistRow row = vm.rows().get(0);
        long before = taskCount();
        dialogs.answer = false;
        vm.delete(row);
        assertEquals(before, taskCount());
        assertTrue(dialogs.destructive.get(0).startsWith("确定删除序号 " + row.task().seq() + " 的任务“"),
                dialogs.destructive.get(0));
        dialogs.answer = true;
        vm.delete(row);
        assertEquals(before - 1, taskCount());
        assertTrue(vm.row(row.task().id()).isEmpty());
    }
}
