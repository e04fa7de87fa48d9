package org.duban.service.handout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.GeneralPath;
import java.awt.geom.PathIterator;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.duban.model.Meeting;
import org.duban.service.tasks.TaskInput;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.Test;

/**
 * A character outside the bundled faces' common faces ({@link CommonFaces}) prints from the full font: the PDF embeds
 * a second subset of the same font that draws it, and a viewer copies the character back; the others print from the
 * common face's subset. A character no face has still prints as 〓, and reading it needs no full font.
 */
class RareCharacterPdfTest extends HandoutDbTest {
    /** 䶮 (CJK extension A) and 喆 (GBK): in Noto Serif SC, outside GB 2312. */
    private static final String RARE = "䶮喆";

    @Test
    void aRareCharacterPrintsFromTheFullFontInTheUnitFileAndTheCombinedBook() throws IOException {
        db = TestDb.withRoster(dir);
        Meeting m = TestDb.emptyMeeting(db);
        Wired.of(db).tasks().create(m.id(), new TaskInput("1", "中央生态环境保护督察", "水环境",
                "入海河流水质波动，龚" + RARE + "村排污口雨污混流问题仍未解决。", "2026年底前完成整治。",
                "1.排查整治；2.建立问题清单。", "霞浦县", "市生态环境局", "县长张" + RARE.charAt(1), "2026年12月31日前",
                ""));
        HandoutService service = Wired.of(db).handouts();
        HandoutService.BatchResult r = service.exportAll(service.read(m), HandoutFixtures.BUNDLED,
                dir.resolve("out"), HandoutService.Progress.NONE);
        assertEquals(1, r.unitFiles().size());
        for (Path pdf : List.of(r.unitFiles().get(0), r.combined())) {
            check(pdf);
        }
    }

    private static void check(Path pdf) throws IOException {
        TrueTypeFont full;
        try (InputStream in = RareCharacterPdfTest.class.getResourceAsStream(HandoutFonts.SERIF_REGULAR)) {
            full = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
        }
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            Map<String, List<TextPosition>> glyphs = new HashMap<>();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    glyphs.computeIfAbsent(text.getUnicode(), k -> new ArrayList<>()).add(text);
                    super.processTextPosition(text);
                }
            };
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            StringWriter text = new StringWriter();
            stripper.writeText(doc, text);
            String copied = text.toString().replaceAll("\\s+", "");
            assertTrue(copied.contains("龚" + RARE + "村"), pdf + ": a viewer copies the rare characters: " + copied);
            assertTrue(copied.contains("县长张喆"), copied);

            PDFont commonFont = glyphs.get("龚").get(0).getFont();
            for (String rare : List.of("䶮", "喆")) {
                for (TextPosition t : glyphs.get(rare)) {
                    PDFont font = t.getFont();
                    assertNotEquals(commonFont.getCOSObject(), font.getCOSObject(),
                            pdf + ": " + rare + " is set in the full font's subset");
                    assertTrue(font.getName().matches("[A-Z]{6}\\+NotoSerifSC-Regular"), font.getName());
                    assertTrue(font.isEmbedded());
                    // the embedded subset draws the very outline of the full font
                    int gid = full.getUnicodeCmapLookup().getGlyphId(rare.codePointAt(0));
                    GeneralPath expected = full.getGlyph().getGlyph(gid).getPath();
                    GeneralPath drawn = ((PDType0Font) font).getPath(t.getCharacterCodes()[0]);
                    assertTrue(segments(expected) > 8, rare);
                    assertEquals(outline(expected), outline(drawn), pdf + ": the outline of " + rare);
                }
            }
            assertTrue(commonFont.getName().matches("[A-Z]{6}\\+NotoSerifSC-Regular"), commonFont.getName());
            int gid = full.getUnicodeCmapLookup().getGlyphId('龚');
            assertEquals(outline(full.getGlyph().getGlyph(gid).getPath()),
                    outline(((PDType0Font) commonFont).getPath(glyphs.get("龚").get(0).getCharacterCodes()[0])),
                    "the common face draws 龚 as the full font does");
        }
    }

    private static int segments(GeneralPath p) {
        int n = 0;
        for (PathIterator it = p.getPathIterator(null); !it.isDone(); it.next()) {
            n++;
        }
        return n;
    }

    private static String outline(GeneralPath p) {
        assertNotNull(p);
        StringBuilder sb = new StringBuilder();
        double[] c = new double[6];
        for (PathIterator it = p.getPathIterator(null); !it.isDone(); it.next()) {
            int type = it.currentSegment(c);
            sb.append(type);
            for (int i = 0; i < 6; i++) {
                sb.append(',').append(Math.round(c[i] * 100));
            }
            sb.append(';');
        }
        return sb.toString();
    }

    @Test
    void aCharacterNoFaceHasStillPrintsAsTheMissingMark() {
        HandoutFonts f = HandoutFonts.bundledOnly();
        String tiger = new String(Character.toChars(0x20BB7)); // 𠮷: in no bundled face
        assertEquals("吉" + new String(Character.toChars(HandoutFonts.MISSING)),
                f.printable(FontRole.BODY, "吉" + tiger));
        List<Span> spans = f.spans(FontRole.BODY, f.printable(FontRole.BODY, "吉" + tiger + "䶮"), 12);
        assertEquals(2, spans.size(), "吉〓 in the common face, 䶮 in its full twin: " + spans);
        assertEquals(f.primary(FontRole.BODY), spans.get(0).face());
        assertEquals(f.primary(FontRole.BODY).printing(0x4DAE), spans.get(1).face());
        assertEquals(12 * f.primary(FontRole.BODY).advance(0x4DAE), spans.get(1).width(), 1e-9);
    }
}
