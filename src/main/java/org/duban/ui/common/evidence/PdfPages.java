package org.duban.ui.common.evidence;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.duban.ui.common.TaskRunner;

/**
 * A PDF opened for the evidence viewer: the size of each page, turned as shown, and its pages rendered in the
 * background one at a time, the last few kept by page and resolution. Rendering and closing hold the document's lock,
 * so the document is not closed under a render.
 */
final class PdfPages {
    private final PDDocument document;
    private final PDRectangle[] sizes;
    /** Rendered pages by page and resolution (page * 10000 + dpi), the last few kept. */
    private final Map<Integer, Image> rendered = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Image> eldest) {
            return size() > 4;
        }
    };
    /** The page asked of the renderer, or -1. */
    private int pending = -1;

    private PdfPages(PDDocument document, PDRectangle[] sizes) {
        this.document = document;
        this.sizes = sizes;
    }

    /** Parses the file and measures its pages: in the background. */
    static PdfPages load(byte[] bytes) throws IOException {
        PDDocument d = Loader.loadPDF(bytes);
        PDRectangle[] sizes = new PDRectangle[d.getNumberOfPages()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = d.getPage(i).getCropBox();
            if (d.getPage(i).getRotation() % 180 != 0) {
                sizes[i] = new PDRectangle(sizes[i].getHeight(), sizes[i].getWidth());
            }
        }
        return new PdfPages(d, sizes);
    }

    int count() {
        return sizes.length;
    }

    /** The page's size in PDF points (1/72 inch), turned as shown. */
    PDRectangle size(int page) {
        return sizes[page];
    }

    /** The page rendered at {@code dpi} if it is kept, else null. */
    Image cached(int page, int dpi) {
        return rendered.get(page * 10000 + dpi);
    }

    /** The page being rendered, or -1. */
    int pending() {
        return pending;
    }

    /** Renders a page in the background and keeps it; then {@code onDone} or {@code onError} on the FX thread. */
    void render(TaskRunner runner, int page, int dpi, Consumer<Image> onDone, Consumer<Throwable> onError) {
        pending = page;
        runner.run(() -> {
            synchronized (document) {
                BufferedImage img = new PDFRenderer(document).renderImageWithDPI(page, dpi, ImageType.RGB);
                return SwingFXUtils.toFXImage(img, null);
            }
        }, img -> {
            pending = -1;
            rendered.put(page * 10000 + dpi, img);
            onDone.accept(img);
        }, e -> {
            pending = -1;
            onError.accept(e);
        });
    }

    /** Forgets the pages kept and closes the document in the background, after a render under way. */
    void close(TaskRunner runner) {
        rendered.clear();
        runner.run(() -> {
            synchronized (document) {
                document.close();
            }
            return document;
        }, d -> { }, e -> { });
    }
}
