package org.duban.ui.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.duban.model.Task;
import org.duban.persistence.Database;
import org.duban.service.Services;
import org.duban.service.tasks.ChecklistRow;
import org.duban.service.tasks.TaskField;
import org.duban.service.tasks.TaskInput;
import org.duban.service.tasks.TaskService;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.ui.common.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The task form when another seat saved the same task first (issue 16): the save is refused, the form stays open
 * with the message naming the other seat, shows the newest values, lists what the user had changed, and puts it back
 * on request; saving then lands on top of the other seat's change.
 */
class TaskFormConflictTest {
    @TempDir
    Path dir;
    private Database db;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private TaskListViewModel vm;
    private TaskService otherSeat;

    @BeforeEach
    void open() {
        db = TestDb.withSample(dir);
        TestClock clock = new TestClock(LocalDate.of(2026, 11, 29));
        Services services = Services.over(db, clock).operatedBy("秘书乙");
        otherSeat = Services.over(db, clock).operatedBy("秘书甲").tasks();
        vm = new TaskListViewModel(services.tasks(), services.meetings(), TaskRunner.direct(), dialogs);
        vm.load();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aRefusedSaveKeepsTheFormOpenWithTheNewestValuesAndTheUsersChanges() {
        ChecklistRow row = vm.rows().get(0);
        long id = row.task().id();
        TaskFormViewModel form = vm.editForm(row);
        String problem = form.field(TaskField.PROBLEM).get();
        String deadline = form.field(TaskField.DEADLINE).get();

        // meanwhile the other seat changes the problem and the remarks
        TaskService.Editing theirs = otherSeat.forEditing(id).orElseThrow();
        otherSeat.update(id, with(with(theirs.input(), TaskField.PROBLEM, problem + "（甲改）"), TaskField.REMARKS,
                "甲的备注"), theirs.version());

        // the user changes the problem and the deadline, and saves
        form.field(TaskField.PROBLEM).set(problem + "（乙改）");
        form.field(TaskField.DEADLINE).set("2027年6月底前");
        List<Long> saved = new ArrayList<>();
        vm.save(form, saved::add);

        assertTrue(saved.isEmpty(), "not saved: the form stays open");
        assertFalse(form.savingProperty().get());
        assertTrue(dialogs.errors.isEmpty(), "the message is in the form, not a dialog: " + dialogs.errors);
        String message = form.conflictProperty().get();
        assertTrue(message.contains("秘书甲") && message.contains("2026-11-29 09:00")
                && message.contains("第" + row.task().seq() + "项任务"), message);
        assertEquals(problem + "（甲改）", form.field(TaskField.PROBLEM).get(), "the newest values are shown");
        assertEquals("甲的备注", form.field(TaskField.REMARKS).get());
        assertEquals(deadline, form.field(TaskField.DEADLINE).get());
        assertEquals("问题：" + problem + "（乙改）\n完成时限：2027年6月底前", form.mineProperty().get(),
                "the user's own changes, not lost");
        assertFalse(form.isDirty(), "the form as stored now");
        Task stored = stored(id);
        assertEquals(problem + "（甲改）", stored.problem(), "nothing of the refused save is written");
        assertEquals(deadline, stored.deadline().phrase());
        assertEquals(problem + "（甲改）", vm.row(id).orElseThrow().task().problem(), "the checklist shows it too");

        // the user puts their changes back over the newest values and saves: it lands, the remarks stay 甲's
        form.reapplyMine();
        assertEquals("", form.mineProperty().get());
        assertEquals(problem + "（乙改）", form.field(TaskField.PROBLEM).get());
        assertEquals("2027年6月底前", form.field(TaskField.DEADLINE).get());
        assertEquals("甲的备注", form.field(TaskField.REMARKS).get(), "the other seat's other change is kept");
        vm.save(form, saved::add);
        assertEquals(List.of(id), saved);
        stored = stored(id);
        assertEquals(problem + "（乙改）", stored.problem());
        assertEquals("2027年6月底前", stored.deadline().phrase());
        assertEquals("甲的备注", stored.remarks());
    }

    private Task stored(long id) {
        return otherSeat.checklist(vm.meetingProperty().get().id()).stream().filter(r -> r.task().id() == id)
                .findFirst().orElseThrow().task();
    }

    private static TaskInput with(TaskInput in, TaskField field, String value) {
        Map<TaskField, String> m = new EnumMap<>(TaskField.class);
        for (TaskField f : TaskField.values()) {
            m.put(f, in.get(f));
        }
        m.put(field, value);
        return TaskInput.of(m);
    }
}
