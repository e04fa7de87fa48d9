package org.duban.service.stats;

import java.util.List;
import org.duban.service.tracking.TaskTracking;

/**
 * What a projector slide or a bulletin says about one unit: its counts and lights, and the tasks that need naming:
 * those where its share is overdue, and those under 挂牌督办 that it holds a share of.
 */
public record UnitBrief(UnitStats stats, UnitRank rank, List<TaskTracking> overdue, List<TaskTracking> supervised) {
    public UnitBrief {
        overdue = List.copyOf(overdue);
        supervised = List.copyOf(supervised);
    }
}
