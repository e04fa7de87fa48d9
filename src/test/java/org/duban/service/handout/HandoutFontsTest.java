package org.duban.service.handout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which faces a handout uses, and how text is measured and broken into lines. */
class HandoutFontsTest {
    @TempDir
    Path dir;

    @Test
    void anOfficeFontOnTheMachineIsPreferredAndTheBundledFontsFillTheRest() throws IOException {
        Path fonts = Files.createDirectories(dir.resolve("Fonts"));
        try (InputStream in = HandoutFonts.class.getResourceAsStream(HandoutFonts.SANS_REGULAR)) {
            Files.copy(in, fonts.resolve("SIMFANG.TTF")); // stands in for Windows' FangSong, found by file name
        }
        HandoutFonts f = HandoutFonts.withOfficeFontsFrom(List.of(fonts));
        assertEquals(fonts.resolve("SIMFANG.TTF").toString(), f.primary(FontRole.BODY).location());
        assertEquals(fonts.resolve("SIMFANG.TTF").toString(), f.primary(FontRole.SUBTITLE).location(),
                "no 楷体 on the machine: the unit line takes the body face");
        assertEquals(HandoutFonts.SERIF_BOLD, f.primary(FontRole.TITLE).location());
        assertEquals(HandoutFonts.SANS_BOLD, f.primary(FontRole.HEADING).location());
        assertTrue(f.chain(FontRole.BODY).stream().anyMatch(FontFace::isBundled), "bundled faces back it up");
    }

    @Test
    void aFontFileThatIsNotAFontIsPassedOver() throws IOException {
        Path fonts = Files.createDirectories(dir.resolve("Fonts"));
        Files.writeString(fonts.resolve("simhei.ttf"), "not a font");
        HandoutFonts f = HandoutFonts.withOfficeFontsFrom(List.of(fonts));
        assertEquals(HandoutFonts.SANS_BOLD, f.primary(FontRole.HEADING).location());
    }

    @Test
    void bundledFacesAreEmbeddableTrueType() {
        HandoutFonts f = HandoutFonts.bundledOnly();
        for (FontRole r : FontRole.values()) {
            assertTrue(f.primary(r).isBundled());
            assertTrue(f.primary(r).isEmbeddable(), r.toString());
        }
        assertTrue(f.primary(FontRole.TITLE).fullName().contains("Serif"), f.primary(FontRole.TITLE).fullName());
    }

    @Test
    void aCharacterNoFaceHasPrintsAsTheMissingMarkAndControlCharactersAsSpaces() {
        HandoutFonts f = HandoutFonts.bundledOnly();
        String printable = f.printable(FontRole.BODY, "整改\t到位\u0007" + new String(Character.toChars(0xE000)));
        assertEquals("整改 到位 " + new String(Character.toChars(HandoutFonts.MISSING)), printable);
    }

    @Test
    void linesBreakBetweenChineseCharactersButNotBeforeClosingPunctuationNorInsideNumbers() {
        HandoutFonts f = HandoutFonts.bundledOnly();
        LineBreaker b = new LineBreaker(f);
        double size = 12;
        String text = "全市在运小水电站生态流量全部足额下泄，监测设施安装率、联网率均达到100%，COD浓度较整改前明显提升。";
        for (double width : new double[] {60, 84, 97, 130, 200}) {
            List<String> lines = b.lines(text, FontRole.BODY, size, width);
            assertEquals(text, String.join("", lines), "nothing lost or added at " + width);
            for (String line : lines) {
                assertTrue(f.width(FontRole.BODY, line, size) <= width + 0.01, line + " fits " + width);
                assertFalse("，。、；：）”".indexOf(line.charAt(0)) >= 0, "line starts with punctuation: " + line);
            }
            assertTrue(lines.stream().anyMatch(l -> l.contains("100%")), "100% stays together at " + width);
            assertTrue(lines.stream().anyMatch(l -> l.contains("COD")), "COD stays together at " + width);
        }
    }

    @Test
    void aDateWiderThanItsColumnBreaksAfterADot() {
        HandoutFonts f = HandoutFonts.bundledOnly();
        LineBreaker b = new LineBreaker(f);
        double width = f.width(FontRole.BODY, "2026.9.3", 12);
        assertEquals(List.of("2026.9.", "30"), b.lines("2026.9.30", FontRole.BODY, 12, width));
    }

    @Test
    void numberedMeasuresStartEachItemOnANewLine() {
        LineBreaker b = new LineBreaker(HandoutFonts.bundledOnly());
        List<String> lines = b.lines("1.排查管网；2.雨污分流改造；3.落实运维考核。", FontRole.BODY, 12, 400);
        assertEquals(List.of("1.排查管网；", "2.雨污分流改造；", "3.落实运维考核。"), lines);
    }
}
