package org.duban.service.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.duban.i18n.LocalizedException;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;

/** Charts drawn headless into PNG, SVG and PDF files, looked at pixel by pixel. */
class ChartRendererTest extends SampleCharts {
    private static JFreeChart ranking() {
        return charts.build(ChartRequest.of(ChartKind.RANKING, meetingId, TODAY).withSince(TODAY.minusMonths(1)),
                ChartStyle.screen());
    }

    @Test
    void pngHasTheSizeAskedForAndIsNotBlank() throws Exception {
        Path png = dir.resolve("r.png");
        ChartRenderer.writePng(ranking(), png, 1920, 1080);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1920, img.getWidth());
        assertEquals(1080, img.getHeight());
        assertTrue(colours(img, 0, 0, img.getWidth(), img.getHeight()) > 20, "bars, text and grid, not one colour");
        BufferedImage print = ChartRenderer.image(ranking(), 3840, 2160);
        assertEquals(3840, print.getWidth());
        assertEquals(2160, print.getHeight());
    }

    @Test
    void chineseTitleDrawsGlyphsFromTheBundledFont() {
        JFreeChart chart = ranking();
        String title = chart.getTitle().getText();
        assertTrue(title.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN));
        assertTrue(ChartFonts.get().canDisplay(title + "↑↓—"), "no glyph falls back to a box");
        BufferedImage withTitle = ChartRenderer.image(chart, 1280, 720);
        chart.getTitle().setText(" ");
        BufferedImage blank = ChartRenderer.image(chart, 1280, 720);
        int differing = 0;
        for (int y = 0; y < 60; y++) { // the title's band
            for (int x = 0; x < 1280; x++) {
                differing += withTitle.getRGB(x, y) != blank.getRGB(x, y) ? 1 : 0;
            }
        }
        assertTrue(differing > 1500, "the title's strokes are drawn: " + differing + " pixels");
        // a box per character would cover far fewer pixels than 10 CJK glyphs at 24 px
        assertTrue(colours(withTitle, 0, 0, 1280, 60) > 5, "anti-aliased glyph edges");
    }

    @Test
    void textGrowsWithTheImageSoA1920PngLooksLikeA1280One() {
        BufferedImage small = ChartRenderer.image(ranking(), 1280, 720);
        BufferedImage big = ChartRenderer.image(ranking(), 1920, 1080);
        // the same point of the picture (a third across, in the middle of the first bar's row) has the same colour
        assertEquals(small.getRGB(640, 160) == -1, big.getRGB(960, 240) == -1);
        assertEquals(ChartRenderer.scale(1920, 1080), 1.5, 1e-9);
    }

    @Test
    void svgIsVectorWithTextAsOutlines() throws Exception {
        Path svg = dir.resolve("r.svg");
        ChartRenderer.write(ranking(), svg, 1920, 1080);
        String s = Files.readString(svg, StandardCharsets.UTF_8);
        assertTrue(s.contains("<svg"), "an SVG document");
        assertTrue(s.contains("width='1920.0'") && s.contains("height='1080.0'"), "its size");
        assertFalse(s.contains("<text"), "no text element that needs the font on the reader's machine");
        assertTrue(s.split("<path").length > 25, "every label is an outline path");
        assertFalse(s.contains("<image"), "nothing drawn as a bitmap");
    }

    @Test
    void pdfIsOnePageOfTheChartDrawnInVectors() throws Exception {
        Path pdf = dir.resolve("r.pdf");
        ChartRenderer.write(ranking(), pdf, 960, 540);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(1, doc.getNumberOfPages());
            assertEquals(960, doc.getPage(0).getMediaBox().getWidth(), 0.01);
            assertEquals(540, doc.getPage(0).getMediaBox().getHeight(), 0.01);
            BufferedImage page = new PDFRenderer(doc).renderImage(0);
            assertTrue(colours(page, 0, 0, page.getWidth(), page.getHeight()) > 10, "the chart is on the page");
        }
    }

    @Test
    void unknownExtensionOrSizeIsRefusedWithAMessageAndNoFile() {
        Path txt = dir.resolve("r.txt");
        LocalizedException e = assertThrows(LocalizedException.class,
                () -> ChartRenderer.write(ranking(), txt, 1920, 1080));
        assertTrue(e.getLocalizedMessage().contains(".png"), e.getLocalizedMessage());
        assertFalse(Files.exists(txt));
        assertThrows(LocalizedException.class, () -> ChartRenderer.write(ranking(), dir.resolve("x.png"), 20000, 10));
        assertFalse(Files.exists(dir.resolve("x.png")));
    }

    private static int colours(BufferedImage img, int x0, int y0, int w, int h) {
        Set<Integer> seen = new HashSet<>();
        for (int y = y0; y < y0 + h; y += 2) {
            for (int x = x0; x < x0 + w; x += 2) {
                seen.add(img.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
