package org.duban.service.handout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duban.model.Meeting;
import org.duban.model.Unit;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.Test;

/** The pagination model on its own: pages, rows and cell lines. */
class HandoutPaginatorTest extends HandoutDbTest {
    private static final double EPS = 0.01;
    private static final HandoutSettings BUNDLED = HandoutFixtures.BUNDLED;


    private List<HandoutLayout> sampleLayouts(HandoutSettings settings) {
        HandoutService.MeetingData data = sample();
        return Wired.of(db).handouts().layoutAll(data, settings, HandoutService.Progress.NONE);
    }

    private static List<HandoutSettings> variants() {
        List<HandoutSettings> list = new ArrayList<>();
        for (PageOrientation o : PageOrientation.values()) {
            for (MarginPreset m : MarginPreset.values()) {
                list.add(BUNDLED.withOrientation(o).withMargins(m).withSignOff(true).withNotice("会议材料　会后收回"));
            }
        }
        return list;
    }

    /** The height a row needs when it is not split: its tallest cell's lines plus padding. */
    private static double naturalHeight(List<TableRow> parts, HandoutSettings s) {
        double line = s.margins().bodySize(s.orientation()) * HandoutPaginator.LINE_SPACING;
        int lines = 0;
        for (TableRow part : parts) {
            lines += part.cells().stream().skip(1).mapToInt(c -> c.lines().size()).max().orElse(0);
        }
        return lines * line + 2 * HandoutPaginator.PAD_Y;
    }

    @Test
    void noRowIsSplitUnlessTallerThanAPage() {
        db = TestDb.withRoster(dir);
        Meeting m = HandoutFixtures.manyLongTasks(db, 12, 5);
        HandoutService service = Wired.of(db).handouts();
        Unit xiapu = HandoutFixtures.unit(db, "霞浦县");
        for (HandoutSettings s : variants()) {
            HandoutLayout layout = HandoutService.layout(service.read(m), xiapu, s);
            Map<Integer, List<TableRow>> parts = new LinkedHashMap<>();
            for (LayoutPage p : layout.pages()) {
                for (TableRow r : p.rows()) {
                    if (r.kind() == RowKind.TASK) {
                        parts.computeIfAbsent(r.seq(), k -> new ArrayList<>()).add(r);
                    }
                }
            }
            assertEquals(12, parts.size());
            double header = layout.pages().get(1).rows().get(0).height();
            double page = s.page().contentHeight() - header;
            for (var e : parts.entrySet()) {
                List<TableRow> rows = e.getValue();
                if (rows.size() == 1) {
                    assertFalse(rows.get(0).continued() || rows.get(0).continues());
                    continue;
                }
                assertTrue(naturalHeight(rows, s) > page - 2 * header,
                        s.orientation() + "/" + s.margins() + ": task " + e.getKey() + " split though it fits a page");
                assertTrue(rows.get(0).continues() && !rows.get(0).continued());
                for (TableRow later : rows.subList(1, rows.size())) {
                    assertTrue(later.continued());
                    assertEquals(List.of(String.valueOf(e.getKey()), "（续）"),
                            later.cells().get(0).lines().stream().map(TextLine::text).toList());
                }
            }
            assertTrue(parts.get(5).size() > 1, "task 5 is taller than a page");
        }
    }

    @Test
    void everyLineStaysInsideItsCellAndEveryRowOnItsPage() {
        for (HandoutSettings s : variants()) {
            for (HandoutLayout layout : sampleLayouts(s)) {
                for (LayoutPage p : layout.pages()) {
                    PageGeometry g = p.geometry();
                    for (TableRow r : p.rows()) {
                        assertTrue(r.top() >= g.contentTop() - EPS && r.bottom() <= g.contentBottom() + EPS,
                                layout.unitName() + " p" + p.number() + " row " + r.seq() + " leaves the text area");
                        for (TableRow.Cell c : r.cells()) {
                            for (TextLine l : c.lines()) {
                                assertTrue(l.x() >= c.left() + 1 - EPS
                                        && l.x() + l.width() <= c.left() + c.width() - 1 + EPS,
                                        layout.unitName() + " task " + r.seq() + ": “" + l.text() + "” overflows");
                                assertTrue(l.baseline() > r.top() && l.baseline() < r.bottom(), l.text());
                            }
                        }
                    }
                    for (TextLine t : p.texts()) {
                        assertTrue(t.x() >= -EPS && t.x() + t.width() <= g.width() + EPS, t.text());
                    }
                }
            }
        }
    }

    @Test
    void theHeaderRowOpensEveryPageAndNoSectionHeadingEndsOne() {
        for (HandoutSettings s : variants()) {
            for (HandoutLayout layout : sampleLayouts(s)) {
                for (LayoutPage p : layout.pages()) {
                    if (p.rows().isEmpty()) {
                        continue; // the 签收 block alone on a last page
                    }
                    assertEquals(RowKind.HEADER, p.rows().get(0).kind(), layout.unitName() + " p" + p.number());
                    assertEquals(s.columns().size(), p.rows().get(0).cells().size());
                    assertTrue(p.rows().get(p.rows().size() - 1).kind() == RowKind.TASK,
                            layout.unitName() + " p" + p.number() + " ends with a heading");
                    assertEquals(p.number() == 1, p.text().contains("生态环境保护重点工作任务清单"), "title on page 1 only");
                }
            }
        }
    }

    @Test
    void footersNumberThePagesAndNameTheUnit() {
        for (HandoutLayout layout : sampleLayouts(BUNDLED)) {
            for (LayoutPage p : layout.pages()) {
                List<String> texts = p.texts().stream().map(TextLine::text).toList();
                assertTrue(texts.contains("第 " + p.number() + " 页 共 " + layout.pageCount() + " 页"), texts.toString());
                assertTrue(texts.contains(layout.unitName()));
            }
        }
    }

    @Test
    void tasksAreGroupedUnderTheirSourceInSeqOrder() {
        HandoutService.MeetingData data = sample();
        HandoutContent c = HandoutService.content(data, HandoutFixtures.unit(db, "蕉城区"), BUNDLED);
        assertEquals(List.of("一、中央生态环境保护督察反馈问题", "二、省级督察反馈问题", "三、举一反三排查问题"),
                c.sections().stream().map(HandoutContent.Section::heading).toList());
        int last = 0;
        for (HandoutContent.Section s : c.sections()) {
            for (HandoutEntry e : s.entries()) {
                assertTrue(e.task().seq() > last, "序号 order");
                last = e.task().seq();
            }
        }
        assertEquals("（蕉城区）", c.unitLine());
        assertEquals("宁德市生态环境保护重点工作任务清单", c.title());
        assertEquals("福州市生态环境保护重点工作任务清单",
                HandoutService.content(data, HandoutFixtures.unit(db, "蕉城区"), BUNDLED.withCity("福州市")).title());
    }

    @Test
    void sectionTitlesAndNumbersReadAsOfficeDocumentsWriteThem() {
        assertEquals("中央生态环境保护督察反馈问题", HandoutText.sectionTitle("中央生态环境保护督察"));
        assertEquals("省级督察反馈问题", HandoutText.sectionTitle("省级督察"));
        assertEquals("举一反三排查问题", HandoutText.sectionTitle("举一反三"));
        assertEquals("市级排查问题", HandoutText.sectionTitle("市级排查"));
        assertEquals("信访投诉问题", HandoutText.sectionTitle("信访投诉问题"));
        assertEquals("一", HandoutText.chineseNumber(1));
        assertEquals("十", HandoutText.chineseNumber(10));
        assertEquals("十二", HandoutText.chineseNumber(12));
        assertEquals("二十三", HandoutText.chineseNumber(23));
    }

    @Test
    void eachCopyOfEachUnitStartsOnAnOddPageInTheCombinedSequence() {
        List<HandoutLayout> layouts = sampleLayouts(BUNDLED);
        List<LayoutPage> pages = HandoutService.combine(layouts, name -> name.equals("蕉城区") ? 3 : 1);
        int starts = 0;
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).number() == 1) {
                assertEquals(0, i % 2, "a unit starts on page " + (i + 1));
                starts++;
            }
        }
        assertEquals(layouts.size() + 2, starts);
        assertEquals(0, pages.size() % 2);
    }

    @Test
    void theSignOffBlockFollowsTheTable() {
        HandoutLayout l = sampleLayouts(BUNDLED.withSignOff(true)).get(0);
        LayoutPage last = l.pages().get(l.pageCount() - 1);
        String text = last.text();
        assertTrue(text.contains("签收单位：") && text.contains("签收人：") && text.contains("日期："), text);
        assertFalse(last.rules().isEmpty(), "lines to sign on");
        double tableEnd = last.rows().isEmpty() ? last.geometry().contentTop()
                : last.rows().get(last.rows().size() - 1).bottom();
        assertTrue(last.texts().stream().filter(t -> t.text().equals("签收人：")).allMatch(t -> t.baseline() > tableEnd));
    }
}
