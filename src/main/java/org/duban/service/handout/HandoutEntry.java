package org.duban.service.handout;

import java.util.List;
import java.util.Objects;
import org.duban.model.Assignment;
import org.duban.model.Task;
import org.duban.model.Unit;

/**
 * One row of a unit's handout: the task, the unit's own share of it (where tracking data lives), and every
 * unit the task is assigned to (for a 责任单位 column on shared tasks).
 */
public record HandoutEntry(Task task, Assignment assignment, List<Unit> taskUnits, Unit leadUnit) {
    public HandoutEntry {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(assignment, "assignment");
        taskUnits = List.copyOf(taskUnits);
    }

    public HandoutEntry(Task task, Assignment assignment, List<Unit> taskUnits) {
        this(task, assignment, taskUnits, null);
    }

    /** The task's lead unit (牵头单位), "" for none. */
    public String leadUnitName() {
        return leadUnit == null ? "" : leadUnit.name();
    }
}
