package org.duban.ui.charts.projector;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.duban.model.Meeting;
import org.duban.service.chart.ChartFonts;
import org.duban.service.chart.ChartService;
import org.duban.service.stats.Ranking;
import org.duban.service.stats.Stats;
import org.duban.service.stats.StatsScope;
import org.duban.service.stats.StatsService;
import org.duban.service.stats.UnitBrief;
import org.duban.service.stats.UnitGroup;
import org.duban.service.tracking.TaskTracking;

/**
 * What the projector shows, read in one go (in the background): the figures of the day, the ranking against the
 * earlier day, each unit's brief and the supervised tasks — all from {@link StatsService}, like the dashboard.
 */
public record ProjectorData(Meeting meeting, LocalDate asOf, Stats stats, Ranking ranking, List<UnitBrief> units,
                            List<TaskTracking> supervised) {
    public ProjectorData {
        units = List.copyOf(units);
        supervised = List.copyOf(supervised);
    }

    /** Reads the data; also loads the chart fonts, so that the slides draw at once. */
    public static ProjectorData read(ChartService charts, Meeting meeting, StatsScope scope, UnitGroup group,
                                     LocalDate asOf, LocalDate since) {
        ChartFonts.get();
        StatsService s = charts.stats();
        List<TaskTracking> tracked = s.tracked(scope, asOf);
        List<TaskTracking> supervised = tracked.stream().filter(TaskTracking::supervised).toList();
        return new ProjectorData(meeting, asOf, s.stats(scope, asOf), s.ranking(scope, group, asOf, since),
                s.briefs(scope, group, asOf, since), supervised);
    }

    /** 总体情况 → 排名 → one per unit → 挂牌督办 (left out when no task is supervised). */
    public List<Slide> slides() {
        List<Slide> slides = new ArrayList<>();
        slides.add(Slide.of(Slide.Kind.OVERVIEW));
        slides.add(Slide.of(Slide.Kind.RANKING));
        units.forEach(u -> slides.add(new Slide(Slide.Kind.UNIT, u)));
        if (!supervised.isEmpty()) {
            slides.add(Slide.of(Slide.Kind.SUPERVISED));
        }
        return slides;
    }
}
