package org.duban.service.handout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.HorizontalMetricsTable;
import org.apache.fontbox.ttf.OS2WindowsMetricsTable;
import org.apache.fontbox.ttf.TTFParser;
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
 */
public final class FontFace {
    private final String resource;
    private final Path file;
    private final String collectionFace;
    private TrueTypeFont ttf;
    private CmapLookup cmap;
    private HorizontalMetricsTable hmtx;
    private float unitsPerEm;
    /** Whether every table of {@link #ttf} has been read, so that writers on several threads may share it. */
    private boolean readForWriting;

    private FontFace(String resource, Path file, String collectionFace) {
        this.resource = resource;
        this.file = file;
        this.collectionFace = collectionFace;
    }

    /** A font shipped in the program under {@code /assets/fonts}. */
    public static FontFace bundled(String resource) {
        return new FontFace(resource, null, null);
    }

    /** A font file of the machine; {@code collectionFace} names the face of a {@code .ttc} (null: the first). */
    public static FontFace file(Path file, String collectionFace) {
        return new FontFace(null, file, collectionFace);
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

    private TrueTypeFont read() throws IOException {
        if (resource != null) {
            // FontBox copies the bytes into the parse: the file is not kept besides
            try (InputStream in = FontFace.class.getResourceAsStream(resource)) {
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
