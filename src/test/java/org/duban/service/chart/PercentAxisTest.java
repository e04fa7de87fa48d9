package org.duban.service.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;

/** The ranking's percentage axis stops at 100 %: no tick, grid line or number past it. */
class PercentAxisTest extends SampleCharts {

    @Test
    void theRankingAxisTicksStopAt100Percent() {
        JFreeChart chart = charts.build(ChartRequest.of(ChartKind.RANKING, meetingId, TODAY), ChartStyle.screen());
        NumberAxis axis = (NumberAxis) chart.getCategoryPlot().getRangeAxis();
        assertTrue(axis.getUpperBound() > 100, "room for the labels right of a full bar");
        BufferedImage img = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        List<?> ticks = axis.refreshTicks(img.createGraphics(), new AxisState(),
                new Rectangle2D.Double(0, 0, 1200, 600), RectangleEdge.BOTTOM);
        List<Double> values = ticks.stream().map(t -> ((NumberTick) t).getValue()).toList();
        assertEquals(100.0, values.stream().mapToDouble(Double::doubleValue).max().orElse(0));
        assertFalse(values.stream().anyMatch(v -> v > 100));
        assertTrue(ticks.stream().anyMatch(t -> ((NumberTick) t).getText().equals("100%")), values.toString());
    }
}
