package org.duban.service.chart;

import java.time.LocalDate;
import org.duban.service.stats.StatsService;
import org.jfree.chart.JFreeChart;

/**
 * Builds a chart of a {@link ChartRequest} from the figures of {@link StatsService}: the one way the window, the
 * projector, {@code chart} and meeting documents get a chart. Reads the database: call it off the FX thread.
 */
public final class ChartService {
    private final StatsService stats;

    public ChartService(StatsService stats) {
        this.stats = stats;
    }

    public StatsService stats() {
        return stats;
    }

    /** The default earlier day of a ranking's change: a month before {@code asOf}. */
    public static LocalDate defaultSince(LocalDate asOf) {
        return asOf.minusMonths(1);
    }

    public JFreeChart build(ChartRequest r, ChartStyle style) {
        ProgressCharts charts = new ProgressCharts(style);
        return switch (r.kind()) {
            case STATUS -> charts.status(stats.stats(r.scope(), r.asOf()), r.group());
            case LIGHTS -> charts.lights(stats.stats(r.scope(), r.asOf()), r.group());
            case RANKING -> charts.ranking(stats.ranking(r.scope(), r.group(), r.asOf(), r.since()));
            case TREND -> charts.trend(stats.trend(r.scope(), r.unitId(), r.period(), r.asOf()));
            case SOURCE -> charts.bySource(stats.breakdown(r.scope(), r.asOf()));
            case CATEGORY -> charts.byCategory(stats.breakdown(r.scope(), r.asOf()));
        };
    }
}
