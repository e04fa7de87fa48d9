package org.duban.service.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.duban.model.Assignment;
import org.duban.model.Deadline;
import org.duban.model.DeadlineFormatException;
import org.duban.model.Task;
import org.duban.model.Unit;
import org.duban.service.units.UnitResolver;

/**
 * Checks a {@link TaskInput} field by field and builds the {@link Task}. Pure: what it needs from the
 * database comes in as the unit resolver and a "序号 taken" test, so the form, imports and tests share it.
 */
public final class TaskValidator {
    /** Longest text a field takes; longer text is almost always a paste gone wrong. */
    public static final int MAX_TEXT = 5000;

    private final UnitResolver units;
    /**
     * Each deadline phrase read once per validator (an import validates every row with one validator, and a list
     * repeats a few dozen phrases: reading them was the largest part of planning 10,000 rows). A phrase that cannot
     * be read is kept as {@link #UNREADABLE}.
     */
    private final java.util.Map<String, Deadline> deadlines = new java.util.HashMap<>();
    private static final Deadline UNREADABLE = Deadline.parse("立行立改");

    public TaskValidator(UnitResolver units) {
        this.units = units;
    }

    /** The outcome: a task when there are no errors. */
    public record Result(Task task, List<FieldError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }

        public List<FieldError> errorsFor(TaskField field) {
            return errors.stream().filter(e -> e.field() == field).toList();
        }
    }

    /**
     * @param meetingId   the meeting the task belongs to
     * @param taskId      the task being edited, or 0 for a new one
     * @param seqTaken    whether another task of the meeting has this 序号
     */
    public Result validate(TaskInput in, long meetingId, long taskId, IntPredicate seqTaken) {
        return validate(in, meetingId, taskId, seqTaken, java.util.Set.of());
    }

    /**
     * @param heldUnitIds units the task already has a share for (active or withdrawn): a retired unit may keep its
     *                    share, but gets no new one
     */
    public Result validate(TaskInput in, long meetingId, long taskId, IntPredicate seqTaken,
                           java.util.Set<Long> heldUnitIds) {
        List<FieldError> errors = new ArrayList<>();

        int seq = 0;
        if (in.seq().isEmpty()) {
            errors.add(new FieldError(TaskField.SEQ, "validation.required"));
        } else {
            try {
                seq = Integer.parseInt(in.seq());
                if (seq <= 0) {
                    errors.add(new FieldError(TaskField.SEQ, "validation.seq.positive"));
                } else if (seqTaken.test(seq)) {
                    errors.add(new FieldError(TaskField.SEQ, "validation.seq.taken", String.valueOf(seq)));
                }
            } catch (NumberFormatException e) {
                errors.add(new FieldError(TaskField.SEQ, "validation.seq.positive"));
            }
        }

        required(in, TaskField.SOURCE, errors);
        required(in, TaskField.PROBLEM, errors);
        for (TaskField f : TaskField.values()) {
            if (in.get(f).length() > MAX_TEXT) {
                errors.add(new FieldError(f, "validation.tooLong", in.get(f).length(), MAX_TEXT));
            }
        }

        List<Unit> resolved = List.of();
        if (in.units().length() > MAX_TEXT) {
            // already refused as too long; reading it as unit names would only echo the whole paste back
        } else if (in.units().isEmpty()) {
            errors.add(new FieldError(TaskField.UNITS, "validation.units.required"));
        } else {
            UnitResolver.Resolution r = units.resolveList(in.units());
            List<String> retired = r.units().stream().filter(u -> u.retired() && !heldUnitIds.contains(u.id()))
                    .map(Unit::name).toList();
            if (!r.unknown().isEmpty()) {
                errors.add(new FieldError(TaskField.UNITS, "validation.units.unknown", String.join("、", r.unknown())));
            } else if (r.units().isEmpty()) {
                errors.add(new FieldError(TaskField.UNITS, "validation.units.required"));
            } else if (!retired.isEmpty()) {
                errors.add(new FieldError(TaskField.UNITS, "validation.units.retired", String.join("、", retired)));
            }
            resolved = r.units();
        }

        Deadline deadline = null;
        if (in.deadline().length() > MAX_TEXT) {
            // already refused as too long
        } else if (in.deadline().isEmpty()) {
            errors.add(new FieldError(TaskField.DEADLINE, "validation.required"));
        } else {
            Deadline read = deadlines.computeIfAbsent(in.deadline(), phrase -> {
                try {
                    return Deadline.parse(phrase);
                } catch (DeadlineFormatException e) {
                    return UNREADABLE;
                }
            });
            if (read == UNREADABLE) {
                try {
                    Deadline.parse(in.deadline()); // the same exception, quoting the phrase as it reads it
                } catch (DeadlineFormatException e) {
                    errors.add(new FieldError(TaskField.DEADLINE, "validation.deadline.unreadable", e.phrase()));
                }
            } else {
                deadline = read;
            }
        }

        long leadUnitId = 0;
        if (!in.leadUnit().isEmpty() && in.leadUnit().length() <= MAX_TEXT) {
            UnitResolver.Resolution r = units.resolveList(in.leadUnit());
            if (!r.unknown().isEmpty()) {
                errors.add(new FieldError(TaskField.LEAD_UNIT, "validation.leadUnit.unknown",
                        String.join("、", r.unknown())));
            } else if (!r.units().isEmpty()) {
                leadUnitId = r.units().get(0).id(); // the first named leads; the importer says what became of others
            }
        }

        if (!errors.isEmpty()) {
            return new Result(null, List.copyOf(errors));
        }
        List<Assignment> assignments = resolved.stream().map(u -> Assignment.newFor(u.id())).toList();
        Task task = new Task(taskId, meetingId, seq, in.source(), in.category(), in.problem(), in.target(),
                in.measures(), in.leader(), in.supportingUnits(), deadline, in.remarks(), assignments, leadUnitId);
        return new Result(task, List.of());
    }

    private static void required(TaskInput in, TaskField field, List<FieldError> errors) {
        if (in.get(field).isEmpty()) {
            errors.add(new FieldError(field, "validation.required"));
        }
    }
}
