package org.duban.service.stats;

import java.util.Map;
import org.duban.model.TaskStatus;
import org.duban.model.Unit;

/** One unit's share: how many assignments it holds and where they stand. */
public record UnitStats(Unit unit, int assignments, Map<TaskStatus, Integer> byStatus) {
    public UnitStats {
        byStatus = Map.copyOf(byStatus);
    }

    public int count(TaskStatus status) {
        return byStatus.getOrDefault(status, 0);
    }
}
