package org.duban.service.handout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Map;
import java.util.TreeMap;

/**
 * Makes the "common" faces of the bundled Chinese fonts ({@code assets/fonts/*.common.ttf}) from the full ones: the
 * same font with the outlines of the characters a handout seldom prints left out. Run it after a bundled font or the
 * list of characters changes (see {@code assets/fonts/README.md}):
 *
 * <pre>java -cp target/duban-desk.jar:target/test-classes org.duban.service.handout.CommonFaceTool assets/fonts</pre>
 *
 * <p>What a common face keeps, so that a PDF written with it is the very PDF the full face gives (the same glyph ids
 * in the content streams, the same subset, widths and names): every glyph id (an omitted outline is an empty glyph),
 * the horizontal metrics of every glyph, the whole Unicode character map (FontBox's preferred subtable, format 12,
 * byte for byte), and the tables PDFBox reads or copies into a subset ({@code head hhea maxp OS/2 post name cvt fpgm
 * prep gasp}) unchanged. It leaves out the outlines, the layout tables (GSUB, GPOS, GDEF, BASE: the handouts set no
 * glyph substitution) and the vertical metrics. A private table {@link CommonFaces#OMITTED_TAG} marks each glyph whose
 * outline was left out, so the program knows which characters to print from the full face.
 *
 * <p>The outlines kept: those of the characters of GB 2312 (its 6,763 hanzi and its symbols), ASCII and Latin-1,
 * general punctuation, letter-like symbols, number forms, arrows, mathematical operators, enclosed numbers, box
 * drawing, geometric shapes, dingbats, CJK symbols and punctuation, enclosed CJK letters, CJK compatibility forms and
 * the half- and full-width forms ({@link #keeps}), and of the glyphs their composite glyphs are made of.
 */
public final class CommonFaceTool {
    /** Tables left out of a common face. */
    private static final java.util.Set<String> DROPPED = java.util.Set.of("GSUB", "GPOS", "GDEF", "BASE", "JSTF",
            "MATH", "vhea", "vmtx", "VORG", "STAT", "DSIG", "meta", "hdmx", "LTSH", "VDMX", "kern");

    private CommonFaceTool() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "assets/fonts");
        for (String resource : CommonFaces.FACES) {
            String name = resource.substring(resource.lastIndexOf('/') + 1);
            Path full = dir.resolve(name);
            Path common = dir.resolve(CommonFaces.commonName(name));
            byte[] made = make(Files.readAllBytes(full));
            Files.write(common, made);
            System.out.printf("%s: %,d → %s: %,d bytes%n", full, Files.size(full), common, made.length);
        }
    }

    /** Whether a common face keeps the outline of a code point. */
    static boolean keeps(int cp) {
        if (cp >= 0x20 && cp <= 0x7E || cp >= 0xA0 && cp <= 0xFF) {
            return true; // ASCII, Latin-1
        }
        if (cp >= 0x2000 && cp <= 0x22FF // general punctuation … mathematical operators
                || cp >= 0x2460 && cp <= 0x24FF // enclosed alphanumerics
                || cp >= 0x2500 && cp <= 0x27BF // box drawing, block elements, geometric shapes, symbols, dingbats
                || cp >= 0x3000 && cp <= 0x303F // CJK symbols and punctuation
                || cp >= 0x3200 && cp <= 0x32FF // enclosed CJK letters and months
                || cp >= 0xFE30 && cp <= 0xFE4F // CJK compatibility forms
                || cp >= 0xFF00 && cp <= 0xFFEF) { // half- and full-width forms
            return true;
        }
        return cp <= 0xFFFF && GB2312.get(cp);
    }

    /** The characters of GB 2312 (as the JDK's GB2312 charset encodes them). */
    private static final BitSet GB2312 = new BitSet(0x10000);

    static {
        CharsetEncoder enc = Charset.forName("GB2312").newEncoder();
        for (int c = 0x80; c <= 0xFFFF; c++) {
            if (!Character.isSurrogate((char) c) && enc.canEncode((char) c)) {
                GB2312.set(c);
            }
        }
    }

    /** A common face made from a full face's file. */
    static byte[] make(byte[] font) throws IOException {
        Font f = new Font(font);
        int numGlyphs = f.u16("maxp", 4);
        boolean longLoca = f.s16("head", 50) == 1;
        long[] loca = new long[numGlyphs + 1];
        ByteBuffer locaTable = f.table("loca");
        for (int g = 0; g <= numGlyphs; g++) {
            loca[g] = longLoca ? locaTable.getInt(4 * g) & 0xFFFFFFFFL : 2L * (locaTable.getShort(2 * g) & 0xFFFF);
        }
        byte[] cmap12 = f.unicodeCmap12();
        BitSet kept = new BitSet(numGlyphs);
        kept.set(0); // .notdef
        forEachMapping(cmap12, (cp, gid) -> {
            if (keeps(cp) && gid < numGlyphs) {
                kept.set(gid);
            }
        });
        ByteBuffer glyf = f.table("glyf");
        // the glyphs a kept composite glyph is made of
        ArrayDeque<Integer> todo = new ArrayDeque<>();
        kept.stream().forEach(todo::add);
        while (!todo.isEmpty()) {
            int g = todo.poll();
            int start = (int) loca[g];
            if (loca[g + 1] - loca[g] < 10 || glyf.getShort(start) >= 0) {
                continue;
            }
            int p = start + 10;
            while (true) {
                int flags = glyf.getShort(p) & 0xFFFF;
                int component = glyf.getShort(p + 2) & 0xFFFF;
                if (component < numGlyphs && !kept.get(component)) {
                    kept.set(component);
                    todo.add(component);
                }
                p += 4 + ((flags & 0x0001) != 0 ? 4 : 2);
                if ((flags & 0x0008) != 0) {
                    p += 2;
                } else if ((flags & 0x0040) != 0) {
                    p += 4;
                } else if ((flags & 0x0080) != 0) {
                    p += 8;
                }
                if ((flags & 0x0020) == 0) {
                    break;
                }
            }
        }
        ByteArrayOutputStream newGlyf = new ByteArrayOutputStream();
        ByteBuffer newLoca = ByteBuffer.allocate(4 * (numGlyphs + 1));
        byte[] omitted = new byte[4 + (numGlyphs + 7) / 8];
        ByteBuffer.wrap(omitted).putShort((short) 1).putShort((short) numGlyphs);
        for (int g = 0; g < numGlyphs; g++) {
            newLoca.putInt(newGlyf.size());
            int len = (int) (loca[g + 1] - loca[g]);
            if (kept.get(g)) {
                newGlyf.write(font, f.offset("glyf") + (int) loca[g], len);
                while (newGlyf.size() % 4 != 0) {
                    newGlyf.write(0);
                }
            } else if (len > 0) {
                omitted[4 + g / 8] |= (byte) (0x80 >>> (g % 8));
            }
        }
        newLoca.putInt(newGlyf.size());

        Map<String, byte[]> tables = new TreeMap<>();
        for (String tag : f.tags()) {
            if (!DROPPED.contains(tag)) {
                tables.put(tag, f.bytes(tag));
            }
        }
        tables.put("glyf", newGlyf.toByteArray());
        tables.put("loca", newLoca.array());
        byte[] head = tables.get("head").clone();
        ByteBuffer.wrap(head).putShort(50, (short) 1); // long loca
        tables.put("head", head);
        // one character map: the subtable FontBox prefers (Unicode full repertoire, format 12), as it was, as Windows (3, 10)
        ByteBuffer cmap = ByteBuffer.allocate(12 + cmap12.length);
        cmap.putShort((short) 0).putShort((short) 1).putShort((short) 3).putShort((short) 10).putInt(12).put(cmap12);
        tables.put("cmap", cmap.array());
        tables.put(CommonFaces.OMITTED_TAG, omitted);
        return write(tables);
    }

    @FunctionalInterface
    interface Mapping {
        void map(int codePoint, int glyph);
    }

    /** The mappings of a format 12 character map subtable. */
    static void forEachMapping(byte[] cmap12, Mapping m) {
        ByteBuffer b = ByteBuffer.wrap(cmap12);
        long groups = b.getInt(12) & 0xFFFFFFFFL;
        for (int i = 0; i < groups; i++) {
            int p = 16 + 12 * i;
            int start = b.getInt(p);
            int end = b.getInt(p + 4);
            int gid = b.getInt(p + 8);
            for (int cp = start; cp <= end; cp++) {
                m.map(cp, gid + cp - start);
            }
        }
    }

    /** An sfnt file of these tables (the order of tags; each table padded to 4 bytes; checksums set). */
    private static byte[] write(Map<String, byte[]> tables) {
        int n = tables.size();
        int entrySelector = 31 - Integer.numberOfLeadingZeros(n);
        int searchRange = 16 << entrySelector;
        int size = 12 + 16 * n;
        for (byte[] t : tables.values()) {
            size += (t.length + 3) & ~3;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.putInt(0x00010000).putShort((short) n).putShort((short) searchRange).putShort((short) entrySelector)
                .putShort((short) (16 * n - searchRange));
        int offset = 12 + 16 * n;
        for (Map.Entry<String, byte[]> e : tables.entrySet()) {
            byte[] t = e.getValue();
            if (e.getKey().equals("head")) {
                ByteBuffer.wrap(t).putInt(8, 0);
            }
            out.put(e.getKey().getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) checksum(t))
                    .putInt(offset).putInt(t.length);
            offset += (t.length + 3) & ~3;
        }
        int headAt = 0;
        for (Map.Entry<String, byte[]> e : tables.entrySet()) {
            if (e.getKey().equals("head")) {
                headAt = out.position();
            }
            out.put(e.getValue());
            while (out.position() % 4 != 0) {
                out.put((byte) 0);
            }
        }
        byte[] file = out.array();
        long adjustment = (0xB1B0AFBAL - checksum(file)) & 0xFFFFFFFFL;
        ByteBuffer.wrap(file).putInt(headAt + 8, (int) adjustment);
        return file;
    }

    private static long checksum(byte[] b) {
        long sum = 0;
        for (int i = 0; i < b.length; i += 4) {
            long word = 0;
            for (int k = 0; k < 4; k++) {
                word = word << 8 | (i + k < b.length ? b[i + k] & 0xFF : 0);
            }
            sum += word;
        }
        return sum & 0xFFFFFFFFL;
    }

    /** A TrueType file's tables. */
    private static final class Font {
        private final byte[] file;
        private final Map<String, int[]> dir = new TreeMap<>();

        Font(byte[] file) throws IOException {
            this.file = file;
            ByteBuffer b = ByteBuffer.wrap(file);
            if (b.getInt(0) != 0x00010000) {
                throw new IOException("not a TrueType font (sfnt version " + Integer.toHexString(b.getInt(0)) + ")");
            }
            int n = b.getShort(4) & 0xFFFF;
            for (int i = 0; i < n; i++) {
                int p = 12 + 16 * i;
                String tag = new String(file, p, 4, java.nio.charset.StandardCharsets.US_ASCII);
                dir.put(tag, new int[] {b.getInt(p + 8), b.getInt(p + 12)});
            }
        }

        java.util.Set<String> tags() {
            return dir.keySet();
        }

        int offset(String tag) {
            return dir.get(tag)[0];
        }

        byte[] bytes(String tag) {
            int[] e = dir.get(tag);
            return java.util.Arrays.copyOfRange(file, e[0], e[0] + e[1]);
        }

        ByteBuffer table(String tag) {
            int[] e = dir.get(tag);
            return ByteBuffer.wrap(file, e[0], e[1]).slice();
        }

        int u16(String tag, int at) {
            return table(tag).getShort(at) & 0xFFFF;
        }

        int s16(String tag, int at) {
            return table(tag).getShort(at);
        }

        /** The format 12 subtable FontBox reads first (platform 0 encoding 4, else Windows 10). */
        byte[] unicodeCmap12() throws IOException {
            ByteBuffer cmap = table("cmap");
            int n = cmap.getShort(2) & 0xFFFF;
            for (int[] want : new int[][] {{0, 4}, {3, 10}}) {
                for (int i = 0; i < n; i++) {
                    int p = 4 + 8 * i;
                    if (cmap.getShort(p) == want[0] && cmap.getShort(p + 2) == want[1]) {
                        int at = cmap.getInt(p + 4);
                        if (cmap.getShort(at) != 12) {
                            continue;
                        }
                        int length = cmap.getInt(at + 4);
                        byte[] sub = new byte[length];
                        cmap.get(at, sub);
                        return sub;
                    }
                }
            }
            throw new IOException("no Unicode format 12 character map");
        }
    }
}
