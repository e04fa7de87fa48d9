package org.duban.ui.handouts;

import java.util.HashMap;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontSmoothingType;
import javafx.scene.text.Text;
import org.duban.service.handout.FontFace;
import org.duban.service.handout.LayoutPage;
import org.duban.service.handout.PageCanvas;
import org.duban.service.handout.Span;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Draws a laid-out page as JavaFX nodes, one unit = one point: the preview shows these nodes scaled, and
 * the printer prints them ({@code PrinterJob} takes node coordinates in points). Text is set in the very
 * faces that pagination measured, loaded into JavaFX from the same files.
 */
public final class PageNodes {
    private static final Logger LOG = LoggerFactory.getLogger(PageNodes.class);
    /** JavaFX's name of each font file loaded (a bundled face and its full twin share the file). */
    private static final Map<String, String> NAMES = new HashMap<>();

    private PageNodes() {
    }

    /** A page-sized pane (points) with the page's rules and text; transparent where the page is blank. */
    public static Pane render(LayoutPage page) {
        Pane pane = new Pane();
        double w = page.geometry().width();
        double h = page.geometry().height();
        pane.setMinSize(w, h);
        pane.setPrefSize(w, h);
        pane.setMaxSize(w, h);
        page.draw(new PageCanvas() {
            @Override
            public void text(Span span, double x, double baseline, double size) {
                Text t = new Text(x, baseline, span.text());
                t.setTextOrigin(VPos.BASELINE);
                t.setFont(font(span.face(), size));
                t.setFill(Color.BLACK);
                t.setFontSmoothingType(FontSmoothingType.GRAY);
                pane.getChildren().add(t);
            }

            @Override
            public void line(double x1, double y1, double x2, double y2, double width) {
                Line l = new Line(x1, y1, x2, y2);
                l.setStrokeWidth(width);
                l.setStroke(Color.BLACK);
                l.setStrokeLineCap(StrokeLineCap.SQUARE);
                pane.getChildren().add(l);
            }
        });
        return pane;
    }

    /** The JavaFX font of a face at a size; the face is loaded into JavaFX once. */
    public static Font font(FontFace face, double size) {
        String name;
        synchronized (NAMES) {
            name = NAMES.computeIfAbsent(face.url() + "#" + face.fullName(), k -> load(face));
        }
        return new Font(name, size);
    }

    private static String load(FontFace face) {
        String wanted = face.fullName();
        if (face.isCollection()) {
            Font[] all = Font.loadFonts(face.url(), 12);
            if (all != null) {
                for (Font f : all) {
                    if (f.getName().equalsIgnoreCase(wanted)) {
                        return f.getName();
                    }
                }
                if (all.length > 0) {
                    return all[0].getName();
                }
            }
        } else {
            Font f = Font.loadFont(face.url(), 12);
            if (f != null) {
                return f.getName();
            }
        }
        LOG.warn("JavaFX could not load the font {}; the preview uses {}", face.location(), wanted);
        return wanted;
    }
}
