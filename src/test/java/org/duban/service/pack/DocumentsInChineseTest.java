package org.duban.service.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.i18n.Messages;
import org.duban.persistence.Database;
import org.duban.service.audit.AuditLog;
import org.duban.service.bulletin.Bulletin;
import org.duban.service.bulletin.BulletinService;
import org.duban.service.chart.ChartStyle;
import org.duban.service.chart.ProgressCharts;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the window in English ({@code --lang en}), the charts of a bulletin and the files of a meeting pack are
 * still in Chinese, as the documents they go into are; the dashboard's charts follow the window.
 */
class DocumentsInChineseTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 29);
    @TempDir
    Path dir;
    private Database db;
    private AuditLog audit;

    @BeforeEach
    void englishWindow() {
        db = TestDb.withSample(dir);
        audit = Wired.audit(db, new TestClock(DAY));
        Messages.use(Locale.ENGLISH);
    }

    @AfterEach
    void chineseAgain() {
        Messages.use(Messages.CHINESE);
        db.close();
    }

    /** The title, subtitles, axis label and every legend and category label of a bar or line chart. */
    private static List<String> words(JFreeChart chart) {
        List<String> words = new ArrayList<>();
        words.add(chart.getTitle().getText());
        for (Object o : chart.getSubtitles()) {
            if (o instanceof TextTitle t) {
                words.add(t.getText());
            } else if (!(o instanceof Title)) {
                throw new AssertionError(o);
            }
        }
        CategoryPlot plot = chart.getCategoryPlot();
        if (plot.getRangeAxis().getLabel() != null) {
            words.add(plot.getRangeAxis().getLabel());
        }
        CategoryDataset d = plot.getDataset();
        d.getRowKeys().forEach(k -> words.add(k.toString()));
        d.getColumnKeys().forEach(k -> words.add(k.toString()));
        return words;
    }

    private static void assertChinese(String what, JFreeChart chart) {
        List<String> words = words(chart);
        assertTrue(words.stream().anyMatch(w -> w.contains("截至 2026年11月29日")), what + ": " + words);
        for (String w : words) {
            assertFalse(w.matches(".*[A-Za-z].*"), what + " has English: " + w);
        }
    }

    @Test
    void theBulletinsChartIsChineseUnderAnEnglishWindow() {
        Bulletin b = Wired.of(audit).bulletins().prepare(null, DAY);
        JFreeChart chart = BulletinService.chart(b);
        assertEquals("各单位任务完成率排名", chart.getTitle().getText());
        assertChinese("bulletin", chart);
    }

    @Test
    void thePacksSlidesAreChineseUnderAnEnglishWindow() {
        Bulletin b = Wired.of(audit).bulletins().prepare(null, DAY);
        Map<String, JFreeChart> slides = Wired.of(audit).meetingPacks().slides(b);
        assertEquals(5, slides.size());
        slides.forEach(DocumentsInChineseTest::assertChinese);
    }

    @Test
    void thePacksLedgerIsChineseUnderAnEnglishWindow() throws Exception {
        long push = TestDb.sqlLong(db, "SELECT id FROM meeting WHERE kind = 'PUSH'");
        MeetingPackService.Result r = Wired.of(audit).meetingPacks().write(push, dir.resolve("out"),
                MeetingPackService.Progress.NONE);
        try (InputStream in = Files.newInputStream(r.folder().resolve("台账-2026-09-29.xlsx"));
             XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheetAt(0);
            assertEquals("台账", sheet.getSheetName());
            assertTrue(sheet.getRow(0).getCell(0).getStringCellValue().contains("任务台账"));
            List<String> cells = new ArrayList<>();
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                for (Cell c : sheet.getRow(i)) {
                    cells.add(c.getStringCellValue());
                }
            }
            assertEquals("序号", cells.get(0));
            assertTrue(cells.containsAll(List.of("状态", "各单位状态", "已销号")), cells.subList(0, 15).toString());
            for (String c : cells) {
                assertFalse(c.matches(".*\\b(Closed|Completed|schedule|Not started|Ongoing)\\b.*"), c);
            }
        }
    }

    @Test
    void theDashboardsChartsFollowTheWindow() {
        Bulletin b = Wired.of(audit).bulletins().prepare(null, DAY);
        JFreeChart chart = new ProgressCharts(ChartStyle.screen()).ranking(b.counties());
        assertEquals("Completion rate by unit", chart.getTitle().getText());
        assertTrue(words(chart).stream().anyMatch(w -> w.startsWith("As of 29 November 2026")), words(chart).toString());
    }
}
