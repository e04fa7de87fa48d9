package org.duban.service.ladder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
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
import org.apache.pdfbox.text.TextPosition;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.duban.i18n.LocalizedException;
import org.duban.model.Notice;
import org.duban.model.NoticeLevel;
import org.duban.persistence.Database;
import org.duban.service.audit.AuditLog;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;

/** 催办单 and 督办通知书 as files: one PDF and .docx per unit in the 公文 layout, and a duplex-ready combined PDF. */
class ChaseFilesTest {
    static final LocalDate DAY = LocalDate.of(2026, 11, 29);
    static final double MM = 72 / 25.4;
    @TempDir
    Path dir;
    Database db;
    NoticeService service;

    @BeforeEach
    void setUp() {
        db = TestDb.withSample(dir);
        AuditLog audit = Wired.audit(db, new TestClock(DAY));
        service = Wired.of(audit).notices();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void aBatchWritesEachUnitsNoticeAndACombinedPdfForDuplex() throws Exception {
        int qualifying = service.candidates(DAY, NoticeLevel.CHASE).size();
        Path out = dir.resolve("催办");
        NoticeService.ChaseResult r = service.chase(DAY, NoticeLevel.CHASE, null, false, out);
        assertEquals(qualifying, r.notices().size());
        assertEquals(2 * qualifying, r.files().size());
        for (int i = 0; i < r.notices().size(); i++) {
            assertEquals("督催〔2026〕" + (i + 1) + "号", r.notices().get(i).number());
        }
        int sheets = 0;
        for (Path f : r.files()) {
            assertTrue(Files.size(f) > 1000, f.toString());
            if (f.toString().endsWith(".pdf")) {
                try (PDDocument pdf = Loader.loadPDF(f.toFile())) {
                    sheets += (pdf.getNumberOfPages() + 1) / 2;
                }
            }
        }
        try (PDDocument combined = Loader.loadPDF(r.combined().toFile())) {
            assertEquals(2 * sheets, combined.getNumberOfPages(), "each notice starts on a front side");
        }
    }

    @Test
    void theNoticeIsSetAsTheBulletinIsWithEmbeddedFontsAndTheGbMargins() throws Exception {
        NoticeService.ChaseResult r = service.chase(DAY, NoticeLevel.CHASE, "蕉城", false, dir.resolve("one"));
        Notice n = r.notices().get(0);
        Path pdfFile = r.files().stream().filter(f -> f.toString().endsWith(".pdf")).findFirst().orElseThrow();
        assertTrue(pdfFile.getFileName().toString().startsWith("催办单-蕉城区-2026-11-29"), pdfFile.toString());
        try (PDDocument pdf = Loader.loadPDF(pdfFile.toFile())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
            assertTrue(text.contains("督办事项催办单"), text);
            assertTrue(text.contains("督催〔2026〕1号"), text);
            assertTrue(text.contains("蕉城区："), text);
            assertTrue(text.contains("2026年12月4日前"), "5 working days after 29 November: " + text);
            assertTrue(text.contains("超期"), text);
            for (PDPage page : pdf.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertTrue(font.isEmbedded(), font.getName());
                }
            }
            double[] box = textBox(pdf);
            double height = pdf.getPage(0).getMediaBox().getHeight();
            double width = pdf.getPage(0).getMediaBox().getWidth();
            assertTrue(box[0] >= 28 * MM - 1, "left margin 28 mm: " + box[0] / MM);
            assertTrue(box[1] <= width - 26 * MM + 1, "right margin 26 mm: " + (width - box[1]) / MM);
            assertTrue(box[2] >= 37 * MM - 1, "top margin 37 mm: " + box[2] / MM);
            // the page number stands 7 mm below the text area, inside the 35 mm bottom margin
            assertTrue(box[3] <= height - 35 * MM + 7 * MM + 16, "bottom: " + (height - box[3]) / MM);
        }
        Path docx = r.files().stream().filter(f -> f.toString().endsWith(".docx")).findFirst().orElseThrow();
        try (InputStream in = Files.newInputStream(docx); XWPFDocument doc = new XWPFDocument(in)) {
            CTPageMar mar = doc.getDocument().getBody().getSectPr().getPgMar();
            assertEquals(Math.round(37 * 1440 / 25.4), ((BigInteger) mar.getTop()).longValue(), 2);
            assertEquals(Math.round(35 * 1440 / 25.4), ((BigInteger) mar.getBottom()).longValue(), 2);
            assertEquals(Math.round(28 * 1440 / 25.4), ((BigInteger) mar.getLeft()).longValue(), 2);
            assertEquals(Math.round(26 * 1440 / 25.4), ((BigInteger) mar.getRight()).longValue(), 2);
            String text = doc.getParagraphs().stream().map(XWPFParagraph::getText).reduce("", (a, b) -> a + b + "\n");
            assertTrue(text.contains("蕉城区："), text);
            XWPFTable table = doc.getTables().get(0);
            assertEquals(n.shares().size() + 1, table.getNumberOfRows());
        }
    }

    @Test
    void aDraftHasNoNumberAndAFailedBatchRecordsNothing() throws IOException {
        NoticeService.ChaseResult r = service.chase(DAY, NoticeLevel.CHASE, "蕉城区", true, dir.resolve("draft"));
        assertTrue(r.notices().get(0).draft());
        assertEquals(0, service.lastNumber(LadderSettings.Series.CHASE, 2026));
        Path blocked = Files.writeString(dir.resolve("a-file"), "x");
        assertThrows(LocalizedException.class, () -> service.chase(DAY, NoticeLevel.CHASE, null, false, blocked));
        assertEquals(1, service.all().size(), "only the draft");
        assertEquals(0, service.lastNumber(LadderSettings.Series.CHASE, 2026));
        LocalizedException e = assertThrows(LocalizedException.class,
                () -> service.chase(DAY, NoticeLevel.CHASE, "不存在县", false, dir.resolve("x")));
        assertEquals("ladder.error.unknownUnit", e.key());
    }

    /** min x, max x, min top, max bottom of the text on the first page, in points from the top left. */
    private static double[] textBox(PDDocument pdf) throws IOException {
        double[] box = {Double.MAX_VALUE, 0, Double.MAX_VALUE, 0};
        PDFTextStripper s = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                for (TextPosition p : positions) {
                    if (p.getUnicode().isBlank()) {
                        continue;
                    }
                    box[0] = Math.min(box[0], p.getXDirAdj());
                    box[1] = Math.max(box[1], p.getXDirAdj() + p.getWidthDirAdj());
                    box[2] = Math.min(box[2], p.getYDirAdj() - p.getHeightDir());
                    box[3] = Math.max(box[3], p.getYDirAdj());
                }
            }
        };
        s.setStartPage(1);
        s.setEndPage(1);
        s.getText(pdf);
        return box;
    }
}
