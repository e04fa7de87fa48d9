package org.duban.service.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.duban.i18n.Translator;
import org.duban.model.TaskStatus;
import org.duban.model.Unit;
import org.duban.model.WarningLight;
import org.duban.service.stats.Breakdown;
import org.duban.service.stats.Ranking;
import org.duban.service.stats.Stats;
import org.duban.service.stats.Trend;
import org.duban.service.stats.UnitGroup;
import org.duban.service.stats.UnitRank;
import org.duban.service.stats.UnitStats;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Builds the progress charts from the figures of {@link org.duban.service.stats.StatsService}: it never reads the
 * database, so a chart shows exactly what {@code stats} and the checklist count. Dataset keys are
 * {@link ChartKey}s: a click on a unit's bar hands back its {@link Unit}.
 *
 * <p>Every chart carries the stamp "截至 YYYY年M月D日" under its title. Building is cheap; drawing is not, and
 * happens wherever the chart is drawn ({@link ChartRenderer}, or the window's chart viewer).
 *
 * <p>The words (titles, axes, legends, the stamp, dates) are the window's language unless a language is given: a
 * bulletin and a meeting pack are Chinese whatever the window shows.
 */
public final class ProgressCharts {
    private final ChartStyle style;
    private final ChartLook look;
    private final Translator words;

    /** Charts in the window's language. */
    public ProgressCharts(ChartStyle style) {
        this(style, Translator.window());
    }

    /** Charts in {@code language} (e.g. {@link org.duban.i18n.Messages#CHINESE} for official documents). */
    public ProgressCharts(ChartStyle style, Locale language) {
        this(style, Translator.of(language));
    }

    private ProgressCharts(ChartStyle style, Translator words) {
        this.style = style;
        this.look = new ChartLook(style);
        this.words = words;
    }

    public ChartStyle style() {
        return style;
    }

    /** "截至 2026年11月29日", in the window's language. */
    public static String asOfStamp(LocalDate day) {
        return stamp(Translator.window(), day);
    }

    /** "2026年11月29日" (in English: 29 November 2026), in the window's language. */
    public static String formatDate(LocalDate day) {
        return date(Translator.window(), day);
    }

    private static String stamp(Translator words, LocalDate day) {
        return words.tr("chart.asOf", date(words, day));
    }

    private static String date(Translator words, LocalDate day) {
        return day.format(DateTimeFormatter.ofPattern(words.tr("chart.dateFormat"), words.locale()));
    }

    private String tr(String key, Object... args) {
        return words.tr(key, args);
    }

    /** Each unit's shares by status, as stacked bars (units of {@code group} that hold shares, roster order). */
    public JFreeChart status(Stats stats, UnitGroup group) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<UnitStats> units = units(stats, group);
        for (TaskStatus s : TaskStatus.values()) {
            ChartKey row = statusKey(s);
            for (UnitStats u : units) {
                data.addValue(u.count(s), row, unitKey(u.unit()));
            }
        }
        JFreeChart chart = ChartFactory.createStackedBarChart(tr("chart.title.status"), null,
                tr("chart.axis.assignments"), data, PlotOrientation.VERTICAL, true, true, false);
        StackedBarRenderer r = look.stackedBars(chart, s -> style.status((TaskStatus) s.value()));
        r.setMaximumBarWidth(0.09);
        look.finish(chart, stamp(words, stats.asOf()), units.size());
        return chart;
    }

    /** Each unit's shares by light, as stacked bars: red at the foot, where the eye starts. */
    public JFreeChart lights(Stats stats, UnitGroup group) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<UnitStats> units = units(stats, group);
        for (WarningLight l : WarningLight.values()) {
            ChartKey row = new ChartKey(l, tr("light." + l.name()), l.ordinal());
            for (UnitStats u : units) {
                data.addValue(u.count(l), row, unitKey(u.unit()));
            }
        }
        JFreeChart chart = ChartFactory.createStackedBarChart(tr("chart.title.lights"), null,
                tr("chart.axis.assignments"), data, PlotOrientation.VERTICAL, true, true, false);
        StackedBarRenderer r = look.stackedBars(chart, s -> style.light((WarningLight) s.value()));
        r.setMaximumBarWidth(0.09);
        look.finish(chart, stamp(words, stats.asOf()), units.size());
        return chart;
    }

    /**
     * Units by completion rate, the highest on top; each row reads "1　福安　↑2" and its bar "85.7%（12/14）". The
     * subtitle names the day the change is counted from.
     */
    public JFreeChart ranking(Ranking ranking) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        ChartKey series = new ChartKey("rate", tr("chart.axis.rate"), 0);
        int order = 0;
        for (UnitRank r : ranking.rows()) {
            String mark = ranking.since() == null ? "" : r.changeMark();
            ChartKey column = new ChartKey(r.unit(), tr("chart.ranking.row", r.rank(),
                    r.unit().shortName(), mark).strip(), order++);
            data.addValue(100.0 * r.rate(), series, column);
        }
        JFreeChart chart = ChartFactory.createBarChart(tr("chart.title.ranking"), null,
                tr("chart.axis.rate"), data, PlotOrientation.HORIZONTAL, false, true, false);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer r = look.bars(chart, style.bar(), (row, col) -> {
            UnitRank u = ranking.rows().get(col);
            return tr("chart.ranking.value", String.format("%.1f", 100 * u.rate()), u.completed(),
                    u.assignments());
        });
        r.setMaximumBarWidth(0.08);
        NumberAxis styled = (NumberAxis) plot.getRangeAxis();
        NumberAxis axis = new PercentAxis(styled.getLabel());
        axis.setLabelFont(styled.getLabelFont());
        axis.setLabelPaint(styled.getLabelPaint());
        axis.setTickLabelFont(styled.getTickLabelFont());
        axis.setTickLabelPaint(styled.getTickLabelPaint());
        axis.setTickMarkPaint(styled.getTickMarkPaint());
        axis.setAxisLineVisible(false);
        plot.setRangeAxis(axis);
        axis.setRange(0, 118); // room for the labels right of a full bar, but ticks and grid stop at 100 %
        axis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(20));
        String stamp = stamp(words, ranking.asOf());
        if (ranking.since() != null) {
            stamp = tr("chart.ranking.subtitle", stamp, date(words, ranking.since()));
        }
        look.finish(chart, stamp, ranking.rows().size());
        return chart;
    }

    /** Completed and closed at the end of each period: the whole city's tasks, or one unit's shares. */
    public JFreeChart trend(Trend trend) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        ChartKey completed = new ChartKey("completed", tr("chart.series.completed"), 0);
        ChartKey closed = new ChartKey("closed", tr("chart.series.closed"), 1);
        List<Trend.Point> points = trend.points();
        boolean years = !points.isEmpty() && points.get(0).day().getYear() != points.get(points.size() - 1).day().getYear();
        String pattern = tr(switch (trend.period()) {
            case WEEK -> "chart.trend.weekFormat";
            case MONTH -> years ? "chart.trend.monthYearFormat" : "chart.trend.monthFormat";
        });
        DateTimeFormatter f = DateTimeFormatter.ofPattern(pattern, words.locale());
        int order = 0;
        for (Trend.Point p : points) {
            ChartKey column = new ChartKey(p.day(), p.day().format(f), order++);
            data.addValue(p.completed(), completed, column);
            data.addValue(p.closed(), closed, column);
        }
        String who = trend.unit() == null ? tr("chart.trend.city") : trend.unit().name();
        JFreeChart chart = ChartFactory.createLineChart(tr("chart.title.trend", who), null,
                tr(trend.unit() == null ? "chart.axis.tasks" : "chart.axis.assignments"), data,
                PlotOrientation.VERTICAL, true, true, false);
        look.apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        LineAndShapeRenderer r = (LineAndShapeRenderer) plot.getRenderer();
        float w = style.tick() / 5;
        r.setSeriesPaint(0, style.line(0));
        r.setSeriesStroke(0, new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        r.setSeriesShape(0, new Rectangle2D.Double(-2 * w, -2 * w, 4 * w, 4 * w));
        r.setSeriesPaint(1, style.line(1));
        r.setSeriesStroke(1, new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10,
                new float[] {4 * w, 2.5f * w}, 0));
        r.setSeriesShape(1, new Ellipse2D.Double(-2 * w, -2 * w, 4 * w, 4 * w));
        r.setDefaultShapesVisible(true);
        look.integerAxis(plot);
        int total = points.isEmpty() ? 0 : points.get(points.size() - 1).total();
        LocalDate last = points.isEmpty() ? null : points.get(points.size() - 1).day();
        String stamp = last == null ? "" : tr("chart.trend.subtitle", stamp(words, last), total);
        look.finish(chart, stamp, points.size());
        return chart;
    }

    /** Tasks of each source by status (horizontal stacked bars). */
    public JFreeChart bySource(Breakdown breakdown) {
        return breakdownChart(breakdown.bySource(), "chart.title.source", breakdown.asOf());
    }

    /** Tasks of each category by status (horizontal stacked bars). */
    public JFreeChart byCategory(Breakdown breakdown) {
        return breakdownChart(breakdown.byCategory(), "chart.title.category", breakdown.asOf());
    }

    private JFreeChart breakdownChart(Map<String, Map<TaskStatus, Integer>> counts, String titleKey, LocalDate asOf) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (TaskStatus s : TaskStatus.values()) {
            ChartKey row = statusKey(s);
            int order = 0;
            for (Map.Entry<String, Map<TaskStatus, Integer>> e : counts.entrySet()) {
                String label = e.getKey().isBlank() ? tr("chart.category.none") : e.getKey();
                data.addValue(e.getValue().getOrDefault(s, 0), row, new ChartKey(e.getKey(), label, order++));
            }
        }
        JFreeChart chart = ChartFactory.createStackedBarChart(tr(titleKey), null,
                tr("chart.axis.tasks"), data, PlotOrientation.HORIZONTAL, true, true, false);
        StackedBarRenderer r = look.stackedBars(chart, s -> style.status((TaskStatus) s.value()));
        r.setMaximumBarWidth(0.12);
        look.finish(chart, stamp(words, asOf), 0);
        return chart;
    }

    private static List<UnitStats> units(Stats stats, UnitGroup group) {
        return stats.units().stream().filter(u -> group.contains(u.unit()) && u.assignments() > 0).toList();
    }

    private ChartKey statusKey(TaskStatus s) {
        return new ChartKey(s, tr("status." + s.name()), s.ordinal());
    }

    private static ChartKey unitKey(Unit u) {
        return new ChartKey(u, u.shortName(), u.sortOrder());
    }

    /** The regular chart font at a size (for callers that draw around a chart). */
    public Font font(float size) {
        return ChartFonts.get().regular(size);
    }

    static Color textOn(Color fill) {
        return ChartStyle.textOn(fill);
    }

    /** A percentage axis: its ticks, grid lines and numbers stop at 100 %, whatever room the labels need past it. */
    static final class PercentAxis extends NumberAxis {
        private static final long serialVersionUID = 1L;

        PercentAxis(String label) {
            super(label);
            setNumberFormatOverride(new java.text.DecimalFormat("0'%'"));
        }

        @Override
        @SuppressWarnings("rawtypes")
        public java.util.List refreshTicks(java.awt.Graphics2D g2, org.jfree.chart.axis.AxisState state,
                                           java.awt.geom.Rectangle2D dataArea,
                                           org.jfree.chart.ui.RectangleEdge edge) {
            java.util.List<?> ticks = super.refreshTicks(g2, state, dataArea, edge);
            return ticks.stream().filter(t -> !(t instanceof org.jfree.chart.axis.NumberTick n)
                    || n.getValue() <= 100.0 + 1e-9).toList();
        }
    }
}
