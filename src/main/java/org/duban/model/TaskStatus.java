package org.duban.model;

import java.util.Collection;

/**
 * Where an assignment (task × unit) stands, in the order work moves through. A task's status is derived
 * from its assignments: it stands where its slowest unit stands, because the task is done only when every
 * unit's share is.
 */
public enum TaskStatus {
    /** 未启动 */
    NOT_STARTED,
    /** 滞后序时 */
    BEHIND_SCHEDULE,
    /** 按序时推进 */
    ON_SCHEDULE,
    /** 已完成(待验收) */
    COMPLETED,
    /** 已验收 */
    ACCEPTED,
    /** 已销号 */
    CLOSED;

    /** Completed or beyond: the unit has finished its share (待验收, 已验收 or 已销号). */
    public boolean isCompleted() {
        return compareTo(COMPLETED) >= 0;
    }

    /** The status of a task with these assignment statuses: that of the slowest assignment. */
    public static TaskStatus ofTask(Collection<TaskStatus> assignmentStatuses) {
        TaskStatus slowest = null;
        for (TaskStatus s : assignmentStatuses) {
            if (slowest == null || s.compareTo(slowest) < 0) {
                slowest = s;
            }
        }
        return slowest == null ? NOT_STARTED : slowest;
    }
}
