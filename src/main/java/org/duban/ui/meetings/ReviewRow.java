package org.duban.ui.meetings;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.duban.model.Task;
import org.duban.model.TaskStatus;

/** A task a follow-up meeting may review: where it stood on the meeting's day, and whether it is reviewed. */
public final class ReviewRow {
    private final Task task;
    private final TaskStatus status;
    private final BooleanProperty reviewed = new SimpleBooleanProperty();

    ReviewRow(Task task, TaskStatus status, boolean reviewed) {
        this.task = task;
        this.status = status;
        this.reviewed.set(reviewed);
    }

    public Task task() {
        return task;
    }

    public TaskStatus status() {
        return status;
    }

    public BooleanProperty reviewedProperty() {
        return reviewed;
    }

    public boolean isReviewed() {
        return reviewed.get();
    }
}
