package org.duban.service.handout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType3Font;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.duban.model.Task;
import org.duban.model.Unit;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.Test;

/** Reads generated PDFs back with PDFBox, as a reader's PDF viewer would. */
class HandoutPdfTest extends HandoutDbTest {
    private static final HandoutSettings BUNDLED = HandoutFixtures.BUNDLED;


    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }



    @Test
    void everyTaskOfTheUnitIsInItsPdfInFull() throws IOException {
        HandoutService.MeetingData data = sample();
        Unit jiaocheng = HandoutFixtures.unit(db, "蕉城区");
        Path out = dir.resolve("out");
        Wired.of(db).handouts().exportUnit(data, jiaocheng, BUNDLED, out);

        String all = squeeze(String.join("", HandoutFixtures.pageTexts(HandoutFixtures.pdf(out, "蕉城区"))));
        List<Task> mine = data.tasks().stream().filter(t -> t.unitIds().contains(jiaocheng.id())).toList();
        assertTrue(mine.size() > 10, "the sample gives 蕉城区 many tasks");
        for (Task t : mine) {
            for (String field : List.of(t.problem(), t.target(), t.measures(), t.leader(), t.supportingUnits(),
                    t.deadline().phrase())) {
                assertTrue(all.contains(squeeze(field)), "task " + t.seq() + " lacks: " + field);
            }
        }
        List<Task> others = data.tasks().stream().filter(t -> !t.unitIds().contains(jiaocheng.id())).toList();
        assertFalse(others.isEmpty());
        for (Task t : others) {
            assertFalse(all.contains(squeeze(t.problem())), "task " + t.seq() + " is not 蕉城区's");
        }
        assertTrue(all.contains("宁德市生态环境保护重点工作任务清单（蕉城区）"));
        assertTrue(all.contains("一、中央生态环境保护督察反馈问题"));
        assertTrue(all.contains("二、省级督察反馈问题"));
        assertTrue(all.contains("三、举一反三排查问题"));
    }

    @Test
    void everyPageCarriesTheUnitThePageNumberAndTheHeaderRow() throws IOException {
        HandoutService.MeetingData data = sample();
        Path out = dir.resolve("out");
        Wired.of(db).handouts().exportUnit(data, HandoutFixtures.unit(db, "福安市"), BUNDLED, out);

        List<String> pages = HandoutFixtures.pageTexts(HandoutFixtures.pdf(out, "福安市"));
        assertTrue(pages.size() > 1);
        for (int i = 0; i < pages.size(); i++) {
            String p = squeeze(pages.get(i));
            assertTrue(p.contains("第" + (i + 1) + "页共" + pages.size() + "页"), "page " + (i + 1) + ": " + p);
            assertTrue(p.contains("福安市"), "page " + (i + 1));
            assertTrue(p.contains("序号问题整改目标整改措施责任领导配合单位完成时限"), "header row on page " + (i + 1));
        }
    }

    @Test
    void aUnitWithManyLongTasksGetsEveryTaskOnceOnTheRightNumberOfPages() throws IOException {
        db = TestDb.withRoster(dir);
        HandoutFixtures.Written w = HandoutFixtures.writeLongTasks(db, 40, 0, dir.resolve("out"));
        HandoutLayout layout = w.layout();

        List<String> pages = HandoutFixtures.pageTexts(w.pdf());
        assertEquals(layout.pageCount(), pages.size());
        // Right means no page ends early: the first task row of each next page would not have fit below the
        // last row of the page before (a section heading moves with its first task).
        for (int i = 0; i + 1 < layout.pageCount(); i++) {
            LayoutPage page = layout.pages().get(i);
            LayoutPage next = layout.pages().get(i + 1);
            double free = page.geometry().contentBottom() - page.rows().get(page.rows().size() - 1).bottom();
            double needed = next.rows().stream().skip(1).takeWhile(r -> r.kind() != RowKind.TASK).mapToDouble(
                    TableRow::height).sum() + next.rows().stream().filter(r -> r.kind() == RowKind.TASK)
                    .findFirst().orElseThrow().height();
            assertTrue(needed > free, "page " + (i + 1) + " ends early: " + free + " pt free, next needs " + needed);
        }
        String all = squeeze(String.join("", pages));
        for (int seq = 1; seq <= 40; seq++) {
            String problem = "第" + seq + "项问题：沿海乡镇";
            assertEquals(1, count(all, problem), "task " + seq + " appears once");
        }
        assertTrue(pages.size() >= 10, "40 long tasks fill many pages: " + pages.size());
    }

    @Test
    void aTaskTallerThanAPageContinuesOverleafMarkedContinuedWithNothingLost() throws IOException {
        db = TestDb.withRoster(dir);
        HandoutFixtures.Written w = HandoutFixtures.writeLongTasks(db, 6, 3, dir.resolve("out"));
        HandoutLayout layout = w.layout();
        HandoutService.MeetingData data = w.data();

        Path pdf = w.pdf();
        List<String> pages = HandoutFixtures.pageTexts(pdf);
        long continued = pages.stream().filter(p -> squeeze(p).contains("3（续）")).count();
        assertTrue(continued >= 2, "the giant task runs over at least three pages, each part after the first with (续)");

        // The 整改措施 column read page by page, below the header row: task 3's measures come out whole.
        int col = BUNDLED.columns().stream().map(ColumnSpec::column).toList().indexOf(HandoutColumn.MEASURES);
        StringBuilder column = new StringBuilder();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                LayoutPage lp = layout.pages().get(i);
                TableRow.Cell cell = lp.rows().get(0).cells().get(col);
                double top = lp.rows().get(0).bottom();
                PDFTextStripperByArea area = new PDFTextStripperByArea();
                area.addRegion("measures", new Rectangle2D.Double(cell.left(), top, cell.width(),
                        lp.geometry().contentBottom() - top));
                area.extractRegions(doc.getPage(i));
                column.append(area.getTextForRegion("measures"));
            }
        }
        String giant = data.tasks().stream().filter(t -> t.seq() == 3).findFirst().orElseThrow().measures();
        assertTrue(squeeze(column.toString()).contains(squeeze(giant)), "task 3's measures in full, in order");
    }

    @Test
    void fontsAreEmbeddedSubsetsAndNoneIsType3() throws IOException {
        HandoutService.MeetingData data = sample();
        Path out = dir.resolve("out");
        Wired.of(db).handouts().exportAll(data, BUNDLED.withSignOff(true).withNotice("会议材料　会后收回"), out,
                HandoutService.Progress.NONE);
        List<Path> pdfs;
        try (Stream<Path> s = Files.list(out)) {
            pdfs = s.filter(p -> p.toString().endsWith(".pdf")).toList();
        }
        assertFalse(pdfs.isEmpty());
        for (Path pdf : pdfs) {
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                int fonts = 0;
                for (PDPage page : doc.getPages()) {
                    PDResources res = page.getResources();
                    if (res == null || res.getFontNames() == null) {
                        continue; // a blank page that lets the next unit start on a front side
                    }
                    for (COSName name : res.getFontNames()) {
                        PDFont f = res.getFont(name);
                        fonts++;
                        assertFalse(f instanceof PDType3Font, pdf + ": " + f.getName() + " is Type 3");
                        assertTrue(f.isEmbedded(), pdf + ": " + f.getName() + " is not embedded");
                        assertTrue(f.getName().matches("[A-Z]{6}\\+.*"), pdf + ": " + f.getName() + " is not a subset");
                    }
                }
                assertTrue(fonts > 0, pdf.toString());
            }
        }
    }

    @Test
    void theBatchWritesOnePdfPerUnitWithTasksAndACombinedFileWithUnitsOnOddPages() throws IOException {
        HandoutService.MeetingData data = sample();
        Path out = dir.resolve("out");
        List<Integer> progress = new ArrayList<>();
        HandoutService.BatchResult r = HandoutFixtures.exportAllWithCopies(db, data, "福安市", 3, out,
                (done, total, u) -> progress.add(done));

        long unitsWithTasks = TestDb.sqlLong(db, "SELECT count(DISTINCT unit_id) FROM assignment");
        assertEquals(unitsWithTasks, r.units());
        assertEquals(unitsWithTasks, r.unitFiles().size());
        assertTrue(Files.exists(out.resolve("任务清单-蕉城区.pdf")));
        assertFalse(Files.exists(out.resolve("任务清单-宁德市人民政府.pdf")), "no handout for a unit with no tasks");
        assertEquals(r.units() + 1, progress.get(progress.size() - 1), "progress reaches the end");

        List<String> combined = HandoutFixtures.pageTexts(r.combined());
        assertEquals(r.combinedPages(), combined.size());
        int fuanFirstPages = 0;
        for (int i = 0; i < combined.size(); i++) {
            String p = squeeze(combined.get(i));
            if (p.contains("第1页共")) {
                assertEquals(0, i % 2, "a unit starts on page " + (i + 1) + ", an even page");
                if (p.contains("（福安市）")) {
                    fuanFirstPages++;
                }
            }
        }
        assertEquals(3, fuanFirstPages, "福安市's three copies");
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
