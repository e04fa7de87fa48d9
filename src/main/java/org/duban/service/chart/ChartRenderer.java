package org.duban.service.chart;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.duban.i18n.LocalizedException;
import org.duban.service.io.AtomicFiles;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;

/**
 * Draws a chart into PNG, SVG or PDF, or into an image (for the clipboard) or a PDF form (for documents that place
 * a chart on a page). Headless: {@code java.awt.headless=true} is enough.
 *
 * <p>A chart's type sizes are for a 1280 × 720 canvas ({@link ChartStyle}). An output of another size is drawn on a
 * canvas of the same proportions scaled by {@link #scale}: a 1920 × 1080 PNG is the 1280 × 720 chart at 1.5×, a
 * 3840 × 2160 one (for print) at 3×, so the text grows with the picture.
 *
 * <p>Files are written to a temporary name beside the target and moved into place, so a failure never leaves a
 * half-written file. Text in SVG and PDF is drawn as outlines: the file shows the same on machines without the
 * font.
 */
public final class ChartRenderer {
    /** The default export size: a full-HD slide. */
    public static final int DEFAULT_WIDTH = 1920;
    public static final int DEFAULT_HEIGHT = 1080;
    /** The canvas the type sizes are chosen for. */
    public static final double BASE_WIDTH = 1280;
    public static final double BASE_HEIGHT = 720;
    /** Beyond this a PNG is refused (8K wide): bigger helps nobody and runs out of memory. */
    public static final int MAX_SIDE = 8000;

    /** The file formats, by file extension. */
    public enum Format {
        PNG, SVG, PDF;

        /** From a file name's extension; a name without a known one is refused with a message. */
        public static Format of(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            for (Format f : values()) {
                if (name.endsWith("." + f.name().toLowerCase(Locale.ROOT))) {
                    return f;
                }
            }
            throw new LocalizedException("chart.error.format", file.getFileName());
        }

        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private ChartRenderer() {
    }

    /** How much the 1280 × 720 canvas is enlarged to fill {@code width} × {@code height}. */
    public static double scale(int width, int height) {
        return Math.min(width / BASE_WIDTH, height / BASE_HEIGHT);
    }

    /** The chart as an opaque image of exactly {@code width} × {@code height} pixels. */
    public static BufferedImage image(JFreeChart chart, int width, int height) {
        checkSize(width, height);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            draw(chart, g, width, height);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Draws the chart to fill {@code width} × {@code height} of {@code g}, scaled as described above. */
    public static void draw(JFreeChart chart, Graphics2D g, double width, double height) {
        double s = Math.min(width / BASE_WIDTH, height / BASE_HEIGHT);
        g.setPaint(chart.getBackgroundPaint());
        g.fill(new Rectangle2D.Double(0, 0, width, height));
        Graphics2D scaled = (Graphics2D) g.create();
        try {
            scaled.scale(s, s);
            chart.draw(scaled, new Rectangle2D.Double(0, 0, width / s, height / s));
        } finally {
            scaled.dispose();
        }
    }

    /** Writes PNG, SVG or PDF, chosen by the file's extension. */
    public static void write(JFreeChart chart, Path file, int width, int height) {
        switch (Format.of(file)) {
            case PNG -> writePng(chart, file, width, height);
            case SVG -> writeSvg(chart, file, width, height);
            case PDF -> writePdf(chart, file, width, height);
            default -> throw new IllegalStateException();
        }
    }

    public static void writePng(JFreeChart chart, Path file, int width, int height) {
        BufferedImage img = image(chart, width, height);
        atomically(file, out -> ImageIO.write(img, "png", out));
    }

    /** SVG of {@code width} × {@code height} (pixels), text as outlines. */
    public static String svg(JFreeChart chart, int width, int height) {
        checkSize(width, height);
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_VECTOR);
        draw(chart, g, width, height);
        return g.getSVGDocument();
    }

    public static void writeSvg(JFreeChart chart, Path file, int width, int height) {
        String svg = svg(chart, width, height);
        atomically(file, out -> out.write(svg.getBytes(StandardCharsets.UTF_8)));
    }

    /** A one-page PDF whose page is the chart, {@code width} × {@code height} points. */
    public static void writePdf(JFreeChart chart, Path file, int width, int height) {
        checkSize(width, height);
        atomically(file, out -> {
            try (PDDocument doc = new PDDocument()) {
                PDPage page = new PDPage(new PDRectangle(width, height));
                doc.addPage(page);
                PDFormXObject form = pdfForm(doc, chart, width, height);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.drawForm(form);
                }
                doc.save(out);
            }
        });
    }

    /**
     * The chart as a PDF form of {@code width} × {@code height} points, to be placed on a page of {@code doc} with
     * {@code contentStream.drawForm(form)} (translate and scale first to put it where it belongs).
     */
    public static PDFormXObject pdfForm(PDDocument doc, JFreeChart chart, float width, float height)
            throws IOException {
        PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, width, height);
        try {
            draw(chart, g, width, height);
        } finally {
            g.dispose();
        }
        return g.getXFormObject();
    }

    private static void checkSize(int width, int height) {
        if (width < 100 || height < 100 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new LocalizedException("chart.error.size", width, height, 100, MAX_SIDE);
        }
    }

    private static void atomically(Path file, AtomicFiles.Body body) {
        Path target = file.toAbsolutePath();
        try {
            AtomicFiles.write(target, body);
        } catch (IOException e) {
            throw new LocalizedException(e, "chart.error.write", target, e.getMessage());
        }
    }
}
