package org.duban.service.handout;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Calendar;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.COSWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.DateConverter;

/**
 * The combined book for duplex printing, written to its file as the units' files are done: each page's content
 * stream (compressed, as the unit's file drew it) and the page go out at once, and only their places in the file are
 * kept; the fonts, subset to every character of every unit, follow at the end with the page tree and the catalogue.
 * PDFBox holds each page of a document it writes as objects and a buffer of at least 4 KB until it saves (some 5 KB a
 * page: 0.45 GB for the 85,000 pages of a 50,000-task meeting); this writer holds 12 bytes a page.
 *
 * <p>The pages print as those of the book PDFBox wrote before (the same content streams, the same font subsets,
 * made by PDFBox): a classic cross-reference table instead of object streams, so the file is somewhat larger.
 */
final class StreamedBook {
    private static final byte[] EOL = {'\n'};

    private final Counting out;
    private long[] offsets = new long[1024]; // by object number; 0 = not yet written
    private int nextObject = 1;
    private final int catalog = reserve();
    private final int pageTree = reserve();
    private int[] pages = new int[1024];
    private int pageCount;
    private PageGeometry first;
    /** The Type 0 font object of each face, reserved when a page first names it. */
    private final Map<FontFace, Integer> fonts = new LinkedHashMap<>();
    private final Map<FontFace, BitSet> codePoints = new HashMap<>();
    private byte[] copyBuffer = new byte[1 << 14];

    StreamedBook(OutputStream target) throws IOException {
        out = new Counting(new BufferedOutputStream(target, 1 << 16));
        out.write("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * Appends {@code copies} copies of a unit's pages, each starting on an odd page, their contents copied from the
     * unit's file one page at a time.
     */
    void append(PdfHandoutWriter.UnitPages unit, int copies) throws IOException {
        addCodePoints(unit.codePoints());
        int n = unit.pages().size();
        int[] contents = new int[n]; // a unit's second copy shares the first one's content streams
        try (RandomAccessFile stored = unit.contents() == null ? null : new RandomAccessFile(unit.contents().toFile(),
                "r")) {
            for (int c = 0; c < copies; c++) {
                for (int i = 0; i < n; i++) {
                    PdfHandoutWriter.UnitPages.Page page = unit.pages().get(i);
                    if (page.undrawn() != null) {
                        throw new IllegalStateException("a handout page drew more than text and rules");
                    }
                    if (page.content() != null && contents[i] == 0) {
                        contents[i] = contentStream(stored, page.content());
                    }
                    page(page.geometry(), page.content() == null ? null : page.content().fonts(), contents[i]);
                }
                if (n % 2 == 1) {
                    page(unit.pages().get(n - 1).geometry(), null, 0);
                }
            }
        }
    }

    /**
     * Writes a page drawn for this file (a unit's own file): its content stream as drawn, then the page. Gives where
     * the content's bytes are in the file, for the combined book to copy them.
     */
    PdfHandoutWriter.UnitPages.Stored drawn(byte[] flate, Map<String, FontFace> fonts, PageGeometry g)
            throws IOException {
        int number = reserve();
        begin(number);
        ascii("<<\n/Length " + flate.length + "\n/Filter /FlateDecode\n>>\nstream\r\n");
        long at = out.count;
        out.write(flate);
        ascii("\r\nendstream");
        end();
        page(g, fonts, number);
        return new PdfHandoutWriter.UnitPages.Stored(at, flate.length, fonts);
    }

    /** Writes a blank page. */
    void blank(PageGeometry g) throws IOException {
        page(g, null, 0);
    }

    /** The characters drawn in each face: the fonts' subsets hold them. */
    void addCodePoints(Map<FontFace, BitSet> drawn) {
        drawn.forEach((face, cps) -> codePoints.computeIfAbsent(face, k -> new BitSet()).or(cps));
    }

    int pageCount() {
        return pageCount;
    }

    /**
     * Writes the fonts, the page tree, the catalogue and the cross-reference table; {@code duplex}: asks viewers to
     * print on both sides (the combined book).
     */
    void finish(String title, boolean duplex) throws IOException {
        try (PDDocument fontDoc = new PDDocument()) {
            for (var e : fonts.entrySet()) {
                FontFace face = e.getKey();
                PDType0Font font = PDType0Font.load(fontDoc, face.borrowForWriting(), true);
                BitSet cps = codePoints.getOrDefault(face, new BitSet());
                for (int cp = cps.nextSetBit(0); cp >= 0; cp = cps.nextSetBit(cp + 1)) {
                    font.addToSubset(cp);
                }
                font.subset();
                new Graph().writeObject(e.getValue(), font.getCOSObject());
                face.giveBack(null);
            }
        }
        begin(pageTree);
        out.write("<<\n/Type /Pages\n/Kids [".getBytes(StandardCharsets.ISO_8859_1));
        for (int i = 0; i < pageCount; i++) {
            ascii((i % 16 == 0 ? "\n" : " ") + pages[i] + " 0 R");
        }
        ascii("\n]\n/Count " + pageCount + "\n>>");
        end();
        int info = reserve();
        begin(catalog);
        ascii("<<\n/Type /Catalog\n/Pages " + pageTree + " 0 R\n/Lang ");
        COSWriter.writeString(new COSString("zh-CN"), out);
        ascii("\n/ViewerPreferences << /DisplayDocTitle true");
        if (duplex && first != null) {
            ascii(" /Duplex /" + (first.landscape() ? "DuplexFlipShortEdge" : "DuplexFlipLongEdge"));
        }
        ascii(" >>\n>>");
        end();
        begin(info);
        ascii("<<\n/Title ");
        COSWriter.writeString(new COSString(title), out);
        ascii("\n/Creator ");
        COSWriter.writeString(new COSString("督办台 Duban Desk"), out);
        ascii("\n/CreationDate ");
        COSWriter.writeString(new COSString(DateConverter.toString(Calendar.getInstance())), out);
        ascii("\n>>");
        end();
        long xref = out.count;
        ascii("xref\n0 " + nextObject + "\n0000000000 65535 f\r\n");
        for (int i = 1; i < nextObject; i++) {
            ascii(String.format("%010d 00000 n\r\n", offsets[i]));
        }
        ascii("trailer\n<<\n/Size " + nextObject + "\n/Root " + catalog + " 0 R\n/Info " + info + " 0 R\n>>\nstartxref\n"
                + xref + "\n%%EOF\n");
        out.flush();
    }

    private void page(PageGeometry g, Map<String, FontFace> content, int stream) throws IOException {
        if (first == null) {
            first = g;
        }
        int number = reserve();
        if (pageCount == pages.length) {
            pages = Arrays.copyOf(pages, pageCount * 2);
        }
        pages[pageCount++] = number;
        begin(number);
        ascii("<<\n/Type /Page\n/Parent " + pageTree + " 0 R\n/MediaBox [0.0 0.0 ");
        new COSFloat((float) g.width()).writePDF(out);
        ascii(" ");
        new COSFloat((float) g.height()).writePDF(out);
        ascii("]");
        if (content != null) {
            ascii("\n/Resources <<");
            if (!content.isEmpty()) {
                ascii(" /Font <<");
                for (var f : content.entrySet()) {
                    Integer font = fonts.computeIfAbsent(f.getValue(), k -> reserve());
                    out.write(' ');
                    COSName.getPDFName(f.getKey()).writePDF(out);
                    ascii(" " + font + " 0 R");
                }
                ascii(" >>");
            }
            ascii(" >>\n/Contents " + stream + " 0 R");
        }
        ascii("\n>>");
        end();
    }

    private int contentStream(RandomAccessFile stored, PdfHandoutWriter.UnitPages.Stored content) throws IOException {
        int number = reserve();
        begin(number);
        ascii("<<\n/Length " + content.length() + "\n/Filter /FlateDecode\n>>\nstream\r\n");
        if (copyBuffer.length < content.length()) {
            copyBuffer = new byte[Math.max(content.length(), copyBuffer.length * 2)];
        }
        stored.seek(content.offset());
        stored.readFully(copyBuffer, 0, content.length());
        out.write(copyBuffer, 0, content.length());
        ascii("\r\nendstream");
        end();
        return number;
    }

    private int reserve() {
        if (nextObject == offsets.length) {
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
        }
        return nextObject++;
    }

    private void begin(int number) throws IOException {
        offsets[number] = out.count;
        ascii(number + " 0 obj\n");
    }

    private void end() throws IOException {
        ascii("\nendobj\n");
    }

    private void ascii(String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * Writes a font as PDFBox made it: streams and dictionaries with a /Type as objects of their own (a font
     * descriptor must be one), everything else in place.
     */
    private final class Graph {
        private final Map<COSBase, Integer> numbers = new IdentityHashMap<>();
        private final java.util.ArrayDeque<COSBase> pending = new java.util.ArrayDeque<>();

        void writeObject(int number, COSDictionary root) throws IOException {
            numbers.put(root, number);
            pending.add(root);
            while (!pending.isEmpty()) {
                COSBase o = pending.poll();
                begin(numbers.get(o));
                if (o instanceof COSStream s) {
                    stream(s);
                } else {
                    direct(o);
                }
                end();
            }
        }

        private boolean indirect(COSBase o) {
            return o instanceof COSStream || o instanceof COSDictionary d && d.containsKey(COSName.TYPE);
        }

        private void value(COSBase v) throws IOException {
            COSBase o = v instanceof COSObject ref ? ref.getObject() : v;
            if (o == null) {
                COSNull.NULL.writePDF(out);
            } else if (v instanceof COSObject || indirect(o)) {
                Integer n = numbers.get(o);
                if (n == null) {
                    n = reserve();
                    numbers.put(o, n);
                    pending.add(o);
                }
                ascii(n + " 0 R");
            } else {
                direct(o);
            }
        }

        private void direct(COSBase o) throws IOException {
            if (o instanceof COSDictionary d) {
                dictionary(d, null);
            } else if (o instanceof COSArray a) {
                out.write('[');
                for (int i = 0; i < a.size(); i++) {
                    if (i > 0) {
                        out.write(' ');
                    }
                    value(a.get(i));
                }
                out.write(']');
            } else if (o instanceof COSName n) {
                n.writePDF(out);
            } else if (o instanceof COSInteger i) {
                i.writePDF(out);
            } else if (o instanceof COSFloat f) {
                f.writePDF(out);
            } else if (o instanceof COSString s) {
                COSWriter.writeString(s, out);
            } else if (o instanceof COSBoolean b) {
                b.writePDF(out);
            } else {
                COSNull.NULL.writePDF(out);
            }
        }

        private void dictionary(COSDictionary d, Long length) throws IOException {
            ascii("<<");
            for (Map.Entry<COSName, COSBase> e : d.entrySet()) {
                if (length != null && COSName.LENGTH.equals(e.getKey())) {
                    continue;
                }
                out.write(EOL);
                e.getKey().writePDF(out);
                out.write(' ');
                value(e.getValue());
            }
            if (length != null) {
                ascii("\n/Length " + length);
            }
            ascii("\n>>");
        }

        private void stream(COSStream s) throws IOException {
            byte[] raw;
            try (InputStream in = s.createRawInputStream()) {
                raw = in.readAllBytes();
            }
            dictionary(s, (long) raw.length);
            ascii("\nstream\r\n");
            out.write(raw);
            ascii("\r\nendstream");
        }
    }

    /** Counts what it passes on: the objects' places in the file. */
    private static final class Counting extends java.io.FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
