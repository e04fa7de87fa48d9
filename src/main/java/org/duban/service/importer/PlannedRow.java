package org.duban.service.importer;

import java.util.List;
import org.duban.model.Task;
import org.duban.model.Unit;
import org.duban.persistence.AssignmentRecords;
import org.duban.service.tasks.TaskInput;

/**
 * A task row of the file and what importing it would do.
 *
 * @param rowNumber   the spreadsheet row
 * @param input       the row as text (after sections and defaults were applied)
 * @param task        the checked task (its id is the existing task's when it updates one), null when the row
 *                    has errors
 * @param units       the responsible units read from the row (roster order)
 * @param supervised  whether 备注 puts the task under 挂牌督办
 * @param change      added, updated or unchanged (null when the row has errors)
 * @param changes     for an update, the fields that change
 * @param existing    the meeting's task of the same 序号 that the row would update, or null
 * @param withdrawals the shares of units the row no longer names: withdrawn (已撤出), their records kept
 * @param restored    units the row names again whose withdrawn shares become active again
 */
public record PlannedRow(int rowNumber, TaskInput input, Task task, List<Unit> units, boolean supervised,
                         Change change, List<FieldChange> changes, Task existing, List<Withdrawal> withdrawals,
                         List<Unit> restored) {

    public enum Change { ADDED, UPDATED, UNCHANGED }

    /** A unit's share that the import would withdraw, and the records it keeps. */
    public record Withdrawal(Unit unit, long assignmentId, AssignmentRecords.Counts records) {
        /** "3 条进展、1 个节点" in the user's language, or "尚无跟踪记录". */
        public String recordsText() {
            return describe(records);
        }
    }

    /** A share's records in words: "3 条进展、1 个节点、1 份佐证材料", or "尚无跟踪记录". */
    public static String describe(AssignmentRecords.Counts n) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (n.reports() > 0) {
            parts.add(org.duban.i18n.Messages.tr("share.records.reports", n.reports()));
        }
        if (n.milestones() > 0) {
            parts.add(org.duban.i18n.Messages.tr("share.records.milestones", n.milestones()));
        }
        if (n.closeOuts() > 0) {
            parts.add(org.duban.i18n.Messages.tr("share.records.closeOuts", n.closeOuts()));
        }
        if (n.evidence() > 0) {
            parts.add(org.duban.i18n.Messages.tr("share.records.evidence", n.evidence()));
        }
        return parts.isEmpty() ? org.duban.i18n.Messages.tr("share.records.none")
                : String.join(org.duban.i18n.Messages.tr("share.records.separator"), parts);
    }

    public PlannedRow {
        units = List.copyOf(units);
        changes = List.copyOf(changes);
        withdrawals = List.copyOf(withdrawals);
        restored = List.copyOf(restored);
    }

    /** A row that adds a task, or one with errors (task null). */
    PlannedRow(int rowNumber, TaskInput input, Task task, List<Unit> units, boolean supervised, Change change) {
        this(rowNumber, input, task, units, supervised, change, List.of(), null, List.of(), List.of());
    }

    public boolean ok() {
        return task != null;
    }

    /** Whether the row names an existing task of the meeting by its 序号. */
    public boolean updatesExisting() {
        return existing != null;
    }

    /** Whether the problem text (问题描述) of the existing task would change. */
    public boolean problemChanges() {
        return existing != null && task != null && !existing.problem().strip().equals(task.problem().strip());
    }

    /**
     * How alike the existing task's problem and the row's are ({@link ProblemSimilarity}); 1 for a row that updates
     * nothing, or whose text is unchanged.
     */
    public double problemSimilarity() {
        if (existing == null) {
            return 1;
        }
        return ProblemSimilarity.of(existing.problem(), task != null ? task.problem() : input.problem());
    }

    /** Whether the row, by its problem text, is a different task from the one of its 序号. */
    public boolean differentTask() {
        return existing != null && problemSimilarity() < ProblemSimilarity.SAME_TASK;
    }
}
