package org.duban.service.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.duban.model.TaskStatus;
import org.duban.model.Unit;
import org.duban.model.WarningLight;
import org.duban.service.stats.Ranking;
import org.duban.service.stats.StatsScope;
import org.duban.service.stats.TrendPeriod;
import org.duban.service.stats.UnitGroup;
import org.duban.service.stats.UnitRank;
import org.duban.testing.ByHand;
import org.duban.testing.TestDb;
import org.jfree.chart.JFreeChart;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The charts' datasets on the sample database against counts worked out independently from plain SQL and the
 * light rule applied by hand ({@link ByHand}).
 */
class ChartDatasetsTest extends SampleCharts {
    private static final List<String> COUNTIES = List.of("蕉城区", "福安市", "福鼎市", "霞浦县", "古田县", "屏南县",
            "寿宁县", "周宁县", "柘荣县", "东侨经济技术开发区");
    private static JFreeChart chart(ChartKind kind, LocalDate day) {
        return charts.build(ChartRequest.of(kind, meetingId, day).withSince(day.minusMonths(1)), ChartStyle.screen());
    }

    private static CategoryDataset data(JFreeChart chart) {
        return chart.getCategoryPlot().getDataset();
    }

    /** Column label → row label → value. */
    private static Map<String, Map<String, Integer>> table(CategoryDataset d) {
        Map<String, Map<String, Integer>> t = new LinkedHashMap<>();
        for (int c = 0; c < d.getColumnCount(); c++) {
            Map<String, Integer> col = new LinkedHashMap<>();
            for (int r = 0; r < d.getRowCount(); r++) {
                col.put(d.getRowKey(r).toString(), d.getValue(r, c).intValue());
            }
            t.put(unitName(d.getColumnKey(c)), col);
        }
        return t;
    }

    private static String unitName(Comparable<?> key) {
        return ((ChartKey) key).value() instanceof Unit u ? u.name() : key.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-29", "2026-06-30", "2026-10-19"})
    void lightsByUnitAreTheHandCountedLights(String day) throws SQLException {
        LocalDate d = LocalDate.parse(day);
        Map<String, Map<String, Integer>> chart = table(data(chart(ChartKind.LIGHTS, d)));
        Map<String, Map<String, Integer>> expected = new LinkedHashMap<>();
        for (ByHand.Share s : ByHand.shares(db, d)) {
            if (COUNTIES.contains(s.unit())) {
                expected.computeIfAbsent(s.unit(), k -> new LinkedHashMap<>(Map.of("红灯", 0, "黄灯", 0, "绿灯", 0)))
                        .merge(label(s.light()), 1, Integer::sum);
            }
        }
        assertEquals(COUNTIES, new ArrayList<>(chart.keySet()), "county-level units and 东侨, in roster order");
        assertEquals(expected.keySet(), chart.keySet());
        expected.forEach((unit, counts) -> assertEquals(counts, chart.get(unit), unit + " on " + day));
        assertTrue(expected.values().stream().mapToInt(m -> m.get("红灯")).sum() > 0, "the sample has red lights");
    }

    private static String label(String light) {
        return switch (WarningLight.valueOf(light)) {
            case RED -> "红灯";
            case YELLOW -> "黄灯";
            case GREEN -> "绿灯";
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-29", "2026-10-19"})
    void statusByUnitAddsUpToEachUnitsSharesWithItsCompletedAndClosed(String day) throws SQLException {
        LocalDate d = LocalDate.parse(day);
        Map<String, Map<String, Integer>> chart = table(data(chart(ChartKind.STATUS, d)));
        Map<String, int[]> expected = new LinkedHashMap<>(); // shares, completed, closed
        for (ByHand.Share s : ByHand.shares(db, d)) {
            int[] n = expected.computeIfAbsent(s.unit(), k -> new int[3]);
            n[0]++;
            n[1] += s.completed() ? 1 : 0;
            n[2] += s.closed() ? 1 : 0;
        }
        for (String unit : COUNTIES) {
            Map<String, Integer> bars = chart.get(unit);
            int total = bars.values().stream().mapToInt(Integer::intValue).sum();
            int completed = bars.get("已完成(待验收)") + bars.get("已验收") + bars.get("已销号");
            assertEquals(expected.get(unit)[0], total, unit + ": shares on " + day);
            assertEquals(expected.get(unit)[1], completed, unit + ": completed");
            assertEquals(expected.get(unit)[2], bars.get("已销号"), unit + ": closed");
        }
    }

    @Test
    void aTaskMadeFromAFindingIsInTheChartsFromItsIssueDayOnly() throws SQLException {
        String dongqiao = "东侨经济技术开发区";
        LocalDate dayBefore = FINDING_TASK_DAY.minusDays(1);
        int before = table(data(chart(ChartKind.STATUS, dayBefore))).get(dongqiao).values().stream()
                .mapToInt(Integer::intValue).sum();
        int on = table(data(chart(ChartKind.STATUS, FINDING_TASK_DAY))).get(dongqiao).values().stream()
                .mapToInt(Integer::intValue).sum();
        assertEquals(before + 1, on, "东侨's share of the finding's task counts from its issue day");
        long byHand = ByHand.shares(db, dayBefore).stream().filter(s -> s.unit().equals(dongqiao)).count();
        assertEquals(byHand, before);
        StatsScope scope = StatsScope.meeting(meetingId);
        assertEquals(45, charts.stats().breakdown(scope, dayBefore).bySource().values().stream()
                .mapToInt(m -> m.values().stream().mapToInt(Integer::intValue).sum()).sum());
        assertFalse(charts.stats().breakdown(scope, dayBefore).bySource().containsKey("下沉督察"),
                "no 下沉督察 task before the finding became one");
        assertTrue(charts.stats().breakdown(scope, FINDING_TASK_DAY).bySource().containsKey("下沉督察"));
        Ranking ranking = charts.stats().ranking(scope, UnitGroup.COUNTIES, FINDING_TASK_DAY, dayBefore);
        UnitRank dq = ranking.of(TestDb.sqlLong(db, "SELECT id FROM unit WHERE name = '" + dongqiao + "'"))
                .orElseThrow();
        assertEquals(on, dq.assignments());
        double[] earlier = rates(dayBefore).get(dongqiao);
        assertTrue(earlier[1] > 0, "东侨 had completed shares, so its rate depends on the count");
        assertEquals(earlier[1] / earlier[0], dq.previousRate(), 1e-12, "the ranking's earlier day counts without it");
    }

    @Test
    void rankingOrdersUnitsByTheHandCountedCompletionRateAndCountsTheChangeOfRank() throws SQLException {
        LocalDate since = TODAY.minusMonths(1);
        Map<String, Integer> now = ranks(rates(TODAY));
        Map<String, Integer> before = ranks(rates(since));
        Ranking ranking = charts.stats().ranking(StatsScope.meeting(meetingId), UnitGroup.COUNTIES, TODAY, since);
        assertEquals(COUNTIES.size(), ranking.rows().size());
        boolean moved = false;
        for (UnitRank r : ranking.rows()) {
            String unit = r.unit().name();
            assertEquals(now.get(unit), r.rank(), unit);
            assertEquals(before.get(unit), r.previousRank(), unit);
            int change = before.get(unit) - now.get(unit);
            assertEquals(change > 0 ? "↑" + change : change < 0 ? "↓" + (-change) : "—", r.changeMark(), unit);
            moved |= change != 0;
        }
        assertTrue(moved, "the sample's ranking moves within a month");
        CategoryDataset d = data(new ProgressCharts(ChartStyle.screen()).ranking(ranking));
        Map<String, double[]> rates = rates(TODAY);
        for (int c = 0; c < d.getColumnCount(); c++) {
            String unit = unitName(d.getColumnKey(c));
            double[] r = rates.get(unit);
            assertEquals(100.0 * r[1] / r[0], d.getValue(0, c).doubleValue(), 1e-9, unit);
            assertTrue(d.getColumnKey(c).toString().contains(ranking.rows().get(c).changeMark()), "label shows ↑/↓");
        }
    }

    /** Unit → {shares, completed} among the county-level units, by hand. */
    private static Map<String, double[]> rates(LocalDate day) throws SQLException {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (ByHand.Share s : ByHand.shares(db, day)) {
            if (COUNTIES.contains(s.unit())) {
                double[] n = m.computeIfAbsent(s.unit(), k -> new double[2]);
                n[0]++;
                n[1] += s.completed() ? 1 : 0;
            }
        }
        return m;
    }

    /** Competition ranks (1, 2, 2, 4) by rate. */
    private static Map<String, Integer> ranks(Map<String, double[]> rates) {
        Map<String, Integer> ranks = new HashMap<>();
        for (Map.Entry<String, double[]> e : rates.entrySet()) {
            double mine = e.getValue()[1] / e.getValue()[0];
            int better = (int) rates.values().stream().filter(v -> v[1] / v[0] > mine + 1e-12).count();
            ranks.put(e.getKey(), better + 1);
        }
        return ranks;
    }

    @Test
    void cityTrendCountsTasksWhoseEveryShareIsCompletedAtEachMonthEnd() throws SQLException {
        JFreeChart chart = charts.build(ChartRequest.of(ChartKind.TREND, meetingId, TODAY)
                .withTrend(null, TrendPeriod.MONTH), ChartStyle.screen());
        CategoryDataset d = data(chart);
        assertEquals(List.of("3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月"),
                d.getColumnKeys().stream().map(Object::toString).toList());
        for (int c = 0; c < d.getColumnCount(); c++) {
            LocalDate day = (LocalDate) ((ChartKey) d.getColumnKey(c)).value();
            Map<Long, List<ByHand.Share>> byTask = ByHand.shares(db, day).stream()
                    .collect(Collectors.groupingBy(ByHand.Share::taskId));
            long completed = byTask.values().stream().filter(l -> l.stream().allMatch(ByHand.Share::completed)).count();
            long closed = byTask.values().stream().filter(l -> l.stream().allMatch(ByHand.Share::closed)).count();
            assertEquals(completed, d.getValue(0, c).intValue(), "completed on " + day);
            assertEquals(closed, d.getValue(1, c).intValue(), "closed on " + day);
        }
        var points = charts.stats().trend(StatsScope.meeting(meetingId), null, TrendPeriod.MONTH, TODAY).points();
        for (var p : points) {
            long tasks = ByHand.shares(db, p.day()).stream().map(ByHand.Share::taskId).distinct().count();
            assertEquals(tasks, p.total(), "tasks issued by " + p.day());
        }
        assertEquals(45, points.get(points.size() - 5).total(), "July: the meeting's 45");
        assertEquals(46, points.get(points.size() - 2).total(), "October: and the finding's task");
        assertEquals(TODAY, ((ChartKey) d.getColumnKey(d.getColumnCount() - 1)).value(), "the last point is the day");
    }

    @Test
    void oneUnitsWeeklyTrendCountsItsShares() throws SQLException {
        long jiaocheng = TestDb.sqlLong(db, "SELECT id FROM unit WHERE name = '蕉城区'");
        CategoryDataset d = data(charts.build(ChartRequest.of(ChartKind.TREND, meetingId, TODAY)
                .withTrend(jiaocheng, TrendPeriod.WEEK), ChartStyle.screen()));
        assertTrue(d.getColumnCount() > 30, "a point a week since March");
        for (int c = d.getColumnCount() - 3; c < d.getColumnCount(); c++) {
            LocalDate day = (LocalDate) ((ChartKey) d.getColumnKey(c)).value();
            long completed = ByHand.shares(db, day).stream()
                    .filter(s -> s.unit().equals("蕉城区") && s.completed()).count();
            assertEquals(completed, d.getValue(0, c).intValue(), "蕉城区 on " + day);
        }
    }

    @Test
    void sourceBreakdownCountsEachSourcesTasksAndTheSourceFilterNarrowsEveryChart() throws SQLException {
        CategoryDataset d = data(chart(ChartKind.SOURCE, TODAY));
        Map<String, Long> bySql = ByHand.shares(db, TODAY).stream()
                .collect(Collectors.groupingBy(ByHand.Share::source, LinkedHashMap::new,
                        Collectors.collectingAndThen(Collectors.mapping(ByHand.Share::taskId, Collectors.toSet()),
                                s -> (long) s.size())));
        assertTrue(bySql.size() >= 3, "the sample has three sources");
        for (int c = 0; c < d.getColumnCount(); c++) {
            String source = (String) ((ChartKey) d.getColumnKey(c)).value();
            int total = 0;
            for (int r = 0; r < d.getRowCount(); r++) {
                total += d.getValue(r, c).intValue();
            }
            assertEquals(bySql.get(source).intValue(), total, source);
        }
        String first = bySql.keySet().iterator().next();
        ChartRequest only = new ChartRequest(ChartKind.LIGHTS, new StatsScope(meetingId, first), TODAY, null, null,
                null, null);
        int shares = 0;
        CategoryDataset lights = data(charts.build(only, ChartStyle.screen()));
        for (int r = 0; r < lights.getRowCount(); r++) {
            for (int c = 0; c < lights.getColumnCount(); c++) {
                shares += lights.getValue(r, c).intValue();
            }
        }
        long expected = ByHand.shares(db, TODAY).stream()
                .filter(s -> s.source().equals(first) && COUNTIES.contains(s.unit())).count();
        assertEquals(expected, shares, "lights of " + first + " only");
    }

    @Test
    void cityDepartmentsAreAnOptionAndNeverMixWithCounties() {
        JFreeChart chart = charts.build(ChartRequest.of(ChartKind.STATUS, meetingId, TODAY)
                .withGroup(UnitGroup.CITY_DEPARTMENTS), ChartStyle.screen());
        List<String> units = data(chart).getColumnKeys().stream().map(k -> unitName((Comparable<?>) k)).toList();
        assertFalse(units.isEmpty());
        assertTrue(units.stream().allMatch(u -> u.startsWith("市")), units.toString());
        assertTrue(units.stream().noneMatch(COUNTIES::contains));
        assertEquals(TaskStatus.values().length, data(chart).getRowCount());
    }
}
