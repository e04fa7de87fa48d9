package org.duban.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A 节点 of an assignment: an intermediate step with its own due date (倒排工期).
 *
 * @param doneOn the day it was done, or null while open
 */
public record Milestone(long id, long assignmentId, String name, LocalDate dueOn, LocalDate doneOn) {
    public Milestone {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dueOn, "dueOn");
    }

    /** Done on or before {@code day}. */
    public boolean isDoneBy(LocalDate day) {
        return doneOn != null && !doneOn.isAfter(day);
    }

    /** Late on {@code day}: its due date has passed and it was not done by then. */
    public boolean isLateOn(LocalDate day) {
        return day.isAfter(dueOn) && !isDoneBy(day);
    }

    public Milestone withDoneOn(LocalDate day) {
        return new Milestone(id, assignmentId, name, dueOn, day);
    }
}
