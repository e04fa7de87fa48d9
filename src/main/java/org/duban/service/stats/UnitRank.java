package org.duban.service.stats;

import org.duban.model.Unit;

/**
 * One unit's line of a completion-rate ranking.
 *
 * @param assignments  the unit's shares (分解到该单位的任务) on the day
 * @param completed    of those, completed, accepted or closed (as {@link UnitStats#completed()})
 * @param rank         1 for the highest rate; units with the same rate share a rank (1, 2, 2, 4)
 * @param previousRank the rank on the earlier day, or null when the unit was not ranked then
 * @param previousRate the completion rate on the earlier day, or null when not ranked then
 */
public record UnitRank(Unit unit, int assignments, int completed, int rank, Integer previousRank,
                       Double previousRate) {

    /** Completed shares ÷ shares, 0–1. */
    public double rate() {
        return assignments == 0 ? 0 : (double) completed / assignments;
    }

    /** Places moved up since the earlier day (positive: up, ↑; negative: down, ↓), or null when new. */
    public Integer change() {
        return previousRank == null ? null : previousRank - rank;
    }

    /** The change as bulletins print it: ↑2, ↓1, — (unchanged), or 新 when the unit was not ranked before. */
    public String changeMark() {
        Integer c = change();
        if (c == null) {
            return org.duban.i18n.Messages.tr("stats.rank.new");
        }
        return c > 0 ? "↑" + c : c < 0 ? "↓" + (-c) : "—";
    }
}
