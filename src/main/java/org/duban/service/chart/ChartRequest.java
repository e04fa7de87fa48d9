package org.duban.service.chart;

import java.time.LocalDate;
import java.util.Objects;
import org.duban.service.stats.StatsScope;
import org.duban.service.stats.TrendPeriod;
import org.duban.service.stats.UnitGroup;

/**
 * Which chart to build, over which figures: what the dashboard's filters and {@code chart}'s options say.
 *
 * @param asOf   the day the figures stand on
 * @param since  the earlier day of the ranking's change (null: no change shown); ignored by other kinds
 * @param group  the units a per-unit chart lists
 * @param unitId the trend's unit, or null for the whole city; ignored by other kinds
 * @param period the trend's step
 */
public record ChartRequest(ChartKind kind, StatsScope scope, LocalDate asOf, LocalDate since, UnitGroup group,
                           Long unitId, TrendPeriod period) {
    public ChartRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(asOf, "asOf");
        scope = scope == null ? StatsScope.all() : scope;
        group = group == null ? UnitGroup.COUNTIES : group;
        period = period == null ? TrendPeriod.MONTH : period;
    }

    /** A chart of one meeting's figures on a day, with the defaults: county-level units, by month, no change. */
    public static ChartRequest of(ChartKind kind, Long meetingId, LocalDate asOf) {
        return new ChartRequest(kind, StatsScope.meeting(meetingId), asOf, null, null, null, null);
    }

    public ChartRequest withKind(ChartKind newKind) {
        return new ChartRequest(newKind, scope, asOf, since, group, unitId, period);
    }

    public ChartRequest withSince(LocalDate newSince) {
        return new ChartRequest(kind, scope, asOf, newSince, group, unitId, period);
    }

    public ChartRequest withGroup(UnitGroup newGroup) {
        return new ChartRequest(kind, scope, asOf, since, newGroup, unitId, period);
    }

    public ChartRequest withTrend(Long newUnitId, TrendPeriod newPeriod) {
        return new ChartRequest(kind, scope, asOf, since, group, newUnitId, newPeriod);
    }
}
