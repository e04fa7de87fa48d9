package org.duban.service.handout;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Calendar;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessStreamCache;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.duban.i18n.LocalizedException;
import org.duban.service.io.AtomicFiles;

/**
 * Draws laid-out pages into a PDF with PDFBox. Every face is embedded as a subset (Type 0 / CIDFontType2
 * with a ToUnicode map), so the pages look the same on any machine and the text can be searched and
 * copied. The file is written beside the target and moved into place ({@link AtomicFiles}), so a failure never
 * leaves a broken or empty PDF under the real name.
 *
 * <p>Documents may be written on several threads at once: each takes its own parse of its faces. A batch
 * draws each page once: the unit files keep their drawn pages ({@link #writeKeeping}), and the
 * combined book takes them as they are ({@link #write(List, String, boolean, Path, List)}).
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
    public static void write(List<LayoutPage> pages, String title, boolean duplex, Path target,
                             PageExtras extras) {
        new Writer(extras, List.of(), false).write(pages, title, duplex, target);
    }

    /** Writes pages to {@code target} and returns them as drawn, for {@link #write(List, String, boolean, Path, List)}. */
    public static DrawnPages writeKeeping(List<LayoutPage> pages, String title, Path target) {
        return new Writer(PageExtras.NONE, List.of(), true).write(pages, title, false, target);
    }

    /**
     * Writes pages to {@code target}, taking those already drawn in {@code drawn} as they are (the same page
     * object, by identity) and drawing the others.
     */
    public static void write(List<LayoutPage> pages, String title, boolean duplex, Path target,
                             List<DrawnPages> drawn) {
        new Writer(PageExtras.NONE, drawn, false).write(pages, title, duplex, target);
    }

    /**
     * One unit's file written page by page as the pages are laid out ({@link HandoutPaginator#layout(HandoutContent,
     * HandoutSettings, java.util.function.Consumer)}): each page is drawn with PDFBox and goes to the file at once,
     * as the combined book writes its pages ({@link StreamedBook}), the fonts (subset to the characters drawn) at the
     * end. PDFBox would hold every page of a document until it is saved (some 7 KB a page: 110 MB for two units of
     * 8,000 pages under way at 50,000 tasks, issue 24); this holds where each page's content is in the file, for the
     * book to copy from. The pages print as those PDFBox saved before: the same content streams and font subsets.
     */
    static final class UnitFile {
        private final Writer writer = new Writer(PageExtras.NONE, List.of(), true);
        private final java.util.ArrayList<UnitPages.Page> pages = new java.util.ArrayList<>();
        /** The pages' font names, shared: most pages of a unit name the same faces. */
        private final Map<Map<String, FontFace>, Map<String, FontFace>> fontNames = new HashMap<>();
        private StreamedBook file;

        private UnitFile() {
        }

        /**
         * Writes {@code target}: {@code layout} lays out the unit's pages into the sink it is given. Returns the
         * pages as drawn, their contents where they are in {@code target}.
         *
         * @throws LocalizedException when the file cannot be written
         */
        static UnitPages write(Path target, String title, java.util.function.Consumer<java.util.function.Consumer<
                LayoutPage>> layout) {
            UnitFile unit = new UnitFile();
            try {
                unit.writer.open(null);
                unit.writer.detached = true;
                AtomicFiles.write(target, out -> {
                    unit.file = new StreamedBook(out);
                    layout.accept(page -> unit.add(page, target));
                    unit.file.addCodePoints(unit.writer.codePoints);
                    unit.writer.close(); // its fonts' parses are the faces' own: the book borrows them again
                    unit.file.finish(title, false);
                });
                return new UnitPages(List.copyOf(unit.pages), Map.copyOf(unit.writer.codePoints), target);
            } catch (IOException e) {
                throw new LocalizedException(e, "handout.error.write", target, e.getMessage());
            } finally {
                unit.writer.close();
            }
        }

        private void add(LayoutPage page, Path target) {
            try {
                DrawnPages.Content c = writer.add(page, pages.size());
                if (c != null) {
                    Map<String, FontFace> fonts = fontNames.computeIfAbsent(c.fonts(), k -> c.fonts()); // in order
                    pages.add(new UnitPages.Page(file.drawn(c.flate(), fonts, page.geometry()), null,
                            page.geometry()));
                } else if (page.isBlank()) {
                    file.blank(page.geometry());
                    pages.add(new UnitPages.Page(null, null, page.geometry()));
                } else {
                    throw new IllegalStateException("a handout page drew more than text and rules");
                }
            } catch (IOException e) {
                throw new LocalizedException(e, "handout.error.write", target, e.getMessage());
            }
        }
    }

    /**
     * A unit's pages as its file drew them, in order: each page's compressed content (where it is in the unit's
     * file {@code contents}; null for a blank page), with the characters drawn in each face.
     */
    record UnitPages(List<Page> pages, Map<FontFace, BitSet> codePoints, Path contents) {
        record Page(Stored content, LayoutPage undrawn, PageGeometry geometry) {
        }

        /** A page's Flate-compressed content stream: {@code length} bytes at {@code offset}, and its fonts. */
        record Stored(long offset, int length, Map<String, FontFace> fonts) {
        }
    }

    /** One document being written. */
    private static final class Writer {
        final PageExtras extras;
        final List<DrawnPages> drawn;
        final boolean keep;
        PDDocument doc;
        final Map<FontFace, PDType0Font> fonts = new HashMap<>();
        /** This document's own parses of its faces, given back when it is written. */
        final Map<FontFace, TrueTypeFont> borrowed = new HashMap<>();
        /** Characters drawn here, per face (for the pages kept, and for fonts only copied pages use). */
        final Map<FontFace, BitSet> codePoints = new HashMap<>();
        /**
         * Pages drawn only to be taken as drawn ({@link UnitFile}): not added to the document, and each content
         * stream's buffer let go once it has been read.
         */
        boolean detached;
        /** A detached document's one compressor, ended when it is closed. */
        java.util.zip.Deflater deflater;
        /** Faces set in this document's own drawing: PDFBox subsets those when saving. */
        final Set<FontFace> drawnFaces = new HashSet<>();
        final Map<DrawnPages.Content, COSStream> copied = new IdentityHashMap<>();
        /** The documents whose pages this one took (their characters join its subsets). */
        final Set<DrawnPages> sources = Collections.newSetFromMap(new IdentityHashMap<>());

        Writer(PageExtras extras, List<DrawnPages> drawn, boolean keep) {
            this.extras = extras;
            this.drawn = drawn;
            this.keep = keep;
        }

        DrawnPages write(List<LayoutPage> pages, String title, boolean duplex, Path target) {
            try {
                open(null);
                Map<LayoutPage, DrawnPages.Content> kept = keep ? new IdentityHashMap<>() : Map.of();
                for (int i = 0; i < pages.size(); i++) {
                    LayoutPage page = pages.get(i);
                    DrawnPages.Content c = add(page, i);
                    if (keep && c != null) {
                        kept.put(page, c);
                    }
                }
                save(title, duplex && !pages.isEmpty() ? pages.get(0).geometry() : null, target);
                return keep ? new DrawnPages(kept, codePoints) : null;
            } catch (IOException e) {
                throw new LocalizedException(e, "handout.error.write", target, e.getMessage());
            } finally {
                close();
            }
        }

        /** Starts the document; {@code cache} null: PDFBox's default (main memory). */
        void open(RandomAccessStreamCache.StreamCacheCreateFunction cache) {
            doc = cache == null ? new PDDocument() : new PDDocument(cache);
        }

        /**
         * Adds page {@code i} (from 0): drawn, or taken as drawn from {@link #drawn}. With {@link #keep}, returns
         * its content as drawn (null for a blank page, a copied one, or one that holds more than text and rules).
         */
        DrawnPages.Content add(LayoutPage page, int i) throws IOException {
            PageGeometry g = page.geometry();
            PDPage p = newPage(g);
            if (page.isBlank() && extras == PageExtras.NONE) {
                return null;
            }
            if (copy(page, p)) {
                return null;
            }
            // detached: drawn uncompressed and compressed here, as PDFBox would, with one Deflater (PDFBox makes one
            // a stream and leaves its 256 KB of zlib memory to the garbage collector: tens of MB at 50,000 tasks)
            try (PDPageContentStream cs = new PDPageContentStream(doc, p, PDPageContentStream.AppendMode.OVERWRITE,
                    !detached)) {
                page.draw(new Canvas(this, cs, g.height()));
                extras.draw(doc, cs, i, g);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            if (!keep) {
                return null;
            }
            if (!detached) {
                return content(p);
            }
            COSStream stream = (COSStream) p.getCOSObject().getDictionaryObject(COSName.CONTENTS);
            byte[] plain;
            try (InputStream in = stream.createRawInputStream()) {
                plain = in.readAllBytes();
            }
            stream.close(); // the document keeps its streams until it is closed: not their buffers
            if (deflater == null) {
                deflater = new java.util.zip.Deflater(org.apache.pdfbox.filter.Filter.getCompressionLevel());
            }
            deflater.reset();
            java.io.ByteArrayOutputStream flate = new java.io.ByteArrayOutputStream(plain.length / 3 + 64);
            try (java.util.zip.DeflaterOutputStream z = new java.util.zip.DeflaterOutputStream(flate, deflater)) {
                z.write(plain);
            }
            stream.setItem(COSName.FILTER, COSName.FLATE_DECODE); // for content(): what it takes as drawn
            return content(p, flate.toByteArray());
        }

        PDPage newPage(PageGeometry g) {
            PDPage p = new PDPage(new PDRectangle((float) g.width(), (float) g.height()));
            if (!detached) {
                doc.addPage(p);
            }
            return p;
        }

        /** Subsets the fonts (only the glyphs used travel in the file), describes the document and saves it. */
        void save(String title, PageGeometry duplexGeometry, Path target) throws IOException {
            subsetCopiedOnly();
            describe(title, duplexGeometry);
            AtomicFiles.write(target, out -> {
                try (OutputStream buffered = new BufferedOutputStream(out, 1 << 16)) {
                    doc.save(buffered);
                }
            });
        }

        void close() {
            try {
                if (doc != null) {
                    doc.close();
                }
            } catch (IOException e) {
                // nothing was left to write: closing only frees the document's buffers
            } finally {
                doc = null;
                if (deflater != null) {
                    deflater.end();
                    deflater = null;
                }
                borrowed.forEach(FontFace::giveBack);
                borrowed.clear();
            }
        }

        PDType0Font font(FontFace face) throws IOException {
            PDType0Font f = fonts.get(face);
            if (f == null) {
                TrueTypeFont ttf = face.borrowForWriting();
                borrowed.put(face, ttf);
                f = PDType0Font.load(doc, ttf, true);
                fonts.put(face, f);
            }
            return f;
        }

        /** Takes a page drawn for another document, if there is one: its content stream and its fonts. */
        private boolean copy(LayoutPage page, PDPage p) throws IOException {
            if (extras != PageExtras.NONE) {
                return false;
            }
            for (DrawnPages source : drawn) {
                DrawnPages.Content c = source.content(page);
                if (c == null) {
                    continue;
                }
                if (sources.add(source)) {
                    joinCodePoints(source.codePoints());
                }
                place(c, p);
                return true;
            }
            return false;
        }

        void joinCodePoints(Map<FontFace, BitSet> more) {
            more.forEach((face, cps) -> codePoints.computeIfAbsent(face, k -> new BitSet()).or(cps));
        }

        /** Sets a drawn page's content on {@code p}: its content stream (shared by a unit's copies) and fonts. */
        void place(DrawnPages.Content c, PDPage p) throws IOException {
            COSStream stream = copied.get(c);
            if (stream == null) { // a unit's second copy shares the first one's content stream
                stream = doc.getDocument().createCOSStream();
                stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
                try (OutputStream out = stream.createRawOutputStream()) {
                    out.write(c.flate());
                }
                copied.put(c, stream);
            }
            PDResources resources = new PDResources();
            for (var e : c.fonts().entrySet()) {
                resources.put(COSName.getPDFName(e.getKey()), font(e.getValue()));
            }
            p.setResources(resources);
            p.getCOSObject().setItem(COSName.CONTENTS, stream);
        }

        /** A page as drawn, or null when it holds more than compressed text and rules in our fonts. */
        private DrawnPages.Content content(PDPage p) throws IOException {
            return content(p, null);
        }

        /** {@link #content(PDPage)}, with its content stream {@code flate} (null: as the page holds it). */
        private DrawnPages.Content content(PDPage p, byte[] flate) throws IOException {
            COSBase contents = p.getCOSObject().getDictionaryObject(COSName.CONTENTS);
            PDResources resources = p.getResources();
            if (!(contents instanceof COSStream stream) || resources == null
                    || !COSName.FLATE_DECODE.equals(stream.getFilters())) {
                return null;
            }
            COSDictionary res = resources.getCOSObject();
            if (res.size() > 1 || res.size() == 1 && !res.containsKey(COSName.FONT)) {
                return null;
            }
            Map<String, FontFace> names = new LinkedHashMap<>();
            COSDictionary fontDict = res.getCOSDictionary(COSName.FONT);
            if (fontDict != null) {
                for (COSName name : fontDict.keySet()) {
                    FontFace face = faceOf(fontDict.getItem(name));
                    if (face == null) {
                        return null;
                    }
                    names.put(name.getName(), face);
                }
            }
            if (flate != null) {
                return new DrawnPages.Content(flate, names);
            }
            try (InputStream in = stream.createRawInputStream()) {
                return new DrawnPages.Content(in.readAllBytes(), names);
            }
        }

        private FontFace faceOf(COSBase item) {
            COSBase dict = item instanceof COSObject o ? o.getObject() : item;
            for (var e : fonts.entrySet()) {
                if (e.getValue().getCOSObject() == dict) {
                    return e.getKey();
                }
            }
            return null;
        }

        /**
         * The characters of copied pages join their fonts' subsets. PDFBox subsets, when saving, the fonts
         * that its content streams set; a font that only copied pages use is subset here.
         */
        private void subsetCopiedOnly() throws IOException {
            for (var e : fonts.entrySet()) {
                BitSet cps = codePoints.getOrDefault(e.getKey(), new BitSet());
                for (int cp = cps.nextSetBit(0); cp >= 0; cp = cps.nextSetBit(cp + 1)) {
                    e.getValue().addToSubset(cp);
                }
                if (!drawnFaces.contains(e.getKey())) {
                    e.getValue().subset();
                }
            }
        }

        private void describe(String title, PageGeometry duplexGeometry) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(title);
            info.setCreator("督办台 Duban Desk");
            info.setCreationDate(Calendar.getInstance());
            doc.getDocumentCatalog().setLanguage("zh-CN");
            PDViewerPreferences prefs = new PDViewerPreferences(new COSDictionary());
            prefs.setDisplayDocTitle(true);
            if (duplexGeometry != null) {
                prefs.setDuplex(duplexGeometry.landscape()
                        ? PDViewerPreferences.DUPLEX.DuplexFlipShortEdge
                        : PDViewerPreferences.DUPLEX.DuplexFlipLongEdge);
            }
            doc.getDocumentCatalog().setViewerPreferences(prefs);
        }
    }

    /** PDF coordinates have their origin at the bottom left: y is flipped here. */
    private record Canvas(Writer writer, PDPageContentStream cs, double pageHeight) implements PageCanvas {
        @Override
        public void text(Span span, double x, double baseline, double size) {
            try {
                FontFace face = span.face();
                cs.beginText();
                cs.setFont(writer.font(face), (float) size);
                writer.drawnFaces.add(face);
                cs.newLineAtOffset((float) x, (float) (pageHeight - baseline));
                cs.showText(span.text());
                cs.endText();
                if (writer.keep) {
                    BitSet cps = writer.codePoints.computeIfAbsent(face, k -> new BitSet());
                    String t = span.text();
                    for (int i = 0; i < t.length(); ) {
                        int cp = t.codePointAt(i);
                        cps.set(cp);
                        i += Character.charCount(cp);
                    }
                }
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
    }
}
