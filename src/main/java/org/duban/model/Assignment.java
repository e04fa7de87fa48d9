package org.duban.model;

import java.util.Objects;

/**
 * One unit's share of a task (task × responsible unit). Each share is reported on and closed out on its
 * own: 整改一件、销号一件.
 */
public record Assignment(long id, long taskId, long unitId, TaskStatus status) {
    public Assignment {
        Objects.requireNonNull(status, "status");
    }

    public Assignment withStatus(TaskStatus newStatus) {
        return new Assignment(id, taskId, unitId, newStatus);
    }

    public static Assignment newFor(long unitId) {
        return new Assignment(0, 0, unitId, TaskStatus.NOT_STARTED);
    }
}
