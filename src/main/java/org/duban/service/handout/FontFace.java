package org.duban.service.handout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.HorizontalMetricsTable;
import org.apache.fontbox.ttf.OS2WindowsMetricsTable;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFTable;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

/**
 * One TrueType face: a bundled font (a class-path resource) or a font file of the machine (a {@code .ttf},
 * or one face of a {@code .ttc}). The same face measures text for pagination, is embedded (subset) in PDFs,
 * and is loaded by the print preview, so every output has the same line breaks.
 *
 * <p>The font is read on first use, once. Measuring is serialised on the face; PDF writers on several threads
 * share the parse once all its tables are read ({@link #borrowForWriting}).
 *
 * <p>A bundled Chinese face is read from its common face ({@link CommonFaces}): the same glyph ids, widths and
 * character map, with the outlines of rare characters left out. Such a character is printed in the face's
 * {@link #printing full twin}, which reads the full font when it is first needed.
 */
public final class FontFace {
    private final String resource;
    /** The common face read instead of {@link #resource} (null: the full font is read). */
    private final String common;
    private final Path file;
    private final String collectionFace;
    /** For a full twin: the common face it prints for (names come from it, the same). */
    private final FontFace twinOf;
    /** The full twin, made when a character needs it. */
    private FontFace fullTwin;
    /** Glyphs whose outline the common face lacks (null: a face with every outline). */
    private BitSet omitted;
    private TrueTypeFont ttf;
    private CmapLookup cmap;
    private HorizontalMetricsTable hmtx;
    private float unitsPerEm;
    /** Whether every table of {@link #ttf} has been read, so that writers on several threads may share it. */
    private boolean readForWriting;

    private FontFace(String resource, String common, Path file, String collectionFace, FontFace twinOf) {
        this.resource = resource;
        this.common = common;
        this.file = file;
        this.collectionFace = collectionFace;
        this.twinOf = twinOf;
    }

    /**
     * A font shipped in the program under {@code /assets/fonts}; read from its common face where the program has one
     * ({@link CommonFaces}).
     */
    public static FontFace bundled(String resource) {
        String common = resource.substring(0, resource.lastIndexOf('/') + 1)
                + CommonFaces.commonName(resource.substring(resource.lastIndexOf('/') + 1));
        return new FontFace(resource, FontFace.class.getResource(common) != null ? common : null, null, null, null);
    }

    /** A font file of the machine; {@code collectionFace} names the face of a {@code .ttc} (null: the first). */
    public static FontFace file(Path file, String collectionFace) {
        return new FontFace(null, null, file, collectionFace, null);
    }

    /**
     * The face that prints a code point this face has: this face, or, where this is a common face without that
     * character's outline, its full twin (the same font read from the full file; a distinct face, so a PDF embeds
     * it as a second subset of the same font).
     */
    public synchronized FontFace printing(int codePoint) {
        ttf();
        if (omitted == null || !omitted.get(cmap.getGlyphId(codePoint))) {
            return this;
        }
        if (fullTwin == null) {
            fullTwin = new FontFace(resource, null, null, null, this);
        }
        return fullTwin;
    }

    /** Whether this face is read from a common face, without the outlines of rare characters. */
    public synchronized boolean isCommon() {
        ttf();
        return omitted != null;
    }

    public boolean isBundled() {
        return resource != null;
    }

    /** Where the font comes from: a class-path resource or a file (for logs and the UI's font loading). */
    public String location() {
        return resource != null ? resource : file + (collectionFace == null ? "" : "#" + collectionFace);
    }

    /** A URL JavaFX can load the font from. */
    public String url() {
        if (resource != null) {
            URL u = FontFace.class.getResource(resource);
            if (u == null) {
                throw new IllegalStateException("Missing bundled font " + resource);
            }
            return u.toExternalForm();
        }
        return file.toUri().toString();
    }

    /** True for a {@code .ttc}: JavaFX then loads every face and picks {@link #fullName()}. */
    public boolean isCollection() {
        return file != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc");
    }

    /** The parsed font (read on first use). */
    public synchronized TrueTypeFont ttf() {
        if (ttf == null) {
            try {
                ttf = read();
                // Chinese text needs no glyph substitution, and without it every glyph keeps the width that
                // pagination measured (PDFBox would otherwise apply Latin ligatures, and slowly).
                ttf.setEnableGsub(false);
                cmap = ttf.getUnicodeCmapLookup(false);
                hmtx = ttf.getHorizontalMetrics();
                unitsPerEm = ttf.getUnitsPerEm();
                if (cmap == null || hmtx == null) {
                    throw new IOException("no Unicode cmap or no horizontal metrics");
                }
                omitted = common != null ? omitted(ttf) : null;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read font " + location() + ": " + e.getMessage(), e);
            }
        }
        return ttf;
    }

    /**
     * The parse PDF writers use, on any thread: this face's own parse, with every table it has read now, under this
     * face's lock. FontBox 3 reads a table once (under the font's lock), a glyph under its data's lock, and the
     * font's bytes through a stream of its own per reader; what a writer then does with the parse (look up glyphs,
     * widths, subset) only reads it. Each writer used to parse the face again from its bytes, which holds a copy
     * of the whole font file (10–15 MB) and its character maps per parse: with two unit files and the combined book
     * under way, a dozen parses took 250 MB.
     */
    public synchronized TrueTypeFont borrowForWriting() {
        TrueTypeFont f = ttf();
        if (!readForWriting) {
            // a table that cannot be read is left to whoever needs it, as before (a machine's font may have a
            // broken table PDFBox never looks at)
            List<Table> tables = List.of(f::getHeader, f::getHorizontalHeader, f::getMaximumProfile,
                    f::getHorizontalMetrics, f::getNaming, f::getOS2Windows, f::getPostScript, f::getCmap,
                    f::getIndexToLocation, f::getGlyph, f::getVerticalHeader, f::getVerticalMetrics,
                    f::getVerticalOrigin, f::getKerning, f::getUnicodeCmapLookup, () -> f.getUnicodeCmapLookup(false),
                    f::getName);
            for (Table t : tables) {
                try {
                    t.read();
                } catch (IOException | RuntimeException e) {
                    // see above
                }
            }
            readForWriting = true;
        }
        return f;
    }

    @FunctionalInterface
    private interface Table {
        Object read() throws IOException;
    }

    /** Ends a writer's use of {@link #borrowForWriting}'s parse (nothing to do: the parse is shared). */
    public void giveBack(TrueTypeFont font) {
        // the parse stays this face's
    }

    /** The glyphs a common face lacks the outlines of, from its private table. */
    private static BitSet omitted(TrueTypeFont f) throws IOException {
        TTFTable t = f.getTableMap().get(CommonFaces.OMITTED_TAG);
        if (t == null) {
            throw new IOException("a common face without its table " + CommonFaces.OMITTED_TAG);
        }
        byte[] b = f.getTableBytes(t);
        int glyphs = (b[2] & 0xFF) << 8 | b[3] & 0xFF;
        if (b[0] != 0 || b[1] != 1 || glyphs != f.getNumberOfGlyphs() || b.length < 4 + (glyphs + 7) / 8) {
            throw new IOException("a common face's table " + CommonFaces.OMITTED_TAG + " does not fit its glyphs");
        }
        BitSet omitted = new BitSet(glyphs);
        for (int g = 0; g < glyphs; g++) {
            if ((b[4 + g / 8] & 0x80 >>> (g % 8)) != 0) {
                omitted.set(g);
            }
        }
        return omitted;
    }

    private TrueTypeFont read() throws IOException {
        if (resource != null) {
            // FontBox copies the bytes into the parse: the file is not kept besides
            try (InputStream in = FontFace.class.getResourceAsStream(common != null ? common : resource)) {
                if (in == null) {
                    throw new IOException("missing resource");
                }
                return new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
            }
        }
        if (isCollection()) {
            @SuppressWarnings("resource") // kept open as long as the face is used: its tables are read lazily
            TrueTypeCollection ttc = new TrueTypeCollection(file.toFile());
            TrueTypeFont[] first = new TrueTypeFont[1];
            if (collectionFace != null) {
                first[0] = ttc.getFontByName(collectionFace);
            } else {
                ttc.processAllFonts(f -> {
                    if (first[0] == null) {
                        first[0] = f;
                    }
                });
            }
            if (first[0] == null) {
                throw new IOException("no face " + collectionFace + " in the collection");
            }
            return first[0];
        }
        return new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()));
    }

    /**
     * Whether a PDF can carry this face: TrueType outlines (PDFBox subsets only those) and a licence that
     * allows embedding. Office fonts that fail this are passed over for the next in line.
     */
    public synchronized boolean isEmbeddable() {
        try {
            TrueTypeFont f = ttf();
            if (!f.getTableMap().containsKey("glyf")) {
                return false;
            }
            OS2WindowsMetricsTable os2 = f.getOS2Windows();
            if (os2 == null) {
                return true;
            }
            int fsType = os2.getFsType();
            boolean restricted = (fsType & 0x000F) == 0x0002;
            boolean bitmapOnly = (fsType & 0x0200) != 0;
            return !restricted && !bitmapOnly;
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /** The face's full name (name ID 4), e.g. "FangSong" or "Noto Serif SC Bold". */
    public synchronized String fullName() {
        if (twinOf != null) {
            return twinOf.fullName(); // the same name table: the full font need not be read for it
        }
        try {
            var naming = ttf().getNaming();
            String full = naming == null ? null : naming.getName(4, 3, 1, 0x409);
            if (full == null && naming != null) {
                full = naming.getName(4, 1, 0, 0);
            }
            return full != null ? full : ttf().getName();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The family name (name ID 1). */
    public synchronized String familyName() {
        if (twinOf != null) {
            return twinOf.familyName();
        }
        try {
            var naming = ttf().getNaming();
            String family = naming == null ? null : naming.getFontFamily();
            return family != null ? family : fullName();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the face has a glyph for this code point. */
    public synchronized boolean has(int codePoint) {
        ttf();
        return cmap.getGlyphId(codePoint) != 0;
    }

    /** The advance width of a code point in em (multiply by the size in points). */
    public synchronized double advance(int codePoint) {
        ttf();
        return hmtx.getAdvanceWidth(cmap.getGlyphId(codePoint)) / unitsPerEm;
    }

    @Override
    public String toString() {
        return location();
    }
}
