package org.duban.service.bulletin;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/** A picture a document carries (a chart): as PNG for Word and slides, as vector drawing for a PDF. */
public interface Picture {
    /** The picture as PNG, {@code width} × {@code height} pixels. */
    byte[] png(int width, int height);

    /** Draws the picture into a PDF page with its lower left corner at ({@code x}, {@code y}), in points. */
    void drawPdf(PDDocument doc, PDPageContentStream cs, float x, float y, float width, float height)
            throws IOException;
}
