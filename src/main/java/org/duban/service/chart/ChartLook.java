package org.duban.service.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.NumberFormat;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;

/** Fonts, colours, labels and spacing shared by every chart of a {@link ChartStyle}. */
final class ChartLook {
    private final ChartStyle style;
    private final ChartFonts fonts = ChartFonts.get();

    ChartLook(ChartStyle style) {
        this.style = style;
    }

    /** The style's fonts and colours on the chart, its plot and its axes. */
    void apply(JFreeChart chart) {
        StandardChartTheme theme = new StandardChartTheme("duban");
        theme.setExtraLargeFont(fonts.bold(style.title()));
        theme.setLargeFont(fonts.regular(style.axis()));
        theme.setRegularFont(fonts.regular(style.legend()));
        theme.setSmallFont(fonts.regular(style.tick()));
        theme.setTitlePaint(style.text());
        theme.setSubtitlePaint(style.text());
        theme.setChartBackgroundPaint(style.background());
        theme.setLegendBackgroundPaint(style.background());
        theme.setLegendItemPaint(style.text());
        theme.setPlotBackgroundPaint(style.background());
        theme.setPlotOutlinePaint(style.background());
        theme.setDomainGridlinePaint(style.grid());
        theme.setRangeGridlinePaint(style.grid());
        theme.setAxisLabelPaint(style.text());
        theme.setTickLabelPaint(style.text());
        theme.setItemLabelPaint(style.text());
        theme.setBaselinePaint(style.text());
        theme.setShadowVisible(false);
        theme.setBarPainter(new StandardBarPainter());
        theme.apply(chart);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(style.tick(), style.tick(), style.tick() * 0.6, style.tick() * 1.5));
        if (chart.getPlot() instanceof CategoryPlot plot) {
            plot.setOutlineVisible(false);
            plot.setRangeGridlineStroke(new BasicStroke(1f));
            plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
            CategoryAxis domain = plot.getDomainAxis();
            domain.setAxisLinePaint(style.text());
            domain.setTickMarksVisible(false);
            domain.setMaximumCategoryLabelLines(2);
            domain.setCategoryMargin(0.25);
            domain.setLowerMargin(0.02);
            domain.setUpperMargin(0.02);
            plot.getRangeAxis().setAxisLineVisible(false);
            plot.getRangeAxis().setTickMarkPaint(style.grid());
        }
    }

    /**
     * Stacked bars coloured by row key, a thin line of the background between segments, and each segment's count
     * written inside it (black or white, whichever reads on the fill), left out where it would not fit.
     */
    StackedBarRenderer stackedBars(JFreeChart chart, Function<ChartKey, Color> colour) {
        CategoryPlot plot = chart.getCategoryPlot();
        FittingStackedBarRenderer r = new FittingStackedBarRenderer();
        plot.setRenderer(r);
        apply(chart);
        CategoryDataset data = plot.getDataset();
        for (int row = 0; row < data.getRowCount(); row++) {
            Color c = colour.apply((ChartKey) data.getRowKey(row));
            r.setSeriesPaint(row, c);
            r.setSeriesItemLabelPaint(row, ChartStyle.textOn(c));
        }
        r.setDrawBarOutline(true);
        r.setDefaultOutlinePaint(style.dark() ? Color.BLACK : style.background());
        r.setDefaultOutlineStroke(new BasicStroke(Math.max(1f, style.tick() / 12)));
        // a white segment (未启动) would vanish on white paper: its outline is the text colour
        for (int row = 0; row < data.getRowCount(); row++) {
            Color c = (Color) r.getSeriesPaint(row);
            if (contrast(c, style.background()) < 1.3) {
                r.setSeriesOutlinePaint(row, style.grid().darker());
            }
        }
        r.setDefaultItemLabelGenerator(new HideZero(null));
        r.setDefaultItemLabelFont(fonts.bold(style.itemLabel()));
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.CENTER, TextAnchor.CENTER));
        integerAxis(plot);
        return r;
    }

    /** Single-colour bars, each labelled at its end by {@code label(row, column)}. */
    BarRenderer bars(JFreeChart chart, Color colour, BiFunction<Integer, Integer, String> label) {
        apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setSeriesPaint(0, colour);
        r.setDefaultItemLabelGenerator(new HideZero(label));
        r.setDefaultItemLabelFont(fonts.bold(style.itemLabel()));
        r.setDefaultItemLabelPaint(style.text());
        r.setDefaultItemLabelsVisible(true);
        boolean horizontal = plot.getOrientation() == PlotOrientation.HORIZONTAL;
        r.setDefaultPositiveItemLabelPosition(horizontal
                ? new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT)
                : new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
        r.setItemLabelAnchorOffset(style.tick() / 3);
        return r;
    }

    /** Whole numbers on the value axis: counts of tasks are never fractions. */
    void integerAxis(CategoryPlot plot) {
        NumberAxis axis = (NumberAxis) plot.getRangeAxis();
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        axis.setUpperMargin(0.08);
    }

    /**
     * The stamp under the title, the legend under the plot; many categories get narrower type so that their
     * labels are not cut.
     */
    void finish(JFreeChart chart, String subtitle, int categories) {
        TextTitle t = chart.getTitle();
        t.setPadding(new RectangleInsets(0, 0, style.tick() * 0.3, 0));
        if (subtitle != null && !subtitle.isBlank()) {
            TextTitle sub = new TextTitle(subtitle, fonts.regular(style.subtitle()));
            sub.setPaint(style.text());
            sub.setPadding(new RectangleInsets(0, 0, style.tick() * 0.8, 0));
            chart.addSubtitle(0, sub);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
            legend.setItemFont(fonts.regular(style.legend()));
            legend.setItemPaint(style.text());
            legend.setBackgroundPaint(style.background());
            legend.setPadding(new RectangleInsets(style.tick() * 0.6, 0, 0, 0));
            legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, style.tick()));
        }
        if (chart.getPlot() instanceof CategoryPlot plot && categories > 12) {
            // many categories (a weekly trend): smaller type set upright, so each label keeps its column
            plot.getDomainAxis().setTickLabelFont(fonts.regular(style.tick() * 0.8f));
            if (categories > 16) {
                plot.getDomainAxis().setCategoryLabelPositions(
                        org.jfree.chart.axis.CategoryLabelPositions.UP_90);
            }
        }
    }

    private static double contrast(Color a, Color b) {
        double la = luminance(a) + 0.05;
        double lb = luminance(b) + 0.05;
        return Math.max(la, lb) / Math.min(la, lb);
    }

    private static double luminance(Color c) {
        return (0.2126 * lin(c.getRed()) + 0.7152 * lin(c.getGreen()) + 0.0722 * lin(c.getBlue()));
    }

    private static double lin(int v) {
        double s = v / 255.0;
        return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }

    /** Labels with the value, or the given text; none for zero (an empty segment says nothing). */
    private static final class HideZero extends StandardCategoryItemLabelGenerator {
        private static final long serialVersionUID = 1L;
        private final transient BiFunction<Integer, Integer, String> text;

        HideZero(BiFunction<Integer, Integer, String> text) {
            super("{2}", NumberFormat.getIntegerInstance());
            this.text = text;
        }

        @Override
        public String generateLabel(CategoryDataset dataset, int row, int column) {
            Number n = dataset.getValue(row, column);
            if (n == null || n.doubleValue() == 0) {
                return null;
            }
            return text != null ? text.apply(row, column) : super.generateLabel(dataset, row, column);
        }
    }

    /** Draws a segment's label only where the segment is tall (and wide) enough to hold it. */
    private static final class FittingStackedBarRenderer extends StackedBarRenderer {
        private static final long serialVersionUID = 1L;

        @Override
        protected void drawItemLabel(Graphics2D g2, CategoryDataset data, int row, int column, CategoryPlot plot,
                                     CategoryItemLabelGenerator generator, Rectangle2D bar, boolean negative) {
            String label = generator.generateLabel(data, row, column);
            if (label == null) {
                return;
            }
            Font f = getItemLabelFont(row, column);
            g2.setFont(f);
            double textWidth = g2.getFontMetrics().stringWidth(label);
            double textHeight = f.getSize2D();
            boolean horizontal = plot.getOrientation() == PlotOrientation.HORIZONTAL;
            double along = horizontal ? bar.getWidth() : bar.getHeight();
            double across = horizontal ? bar.getHeight() : bar.getWidth();
            double need = horizontal ? textWidth + 4 : textHeight * 1.05;
            if (along < need || across < (horizontal ? textHeight : textWidth + 2)) {
                return;
            }
            super.drawItemLabel(g2, data, row, column, plot, generator, bar, negative);
        }
    }
}
