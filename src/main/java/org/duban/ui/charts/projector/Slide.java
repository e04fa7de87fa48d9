package org.duban.ui.charts.projector;

import org.duban.service.stats.UnitBrief;

/**
 * One slide of the projector: 总体情况, 排名, one per unit, 挂牌督办 — in that order.
 *
 * @param unit the unit's brief on a UNIT slide, else null
 */
public record Slide(Kind kind, UnitBrief unit) {
    public enum Kind { OVERVIEW, RANKING, UNIT, SUPERVISED }

    public static Slide of(Kind kind) {
        return new Slide(kind, null);
    }
}
