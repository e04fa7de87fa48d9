package org.duban.service.chart;

import java.awt.Color;
import java.util.Map;
import org.duban.model.TaskStatus;
import org.duban.model.WarningLight;

/**
 * How a chart looks: colours and type sizes. Sizes are pixels on a 1280 × 720 canvas; exports of other sizes are
 * drawn on that canvas and scaled (see {@link ChartRenderer}), so text keeps its share of the picture.
 *
 * <p>The light palette is chosen for grey print: every status and every light has its own lightness (the
 * segments of a stacked bar stay apart in black and white), bars carry their counts as labels, and the two trend
 * lines differ in dash as well as colour. The dark palette is the projector's high-contrast theme.
 *
 * @param dark true for light text on a black background (projector)
 */
public record ChartStyle(boolean dark, Color background, Color text, Color grid, float title, float subtitle,
                         float axis, float tick, float itemLabel, float legend) {

    /** The window and exported images. */
    public static ChartStyle screen() {
        return new ChartStyle(false, Color.WHITE, new Color(0x1F, 0x23, 0x28), new Color(0xD0, 0xD7, 0xDE),
                24, 16, 16, 15, 14, 15);
    }

    /**
     * The projector: white on black, and at 1920 × 1080 (scale 1.5) titles of 48 px and labels of at least 24 px.
     */
    public static ChartStyle projector() {
        return new ChartStyle(true, Color.BLACK, Color.WHITE, new Color(0x55, 0x55, 0x55), 32, 20, 18, 17, 17, 17);
    }

    /** The same look with every type size multiplied by {@code factor} (for a chart shown at another size). */
    public ChartStyle scaled(double factor) {
        float f = (float) factor;
        return new ChartStyle(dark, background, text, grid, title * f, subtitle * f, axis * f, tick * f,
                itemLabel * f, legend * f);
    }

    private static final Map<TaskStatus, Color> STATUS_LIGHT = Map.of(
            TaskStatus.NOT_STARTED, new Color(0xEE, 0xEE, 0xEE),   // L* ≈ 94
            TaskStatus.BEHIND_SCHEDULE, new Color(0xC0, 0x39, 0x2B), // ≈ 46
            TaskStatus.ON_SCHEDULE, new Color(0x86, 0xAE, 0xE0),     // ≈ 70
            TaskStatus.COMPLETED, new Color(0xB2, 0xDB, 0xA6),       // ≈ 84
            TaskStatus.ACCEPTED, new Color(0x5F, 0xA5, 0x5A),        // ≈ 61
            TaskStatus.CLOSED, new Color(0x1B, 0x5E, 0x20));         // ≈ 35
    private static final Map<TaskStatus, Color> STATUS_DARK = Map.of(
            TaskStatus.NOT_STARTED, new Color(0x9E, 0x9E, 0x9E),
            TaskStatus.BEHIND_SCHEDULE, new Color(0xFF, 0x5A, 0x5A),
            TaskStatus.ON_SCHEDULE, new Color(0x64, 0xB5, 0xF6),
            TaskStatus.COMPLETED, new Color(0xE6, 0xF5, 0xC9),
            TaskStatus.ACCEPTED, new Color(0x9C, 0xE0, 0x8E),
            TaskStatus.CLOSED, new Color(0x2E, 0xCC, 0x71));
    private static final Map<WarningLight, Color> LIGHT_LIGHT = Map.of(
            WarningLight.RED, new Color(0xC6, 0x28, 0x28),    // ≈ 42
            WarningLight.YELLOW, new Color(0xF4, 0xC4, 0x30), // ≈ 81
            WarningLight.GREEN, new Color(0x4C, 0xAF, 0x50)); // ≈ 64
    private static final Map<WarningLight, Color> LIGHT_DARK = Map.of(
            WarningLight.RED, new Color(0xFF, 0x52, 0x52),
            WarningLight.YELLOW, new Color(0xFF, 0xD7, 0x40),
            WarningLight.GREEN, new Color(0x69, 0xF0, 0xAE));

    public Color status(TaskStatus s) {
        return (dark ? STATUS_DARK : STATUS_LIGHT).get(s);
    }

    public Color light(WarningLight l) {
        return (dark ? LIGHT_DARK : LIGHT_LIGHT).get(l);
    }

    /** The one colour of single-series bars (the ranking). */
    public Color bar() {
        return dark ? new Color(0x64, 0xB5, 0xF6) : new Color(0x2F, 0x5D, 0x8C);
    }

    /** The trend's two lines: completed, then closed. */
    public Color line(int series) {
        if (dark) {
            return series == 0 ? new Color(0x64, 0xB5, 0xF6) : new Color(0x69, 0xF0, 0xAE);
        }
        return series == 0 ? new Color(0x2F, 0x5D, 0x8C) : new Color(0x1B, 0x5E, 0x20);
    }

    /** Black or white, whichever reads better on {@code fill}. */
    public static Color textOn(Color fill) {
        double luminance = (0.2126 * fill.getRed() + 0.7152 * fill.getGreen() + 0.0722 * fill.getBlue()) / 255;
        return luminance > 0.45 ? Color.BLACK : Color.WHITE;
    }
}
