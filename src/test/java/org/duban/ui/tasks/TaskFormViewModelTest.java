package org.duban.ui.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.duban.model.Meeting;
import org.duban.model.Unit;
import org.duban.persistence.Database;
import org.duban.service.Services;
import org.duban.service.tasks.TaskField;
import org.duban.service.tasks.TaskInput;
import org.duban.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The add/edit form over the ledger's roster: errors shown once a field is touched or a save tried, units, hints. */
class TaskFormViewModelTest {
    @TempDir
    Path dir;
    private Database db;
    private List<Unit> roster;
    private Meeting meeting;

    @BeforeEach
    void open() {
        db = TestDb.withRoster(dir);
        meeting = TestDb.emptyMeeting(db);
        roster = Services.over(db).tasks().units();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private TaskFormViewModel form() {
        return new TaskFormViewModel(meeting, 0, new TaskInput("3", "省级督察", "", "", "", "", "", "", "", "", ""),
                roster, Set.of(1, 2));
    }

    private Unit unit(String name) {
        return roster.stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void anErrorShowsAtAFieldOnlyOnceItIsTouchedOrASaveIsTried() {
        TaskFormViewModel f = form();
        assertEquals("", f.errorProperty(TaskField.PROBLEM).get(), "not yet: the user has not got there");
        f.field(TaskField.SEQ).set("2");
        assertEquals("序号 2 已被本次会议的其他任务使用", f.errorProperty(TaskField.SEQ).get());
        assertEquals("", f.errorProperty(TaskField.UNITS).get());
        assertFalse(f.submit());
        assertEquals("请至少填写一个责任单位", f.errorProperty(TaskField.UNITS).get());
        assertEquals("此项必填", f.errorProperty(TaskField.PROBLEM).get());
        f.field(TaskField.SEQ).set("x");
        assertEquals("序号须为正整数", f.errorProperty(TaskField.SEQ).get());
    }

    @Test
    void theDeadlineHintSaysWhatTheDeadlineMeans() {
        TaskFormViewModel f = form();
        f.field(TaskField.DEADLINE).set("2026年6月底前");
        assertEquals("截止 2026-06-30", f.deadlineHintProperty().get());
        f.field(TaskField.DEADLINE).set("长期坚持");
        assertEquals("长期坚持，不计超期", f.deadlineHintProperty().get());
        f.field(TaskField.DEADLINE).set("明年某时");
        assertEquals("", f.deadlineHintProperty().get());
        f.submit();
        assertEquals("无法识别的完成时限“明年某时”。可写：2026年6月底前、2026-10-31、2026年三季度末、立行立改、长期坚持",
                f.errorProperty(TaskField.DEADLINE).get());
    }

    @Test
    void unitsTickedAreWrittenInRosterOrderKeepingWhatCouldNotBeRead() {
        TaskFormViewModel f = form();
        f.field(TaskField.UNITS).set("火星区");
        Unit later = roster.get(5);
        Unit earlier = roster.get(2);
        f.toggleUnit(later, true);
        f.toggleUnit(earlier, true);
        assertEquals(earlier.name() + "、" + later.name() + "、火星区", f.field(TaskField.UNITS).get());
        assertTrue(f.hasUnit(earlier));
        f.toggleUnit(earlier, false);
        assertFalse(f.hasUnit(earlier));
        f.submit();
        assertTrue(f.errorProperty(TaskField.UNITS).get().startsWith("找不到单位：火星区。"),
                f.errorProperty(TaskField.UNITS).get());
        assertTrue(f.isDirty());
    }

    @Test
    void aCompleteFormCanBeSubmittedAndReadsBackAsTyped() {
        TaskFormViewModel f = form();
        assertFalse(f.isDirty());
        f.field(TaskField.PROBLEM).set("城区黑臭水体反弹");
        f.field(TaskField.UNITS).set("蕉城区、福安市");
        f.field(TaskField.DEADLINE).set("2026-12-31");
        assertTrue(f.submit());
        assertTrue(f.hasUnit(unit("福安市")));
        TaskInput in = f.input();
        assertEquals("3", in.seq());
        assertEquals("城区黑臭水体反弹", in.problem());
        assertTrue(f.isNew());
        assertEquals(roster.size(), f.pickable().size(), "every unit is in service");
    }
}
