package org.duban.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A share (task × unit) that a revised list or the task form took off its task: withdrawn (已撤出), never deleted.
 * Its reports, milestones, close-out steps and evidence stay; it is left out of every count, chart, light and
 * handout, shown greyed in the task's detail and history, and can be restored.
 *
 * @param assignment  the share as it stood when withdrawn (its status is its last stored one)
 * @param withdrawnOn the day it was withdrawn
 * @param importId    the import that withdrew it ({@code import_run}), or null when done in the form
 * @param importFile  that import's file name, or "" when done in the form
 */
public record WithdrawnShare(Assignment assignment, LocalDate withdrawnOn, Long importId, String importFile) {
    public WithdrawnShare {
        Objects.requireNonNull(assignment, "assignment");
        Objects.requireNonNull(withdrawnOn, "withdrawnOn");
        importFile = importFile == null ? "" : importFile;
    }

    public long unitId() {
        return assignment.unitId();
    }

    public long taskId() {
        return assignment.taskId();
    }
}
