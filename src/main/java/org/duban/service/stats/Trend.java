package org.duban.service.stats;

import java.util.List;
import org.duban.model.Unit;

/**
 * Completed and closed over time. For the whole city it counts tasks (a task is completed when every unit's share
 * is); for one unit it counts that unit's shares.
 *
 * @param unit   the unit, or null for the whole city
 * @param points one per period end, the last one on the day asked for
 */
public record Trend(Unit unit, TrendPeriod period, List<Point> points) {
    public Trend {
        points = List.copyOf(points);
    }

    /**
     * Where things stood at the end of one period.
     *
     * @param total     tasks (or the unit's shares) counted
     * @param completed of those, completed, accepted or closed
     * @param closed    of those, closed (已销号)
     */
    public record Point(java.time.LocalDate day, int total, int completed, int closed) {
    }
}
