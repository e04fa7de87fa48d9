package org.duban.service.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.duban.persistence.Database;
import org.duban.service.audit.AuditLog;
import org.duban.service.bulletin.Bulletin;
import org.duban.service.bulletin.BulletinService;
import org.duban.service.bulletin.BulletinSettings;
import org.duban.service.bulletin.BulletinText;
import org.duban.service.handout.FontPreference;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bulletin's optional 考评排名 section, on the sample as of 2026-11-29, read back from the PDF and the docx. */
class ScoredBulletinsTest {
    static final LocalDate DAY = LocalDate.of(2026, 11, 29);
    @TempDir
    static Path dir;
    private static Database db;
    private static AuditLog audit;
    private static ScoredBulletins scored;
    private static ScoreService.ScoreTable table;

    @BeforeAll
    static void sample() {
        db = TestDb.withSample(dir);
        audit = Wired.audit(db, new TestClock(DAY));
        scored = Wired.of(audit).scoredBulletins();
        table = Wired.of(audit).scores().score(LocalDate.of(2026, 1, 1), DAY);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void offByDefaultTheBulletinHasNoScoreSection() throws Exception {
        assertFalse(scored.bulletins().settings().load().withScore(), "off unless asked for");
        Bulletin b = scored.prepare(null, DAY, true, false);
        assertNull(b.scores());
        Path pdf = dir.resolve("off.pdf");
        Path docx = dir.resolve("off.docx");
        BulletinService.write(b, pdf, FontPreference.BUNDLED);
        BulletinService.write(b, docx, FontPreference.BUNDLED);
        String text = pdfText(pdf);
        assertFalse(text.contains("考评排名"), text);
        assertTrue(text.contains("六、下一步工作要求"), text);
        try (InputStream in = Files.newInputStream(docx); XWPFDocument doc = new XWPFDocument(in)) {
            assertEquals(2, doc.getTables().size(), "counties and city departments only");
            assertFalse(paragraphs(doc).contains("考评排名"));
        }
    }

    @Test
    void withScoreTheBulletinRanksTheUnitsByScore() throws Exception {
        assertTrue(table.units().size() > 5, "the sample scores its units");
        Bulletin b = scored.prepare(null, DAY, true, true);
        assertEquals(table.units().size(), b.scores().rows().size());
        Path pdf = dir.resolve("on.pdf");
        Path docx = dir.resolve("on.docx");
        BulletinService.write(b, pdf, FontPreference.BUNDLED);
        BulletinService.write(b, docx, FontPreference.BUNDLED);

        try (InputStream in = Files.newInputStream(docx); XWPFDocument doc = new XWPFDocument(in)) {
            List<XWPFTable> tables = doc.getTables();
            assertEquals(3, tables.size(), "counties, city departments and the scores");
            XWPFTable t = tables.get(2);
            assertEquals(BulletinText.scoreHeader(), t.getRow(0).getTableCells().stream().map(c -> c.getText()).toList());
            assertEquals(table.units().size() + 1, t.getNumberOfRows());
            for (int i = 0; i < table.units().size(); i++) {
                UnitScore u = table.units().get(i);
                assertEquals(String.valueOf(u.rank()), t.getRow(i + 1).getCell(0).getText());
                assertEquals(u.unit().name(), t.getRow(i + 1).getCell(1).getText());
                assertEquals(ScoreExport.num(u.total()), t.getRow(i + 1).getCell(4).getText());
            }
            String text = paragraphs(doc);
            assertTrue(text.contains("六、考评排名"), text);
            assertTrue(text.contains("2026年1月1日至2026年11月29日，按照默认考评规则"), text);
            assertTrue(text.contains("七、下一步工作要求"), text);
        }

        String text = pdfText(pdf).replace("\r", "");
        int section = text.indexOf("六、考评排名");
        assertTrue(section > 0, text);
        assertTrue(text.indexOf("七、下一步工作要求") > section);
        String scores = text.substring(section);
        UnitScore first = table.units().get(0);
        UnitScore last = table.units().get(table.units().size() - 1);
        assertTrue(scores.contains(first.unit().name() + " " + ScoreExport.num(first.added())), scores);
        assertTrue(scores.contains(ScoreExport.num(last.total())), scores);
        assertTrue(scores.indexOf(first.unit().name()) < scores.indexOf(last.unit().name()), "ranked by score");
    }

    @Test
    void theSettingAddsTheSectionWithoutTheOption() {
        BulletinSettings settings = scored.bulletins().settings();
        BulletinSettings.Values v = settings.load();
        settings.save(new BulletinSettings.Values(v.rule(), v.issuer(), v.rankDepartments(), true));
        try {
            assertTrue(settings.load().withScore());
            Bulletin b = scored.prepare(null, DAY, true, false);
            assertEquals(table.units().stream().map(u -> u.unit().name()).toList(),
                    b.scores().rows().stream().map(r -> r.unit()).toList());
        } finally {
            settings.save(v);
        }
    }

    @Test
    void aRuleSetFromLaterInTheYearIsNamedAndApplied() {
        ScoreService service = Wired.of(audit).scores();
        String text = service.inForce(DAY).text();
        service.saveRuleSet(LocalDate.of(2026, 11, 1), "2026年修订", text.replaceAll("(?m)^(基础分\\s*[=:：]).*$",
                "$1 90"));
        try {
            Bulletin b = scored.prepare(null, DAY, true, true);
            String intro = BulletinService.document(b).text();
            assertTrue(intro.contains("按照自2026年11月1日起施行的考评规则“2026年修订”"), intro);
            ScoreService.ScoreTable now = service.score(LocalDate.of(2026, 1, 1), DAY);
            assertEquals(ScoreExport.num(now.units().get(0).total()), b.scores().rows().get(0).total());
        } finally {
            service.deleteRuleSet(LocalDate.of(2026, 11, 1));
        }
    }

    private static String pdfText(Path pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true); // table cells are drawn after the page's text
            return stripper.getText(doc);
        }
    }

    private static String paragraphs(XWPFDocument doc) {
        return doc.getParagraphs().stream().map(XWPFParagraph::getText).reduce("", (a, b) -> a + b + "\n");
    }
}
