package org.duban.service.stats;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.duban.model.TaskStatus;
import org.duban.model.WarningLight;

/**
 * Counts over a set of tasks as they stood on {@link #asOf}: tasks by derived status and light, assignments by
 * status and light, overdue ones, and each unit's share (every unit of the roster, also those with none).
 *
 * @param overdueTasks       tasks with at least one overdue assignment
 * @param supervisedTasks    tasks under 挂牌督办 on that day
 */
public record Stats(LocalDate asOf, int tasks, int assignments, Map<TaskStatus, Integer> tasksByStatus,
                    Map<TaskStatus, Integer> assignmentsByStatus, Map<WarningLight, Integer> tasksByLight,
                    Map<WarningLight, Integer> assignmentsByLight, int overdueTasks, int overdueAssignments,
                    int supervisedTasks, List<UnitStats> units) {
    public Stats {
        tasksByStatus = Map.copyOf(tasksByStatus);
        assignmentsByStatus = Map.copyOf(assignmentsByStatus);
        tasksByLight = Map.copyOf(tasksByLight);
        assignmentsByLight = Map.copyOf(assignmentsByLight);
        units = List.copyOf(units);
    }

    public int tasks(WarningLight light) {
        return tasksByLight.getOrDefault(light, 0);
    }

    public int assignments(WarningLight light) {
        return assignmentsByLight.getOrDefault(light, 0);
    }
}
