package org.duban.service.stats;

import java.util.Map;
import org.duban.model.TaskStatus;
import org.duban.model.Unit;
import org.duban.model.WarningLight;

/** One unit's share: how many assignments it holds, where they stand, their lights and how many are overdue. */
public record UnitStats(Unit unit, int assignments, Map<TaskStatus, Integer> byStatus,
                        Map<WarningLight, Integer> byLight, int overdue) {
    public UnitStats {
        byStatus = Map.copyOf(byStatus);
        byLight = Map.copyOf(byLight);
    }

    public int count(TaskStatus status) {
        return byStatus.getOrDefault(status, 0);
    }

    public int count(WarningLight light) {
        return byLight.getOrDefault(light, 0);
    }

    /** Completed, accepted or closed. */
    public int completed() {
        return byStatus.entrySet().stream().filter(e -> e.getKey().isCompleted()).mapToInt(Map.Entry::getValue).sum();
    }
}
