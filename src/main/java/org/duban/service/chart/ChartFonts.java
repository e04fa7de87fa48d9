package org.duban.service.chart;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import org.duban.i18n.LocalizedException;

/**
 * The faces charts are drawn in: the bundled Noto Sans SC (regular and bold), loaded as AWT fonts straight from the
 * program, so a chart looks the same on every machine, with or without Chinese fonts installed, and in PNG, SVG and
 * PDF alike. The faces are also registered with this program's graphics environment (not with the system), since
 * some drawing paths (JFreeSVG's styled text, the window's FXGraphics2D) look a font up by its family name.
 */
public final class ChartFonts {
    static final String REGULAR = "/assets/fonts/NotoSansSC-Regular.ttf";
    static final String BOLD = "/assets/fonts/NotoSansSC-Bold.ttf";
    private static ChartFonts instance;

    private final Font regular;
    private final Font bold;

    private ChartFonts(Font regular, Font bold) {
        this.regular = regular;
        this.bold = bold;
    }

    /** The fonts, read once (some 20 MB; the first call takes a moment, so call it off the FX thread). */
    public static synchronized ChartFonts get() {
        if (instance == null) {
            instance = new ChartFonts(load(REGULAR), load(BOLD));
            java.awt.GraphicsEnvironment env = java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment();
            env.registerFont(instance.regular); // false when the machine has the family already: the same glyphs
            env.registerFont(instance.bold);
        }
        return instance;
    }

    private static Font load(String resource) {
        try (InputStream in = ChartFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new LocalizedException("chart.error.font", resource);
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new LocalizedException(e, "chart.error.font", resource);
        }
    }

    public Font regular(float size) {
        return regular.deriveFont(Font.PLAIN, size);
    }

    /** The bold face, marked bold, so that a lookup by family and style finds it again. */
    public Font bold(float size) {
        return bold.deriveFont(Font.BOLD, size);
    }

    /** True when the regular face can draw every character of {@code text}. */
    public boolean canDisplay(String text) {
        return regular.canDisplayUpTo(text) < 0;
    }
}
