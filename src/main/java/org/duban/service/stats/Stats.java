package org.duban.service.stats;

import java.util.List;
import java.util.Map;
import org.duban.model.TaskStatus;

/**
 * Counts over a set of tasks: tasks by derived status, assignments by status, and each unit's share (every
 * unit of the roster, also those with none).
 */
public record Stats(int tasks, int assignments, Map<TaskStatus, Integer> tasksByStatus,
                    Map<TaskStatus, Integer> assignmentsByStatus, List<UnitStats> units) {
    public Stats {
        tasksByStatus = Map.copyOf(tasksByStatus);
        assignmentsByStatus = Map.copyOf(assignmentsByStatus);
        units = List.copyOf(units);
    }
}
