package org.duban.service.bulletin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.duban.i18n.LocalizedException;
import org.duban.persistence.Database;
import org.duban.service.handout.FontPreference;
import org.duban.service.stats.UnitRank;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bulletin as Word and PDF files, read back with a docx reader and a PDF reader. */
class BulletinFilesTest {
    static final LocalDate DAY = LocalDate.of(2026, 11, 29);
    @TempDir
    static Path dir;
    private static Database db;
    private static Bulletin bulletin;

    @BeforeAll
    static void sample() {
        db = TestDb.withSample(dir);
        bulletin = Wired.over(db, new TestClock(DAY)).bulletins().prepare(null, DAY);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void theDocxOpensWithAReaderAndHoldsTheRankingTable() throws Exception {
        Path file = dir.resolve("通报.docx");
        BulletinService.write(bulletin, file, FontPreference.BUNDLED);
        try (InputStream in = Files.newInputStream(file); XWPFDocument doc = new XWPFDocument(in)) {
            List<XWPFTable> tables = doc.getTables();
            assertEquals(2, tables.size(), "counties and city departments");
            XWPFTable counties = tables.get(0);
            List<UnitRank> rows = bulletin.counties().rows();
            assertEquals(rows.size() + 1, counties.getNumberOfRows());
            XWPFTableRow header = counties.getRow(0);
            assertTrue(header.isRepeatHeader(), "the header row repeats on every page");
            assertEquals(BulletinText.tableHeader(), header.getTableCells().stream().map(c -> c.getText()).toList());
            for (int i = 0; i < rows.size(); i++) {
                XWPFTableRow row = counties.getRow(i + 1);
                UnitRank r = rows.get(i);
                assertEquals(String.valueOf(r.rank()), row.getCell(0).getText());
                assertEquals(r.unit().name(), row.getCell(1).getText());
                assertEquals(BulletinText.percent(r.rate()), row.getCell(6).getText());
                assertEquals(BulletinText.change(bulletin.counties(), r), row.getCell(7).getText());
            }
            String text = doc.getParagraphs().stream().map(XWPFParagraph::getText).reduce("", (a, b) -> a + b + "\n");
            assertTrue(text.contains("截至2026年11月29日，全市生态环境保护重点工作任务共45项"), text);
            assertTrue(text.contains("三、进度滞后单位"));
            assertEquals(1, doc.getAllPictures().size(), "the ranking chart");
            // Chinese is set in the office fonts by the eastAsia attribute, Latin in Times New Roman
            XWPFRun body = doc.getParagraphs().stream().filter(p -> p.getText().startsWith("截至")).findFirst()
                    .orElseThrow().getRuns().get(0);
            assertEquals("仿宋_GB2312", body.getFontFamily(XWPFRun.FontCharRange.eastAsia));
            assertEquals("Times New Roman", body.getFontFamily(XWPFRun.FontCharRange.ascii));
            assertEquals("方正小标宋简体", doc.getParagraphs().get(0).getRuns().get(0)
                    .getFontFamily(XWPFRun.FontCharRange.eastAsia));
        }
    }

    @Test
    void thePdfHasTheTextTheTableAndTheChartWithEmbeddedFonts() throws Exception {
        Path file = dir.resolve("通报.pdf");
        BulletinService.write(bulletin, file, FontPreference.BUNDLED);
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            assertEquals(595.3, pdf.getPage(0).getMediaBox().getWidth(), 0.5, "A4 portrait");
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
            assertTrue(text.contains("截至2026年11月29日，全市生态环境保护重点工作任务共45项"), text);
            assertTrue(text.contains("推进情况通报"));
            for (UnitRank r : bulletin.counties().rows()) {
                assertTrue(text.contains(r.unit().name()), r.unit().name());
            }
            assertTrue(text.contains("—1—"), "page numbers");
            boolean chart = false;
            for (PDPage page : pdf.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertTrue(font.isEmbedded(), font.getName());
                }
                for (COSName name : page.getResources().getXObjectNames()) {
                    chart |= page.getResources().getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
                }
            }
            assertTrue(chart, "the chart is drawn as a vector form");
        }
        try (var left = Files.list(dir)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no temporary file left");
        }
    }

    @Test
    void anotherExtensionIsRefusedWithAMessageAndNoFile() {
        Path file = dir.resolve("通报.txt");
        LocalizedException e = assertThrows(LocalizedException.class,
                () -> BulletinService.write(bulletin, file, FontPreference.BUNDLED));
        assertEquals("bulletin.error.format", e.key());
        assertFalse(Files.exists(file));
    }
}
