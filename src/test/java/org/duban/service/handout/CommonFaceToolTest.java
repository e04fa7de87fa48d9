package org.duban.service.handout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.Test;

/**
 * The common faces ({@link CommonFaces}) are what {@link CommonFaceTool} makes from the bundled fonts, and stand in
 * for them: the same glyph ids, widths and character map, and PDFBox's subset of text from a common face is the very
 * subset the full font gives.
 */
class CommonFaceToolTest {
    /** 䶮 (CJK extension A), 喆 and 堃 (GBK, not GB 2312): in the fonts, not in their common faces. */
    private static final int[] RARE = {0x4DAE, 0x5586, 0x5803};

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = CommonFaceToolTest.class.getResourceAsStream(name)) {
            assertNotNull(in, name);
            return in.readAllBytes();
        }
    }

    private static String common(String resource) {
        int slash = resource.lastIndexOf('/') + 1;
        return resource.substring(0, slash) + CommonFaces.commonName(resource.substring(slash));
    }

    private static TrueTypeFont parse(byte[] font) throws IOException {
        return new TTFParser().parse(new RandomAccessReadBuffer(font));
    }

    @Test
    void theBundledCommonFacesAreWhatTheToolMakesFromTheFullFonts() throws IOException {
        for (String face : CommonFaces.FACES) {
            byte[] made = CommonFaceTool.make(resource(face));
            assertArrayEquals(resource(common(face)), made, common(face) + " is stale: run CommonFaceTool");
            assertTrue(made.length < resource(face).length / 3, face + ": " + made.length);
        }
    }

    @Test
    void aCommonFaceHasEveryGlyphIdWidthAndMappingOfItsFontAndThePdfSubsetIsTheSame() throws IOException {
        for (String face : CommonFaces.FACES) {
            TrueTypeFont full = parse(resource(face));
            TrueTypeFont common = parse(resource(common(face)));
            assertEquals(full.getNumberOfGlyphs(), common.getNumberOfGlyphs(), face);
            assertEquals(full.getName(), common.getName(), "the PostScript name PDFs carry: " + face);
            CmapLookup fullMap = full.getUnicodeCmapLookup();
            CmapLookup commonMap = common.getUnicodeCmapLookup();
            List<Integer> kept = new ArrayList<>();
            for (int cp = 0; cp <= 0x3FFFF; cp++) {
                int gid = fullMap.getGlyphId(cp);
                assertEquals(gid, commonMap.getGlyphId(cp), face + " maps U+" + Integer.toHexString(cp));
                if (gid != 0 && CommonFaceTool.keeps(cp)) {
                    kept.add(cp);
                }
            }
            assertTrue(kept.size() > 7000, face + ": " + kept.size());
            for (int gid = 0; gid < full.getNumberOfGlyphs(); gid++) {
                assertEquals(full.getAdvanceWidth(gid), common.getAdvanceWidth(gid), face + " glyph " + gid);
            }
            // the subset a PDF embeds, of every character kept: the same bytes from either file
            assertArrayEquals(subset(full, kept), subset(common, kept), face);
            for (int cp : RARE) {
                int gid = fullMap.getGlyphId(cp);
                assertNotEquals(0, gid, face + " has U+" + Integer.toHexString(cp));
                GlyphData outline = full.getGlyph().getGlyph(gid);
                assertTrue(outline != null && outline.getNumberOfContours() > 0, face + " draws it");
                GlyphData left = common.getGlyph().getGlyph(gid);
                assertTrue(left == null || left.getNumberOfContours() == 0, face + "'s common face leaves it out");
            }
        }
    }

    private static byte[] subset(TrueTypeFont font, List<Integer> codePoints) throws IOException {
        TTFSubsetter s = new TTFSubsetter(font, List.of("head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf",
                "hmtx", "fpgm", "gasp"));
        codePoints.forEach(s::add);
        s.setPrefix("AAAAAA");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        s.writeToStream(out);
        return out.toByteArray();
    }

    @Test
    void everyCharacterOfTheProgramsTextsTheSampleTheRosterAndTheGeneratorHasItsOutlineInTheCommonFaces()
            throws IOException {
        TreeSet<Integer> used = new TreeSet<>();
        List<Path> sources = new ArrayList<>();
        for (String dir : List.of("assets/sample", "assets/roster", "src/main/java/org/duban/service/generate",
                "src/main/resources/org/duban/i18n")) {
            try (Stream<Path> files = Files.walk(Path.of(dir))) {
                files.filter(p -> p.toString().matches(".*\\.(csv|java|properties)")).forEach(sources::add);
            }
        }
        assertTrue(sources.size() > 5, sources.toString());
        for (Path p : sources) {
            Files.readString(p).codePoints().filter(cp -> cp >= 0x80).forEach(used::add);
        }
        assertTrue(used.size() > 800, "characters: " + used.size());
        for (String resource : CommonFaces.FACES) {
            FontFace face = FontFace.bundled(resource);
            assertTrue(face.isCommon(), resource);
            List<String> fromFull = new ArrayList<>();
            for (int cp : used) {
                if (face.has(cp) && face.printing(cp) != face) {
                    fromFull.add(new String(Character.toChars(cp)) + " U+" + Integer.toHexString(cp));
                }
            }
            assertEquals(List.of(), fromFull, resource + ": add them to CommonFaceTool.keeps and run it");
        }
    }

    @Test
    void aRareCharacterPrintsFromTheFullTwinWhichHasTheSameNameAndWidths() {
        FontFace face = FontFace.bundled(HandoutFonts.SERIF_REGULAR);
        assertSame(face, face.printing('问'));
        FontFace twin = face.printing(0x4DAE);
        assertNotEquals(face, twin);
        assertSame(twin, face.printing(0x5586), "one twin per face");
        assertFalse(twin.isCommon());
        assertEquals(face.fullName(), twin.fullName());
        assertEquals(face.location(), twin.location());
        assertEquals(face.url(), twin.url(), "the window's preview loads the full font for both");
        for (int cp : RARE) {
            assertTrue(twin.has(cp));
            assertEquals(face.advance(cp), twin.advance(cp));
        }
        assertEquals(face.advance('问'), twin.advance('问'));
    }
}
