package org.duban.service.bulletin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.duban.model.TaskStatus;
import org.duban.model.Unit;
import org.duban.persistence.Database;
import org.duban.persistence.TaskScope;
import org.duban.service.Services;
import org.duban.service.generate.LedgerGenerator;
import org.duban.service.stats.DepartmentRank;
import org.duban.service.stats.Ranking;
import org.duban.service.stats.Stats;
import org.duban.service.stats.StatsScope;
import org.duban.service.stats.StatsService;
import org.duban.service.stats.Trend;
import org.duban.service.stats.TrendPeriod;
import org.duban.service.stats.UnitGroup;
import org.duban.service.tracking.AssignmentState;
import org.duban.service.tracking.TaskTracking;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A meeting pack's bulletin and charts, read a piece of the ledger at a time without report texts (issue 24), say
 * what they said when made from every task tracked at once with every text: on a generated ledger of more than
 * one piece, the bulletin's words and tables, its figures and rankings, the trend and the breakdown by source and
 * category are those computed the earlier way, from {@link StatsService#tracked}.
 */
class BulletinInPiecesTest {
    @TempDir
    Path dir;

    @Test
    void theBulletinAndChartsEqualThoseOfTheWholeTracking() {
        LocalDate end = LocalDate.of(2026, 11, 29);
        try (Database db = TestDb.open(dir)) {
            new LedgerGenerator(Wired.of(db)).generate(new LedgerGenerator.Options(2_050, 6_000, 11, end),
                    LedgerGenerator.Progress.NONE);
            Services services = Wired.over(db, new TestClock(end));
            BulletinSettings.Values values = services.bulletins().settings().load();
            services.bulletins().settings().save(new BulletinSettings.Values(values.rule(), values.issuer(), true));
            List<Unit> roster = new org.duban.persistence.Repositories(db).units().findAll();
            int overdue = 0;
            for (LocalDate day : List.of(end, end.minusDays(100))) {
                List<TaskTracking> whole = services.stats().tracked(StatsScope.all(), day);
                assertTrue(whole.size() > 2_000, "more than one piece: " + whole.size());
                Bulletin b = services.bulletins().draft(null, day);
                Stats figures = StatsService.compute(whole, roster, day);
                assertEquals(figures, b.stats(), day.toString());
                Ranking counties = Bulletin.againstIssued(Ranking.of(figures, null, UnitGroup.COUNTIES), null);
                Ranking departments = Bulletin.againstIssued(
                        Ranking.of(figures, null, UnitGroup.CITY_DEPARTMENTS), null);
                assertEquals(counties, b.counties());
                assertEquals(departments, b.departments());
                List<DepartmentRank> ranks = DepartmentRank.of(whole, roster);
                assertTrue(!ranks.isEmpty());
                assertEquals(ranks, b.departmentRanks());
                Bulletin expected = new Bulletin(day, null, b.meetingLine(), b.number(), b.city(), b.issuer(), figures,
                        counties, departments, null, b.rule(), b.rule().lagging(counties),
                        whole.stream().filter(TaskTracking::overdue).toList(),
                        whole.stream().filter(TaskTracking::supervised).toList(), b.units(), b.auditHead(), ranks);
                Picture chart = new ChartPicture(BulletinService.chart(b));
                assertEquals(BulletinText.document(expected, chart, BulletinService.CHART_SHAPE),
                        BulletinText.document(b, chart, BulletinService.CHART_SHAPE), "the same words and tables");
                overdue += b.overdue().size();

                StatsService stats = services.stats();
                assertEquals(StatsService.breakdown(whole, day).bySource(),
                        stats.breakdown(StatsScope.all(), day).bySource());
                assertEquals(StatsService.breakdown(whole, day).byCategory(),
                        stats.breakdown(StatsScope.all(), day).byCategory());
                long unit = roster.get(0).id();
                for (Long unitId : new Long[] {null, unit}) {
                    Trend trend = stats.trend(StatsScope.all(), unitId, TrendPeriod.MONTH, day);
                    assertTrue(trend.points().size() > 3);
                    List<Trend.Point> points = new ArrayList<>();
                    services.tracking().trackIssuedForCounting(TaskScope.all(),
                            trend.points().stream().map(Trend.Point::day).toList(),
                            (d, list) -> points.add(point(d, list, unitId)));
                    assertEquals(points, trend.points(), "trend of " + unitId + " to " + day);
                }
            }
            assertTrue(overdue > 100, "overdue tasks named: " + overdue);
        }
    }

    /** A trend's point counted the earlier way, from every task of the day at once. */
    private static Trend.Point point(LocalDate day, List<TaskTracking> list, Long unitId) {
        int total = 0;
        int completed = 0;
        int closed = 0;
        for (TaskTracking t : list) {
            if (unitId == null) {
                total++;
                completed += t.status().isCompleted() ? 1 : 0;
                closed += t.status() == TaskStatus.CLOSED ? 1 : 0;
                continue;
            }
            for (AssignmentState s : t.states()) {
                if (s.unitId() == unitId) {
                    total++;
                    completed += s.status().isCompleted() ? 1 : 0;
                    closed += s.status() == TaskStatus.CLOSED ? 1 : 0;
                }
            }
        }
        return new Trend.Point(day, total, completed, closed);
    }
}
