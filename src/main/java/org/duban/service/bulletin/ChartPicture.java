package org.duban.service.bulletin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;
import org.duban.service.chart.ChartRenderer;
import org.jfree.chart.JFreeChart;

/** A chart of the charts service as a document's picture: rendered by its renderer, as PNG or vector PDF. */
final class ChartPicture implements Picture {
    private final JFreeChart chart;

    ChartPicture(JFreeChart chart) {
        this.chart = chart;
    }

    @Override
    public byte[] png(int width, int height) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(ChartRenderer.image(chart, width, height), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory
        }
    }

    @Override
    public void drawPdf(PDDocument doc, PDPageContentStream cs, float x, float y, float width, float height)
            throws IOException {
        // drawn at 16:9 of the renderer's base size, then scaled: type sizes as on a 1280×720 slide, reduced
        float baseWidth = (float) ChartRenderer.BASE_WIDTH;
        float baseHeight = baseWidth * height / width;
        PDFormXObject form = ChartRenderer.pdfForm(doc, chart, baseWidth, baseHeight);
        cs.saveGraphicsState();
        cs.transform(Matrix.getTranslateInstance(x, y));
        cs.transform(Matrix.getScaleInstance(width / baseWidth, height / baseHeight));
        cs.drawForm(form);
        cs.restoreGraphicsState();
    }
}
