package org.duban.service.handout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.duban.i18n.LocalizedException;
import org.duban.service.io.AtomicFiles;

/**
 * Draws laid-out pages into a PDF with PDFBox. Every face is embedded as a subset (Type 0 / CIDFontType2
 * with a ToUnicode map), so the pages look the same on any machine and the text can be searched and
 * copied. The file is written beside the target and moved into place ({@link AtomicFiles}), so a failure never
 * leaves a broken or empty PDF under the real name.
 */
public final class PdfHandoutWriter {

    private PdfHandoutWriter() {
    }

    /**
     * What a document draws on a page besides its laid-out text and rules (a chart in a bulletin), with PDFBox,
     * after the page's text. {@code pageIndex} counts from 0.
     */
    @FunctionalInterface
    public interface PageExtras {
        void draw(PDDocument doc, PDPageContentStream cs, int pageIndex, PageGeometry geometry) throws IOException;

        PageExtras NONE = (doc, cs, i, g) -> { };
    }

    /**
     * Writes pages to {@code target}.
     *
     * @param title  the document title (shown by PDF viewers)
     * @param duplex ask viewers to print on both sides (for the combined file)
     * @throws LocalizedException when the file cannot be written
     */
    public static void write(List<LayoutPage> pages, String title, boolean duplex, Path target) {
        write(pages, title, duplex, target, PageExtras.NONE);
    }

    /** Writes pages to {@code target}, drawing {@code extras} on each page after its layout. */
    public static synchronized void write(List<LayoutPage> pages, String title, boolean duplex, Path target,
                                          PageExtras extras) {
        try {
            try (PDDocument doc = new PDDocument()) {
                Map<FontFace, PDFont> fonts = new HashMap<>();
                for (int i = 0; i < pages.size(); i++) {
                    LayoutPage page = pages.get(i);
                    PageGeometry g = page.geometry();
                    PDPage p = new PDPage(new PDRectangle((float) g.width(), (float) g.height()));
                    doc.addPage(p);
                    if (page.isBlank() && extras == PageExtras.NONE) {
                        continue;
                    }
                    try (PDPageContentStream cs = new PDPageContentStream(doc, p)) {
                        page.draw(new Canvas(doc, cs, g.height(), fonts));
                        extras.draw(doc, cs, i, g);
                    } catch (UncheckedIOException e) {
                        throw e.getCause();
                    }
                }
                PDDocumentInformation info = doc.getDocumentInformation();
                info.setTitle(title);
                info.setCreator("督办台 Duban Desk");
                info.setCreationDate(Calendar.getInstance());
                doc.getDocumentCatalog().setLanguage("zh-CN");
                PDViewerPreferences prefs = new PDViewerPreferences(new org.apache.pdfbox.cos.COSDictionary());
                prefs.setDisplayDocTitle(true);
                if (duplex && !pages.isEmpty()) {
                    prefs.setDuplex(pages.get(0).geometry().landscape()
                            ? PDViewerPreferences.DUPLEX.DuplexFlipShortEdge
                            : PDViewerPreferences.DUPLEX.DuplexFlipLongEdge);
                }
                doc.getDocumentCatalog().setViewerPreferences(prefs);
                AtomicFiles.write(target, doc::save); // subsets the fonts: only the glyphs used travel in the file
            }
        } catch (IOException e) {
            throw new LocalizedException(e, "handout.error.write", target, e.getMessage());
        }
    }

    /** PDF coordinates have their origin at the bottom left: y is flipped here. */
    private record Canvas(PDDocument doc, PDPageContentStream cs, double pageHeight, Map<FontFace, PDFont> fonts)
            implements PageCanvas {
        @Override
        public void text(Span span, double x, double baseline, double size) {
            try {
                cs.beginText();
                cs.setFont(font(span.face()), (float) size);
                cs.newLineAtOffset((float) x, (float) (pageHeight - baseline));
                cs.showText(span.text());
                cs.endText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, double width) {
            try {
                cs.setLineWidth((float) width);
                cs.moveTo((float) x1, (float) (pageHeight - y1));
                cs.lineTo((float) x2, (float) (pageHeight - y2));
                cs.stroke();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private PDFont font(FontFace face) throws IOException {
            PDFont f = fonts.get(face);
            if (f == null) {
                synchronized (face) {
                    f = PDType0Font.load(doc, face.ttf(), true);
                }
                fonts.put(face, f);
            }
            return f;
        }
    }
}
