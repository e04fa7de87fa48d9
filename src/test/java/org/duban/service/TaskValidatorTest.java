package org.duban.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.duban.model.Unit;
import org.duban.service.tasks.FieldError;
import org.duban.service.tasks.TaskField;
import org.duban.service.tasks.TaskInput;
import org.duban.service.tasks.TaskValidator;
import org.duban.service.units.DefaultRoster;
import org.duban.service.units.UnitResolver;
import org.junit.jupiter.api.Test;

class TaskValidatorTest {
    private static final List<Unit> ROSTER;

    static {
        AtomicLong id = new AtomicLong();
        ROSTER = DefaultRoster.units().stream().map(u -> u.withId(id.incrementAndGet())).toList();
    }

    private final TaskValidator validator = new TaskValidator(new UnitResolver(ROSTER));

    private static TaskInput input(String seq, String units, String deadline) {
        return new TaskInput(seq, "中央生态环境保护督察", "水环境", "乡镇污水处理设施运行负荷率低", "目标", "措施", units,
                "", "县长", deadline, "");
    }

    @Test
    void validInputBecomesATaskWithOneAssignmentPerUnit() {
        TaskValidator.Result r = validator.validate(input("3", "蕉城区、福安市人民政府", "2026年6月底前"), 7, 0, s -> false);
        assertTrue(r.ok(), r.errors().toString());
        assertEquals(3, r.task().seq());
        assertEquals(7, r.task().meetingId());
        assertEquals(2, r.task().assignments().size());
    }

    @Test
    void requiredFieldsAreNamed() {
        TaskInput empty = new TaskInput("", "", "", "", "", "", "", "", "", "", "");
        TaskValidator.Result r = validator.validate(empty, 1, 0, s -> false);
        assertFalse(r.ok());
        for (TaskField f : List.of(TaskField.SEQ, TaskField.SOURCE, TaskField.PROBLEM, TaskField.UNITS, TaskField.DEADLINE)) {
            assertFalse(r.errorsFor(f).isEmpty(), f.name());
        }
        assertTrue(r.errorsFor(TaskField.TARGET).isEmpty(), "target is optional");
    }

    @Test
    void unknownUnitIsAnErrorAtTheUnitsField() {
        TaskValidator.Result r = validator.validate(input("1", "蕉城区、火星区", "2026年底前"), 1, 0, s -> false);
        List<FieldError> errors = r.errorsFor(TaskField.UNITS);
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).message().contains("火星区"), errors.get(0).message());
    }

    @Test
    void unreadableDeadlineIsQuotedAtTheDeadlineField() {
        TaskValidator.Result r = validator.validate(input("1", "蕉城区", "尽快完成吧"), 1, 0, s -> false);
        String msg = r.errorsFor(TaskField.DEADLINE).get(0).message();
        assertTrue(msg.contains("“尽快完成吧”"), msg);
    }

    @Test
    void seqMustBeFreeAndPositive() {
        assertFalse(validator.validate(input("2", "蕉城区", "2026年底前"), 1, 0, s -> s == 2).errorsFor(TaskField.SEQ).isEmpty());
        assertFalse(validator.validate(input("0", "蕉城区", "2026年底前"), 1, 0, s -> false).errorsFor(TaskField.SEQ).isEmpty());
        assertFalse(validator.validate(input("三", "蕉城区", "2026年底前"), 1, 0, s -> false).errorsFor(TaskField.SEQ).isEmpty());
    }

    @Test
    void overlongTextIsRefused() {
        TaskInput in = new TaskInput("1", "省级督察", "", "长".repeat(TaskValidator.MAX_TEXT + 1), "", "", "蕉城区", "", "",
                "2026年底前", "");
        assertFalse(validator.validate(in, 1, 0, s -> false).errorsFor(TaskField.PROBLEM).isEmpty());
    }
}
