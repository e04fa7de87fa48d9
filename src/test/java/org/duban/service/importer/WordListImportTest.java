package org.duban.service.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.duban.i18n.LocalizedException;
import org.duban.model.Meeting;
import org.duban.model.Task;
import org.duban.persistence.Database;
import org.duban.persistence.TaskRepository;
import org.duban.service.excel.Grid;
import org.duban.testing.OfficeLists;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.duban.testing.WordLists;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Task lists that arrive as Word documents (issue 14): "附件1", a title paragraph and a table, written here with POI's
 * XWPF the way offices lay them out, read by the same planner as a workbook.
 */
class WordListImportTest {
    private static final List<String> HEADER = List.of("序号", "问题描述", "整改目标", "整改措施", "责任单位", "整改时限");
    private static final ImportOptions OPTIONS = ImportOptions.DEFAULT.withDefaultSource("市级排查");
    @TempDir
    Path dir;
    private Database db;
    private Meeting meeting;
    private TaskImporter importer;

    @BeforeEach
    void open() {
        db = TestDb.withRoster(dir);
        meeting = TestDb.emptyMeeting(db);
        importer = Wired.of(db).plainImporter();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private ImportTarget into() {
        return new ImportTarget.Existing(meeting.id());
    }

    private ImportPlan plan(Path file) {
        return importer.plan(importer.read(file), into(), OPTIONS);
    }

    private static Map<String, Integer> perUnit(ImportPlan plan) {
        Map<String, Integer> m = new LinkedHashMap<>();
        plan.assignmentsByUnit().forEach((u, n) -> m.put(u.name(), n));
        return m;
    }

    @Test
    void theMessyListAsAWordDocumentReadsAsTheWorkbookDoes() {
        ImportPlan plan = plan(OfficeLists.docx(dir.resolve("清单.docx")));
        assertFalse(plan.hasErrors(), () -> plan.errors().toString());
        assertEquals(OfficeLists.TITLE, plan.title());
        assertEquals(1, plan.headerRow(), "rows count the table's rows, the heading is its first");
        assertEquals(OfficeLists.TASKS, plan.taskCount());
        assertEquals(OfficeLists.ASSIGNMENTS, plan.assignmentCount());
        assertEquals(OfficeLists.PER_UNIT, perUnit(plan));
        assertEquals(2, plan.supervisedCount());
        Task t12 = plan.rows().get(11).task();
        assertEquals(12, t12.seq());
        assertEquals(plan.rows().get(10).task().unitIds(), t12.unitIds(), "the vMerge'd 责任单位 belongs to row 12 too");
        assertEquals(LocalDate.of(2026, 10, 31), plan.rows().get(5).task().deadline().dueDate().orElseThrow());
    }

    @Test
    void sectionRowsMultiLineCellsAndWordNumberingBecomeTasksWithTheirMeasures() {
        Path file = WordLists.write(dir.resolve("附件1 任务清单.docx"), List.of("附件1", "2026年生态环境问题整改任务清单"),
                List.of(HEADER,
                        List.of(WordLists.SPAN + "一、水环境问题（2项）"),
                        List.of("1", "霍童溪沿岸\n生活污水直排", "消除直排", WordLists.NUMBERED + "排查沿岸排口\n完成截污纳管\n建立长效巡查",
                                "蕉城区、福安市", "2026年6月底前"),
                        List.of("2", "城区黑臭水体返黑返臭", "不返黑返臭", "1.控源截污；\n2.清淤疏浚。", "市住建局", "2026年三季度末"),
                        List.of(WordLists.SPAN + "二、大气环境问题"),
                        List.of("3", "工地扬尘管控不到位", "六个百分百", WordLists.NUMBERED + "加强巡查\n严格执法",
                                "各县（市、区）", "长期坚持")));
        ImportPlan plan = plan(file);
        assertFalse(plan.hasErrors(), () -> plan.errors().toString());
        assertEquals("2026年生态环境问题整改任务清单", plan.title());
        assertEquals(3, plan.taskCount());
        assertEquals(2 + 1 + 9, plan.assignmentCount());
        Task t1 = plan.rows().get(0).task();
        assertEquals("水环境问题", t1.source());
        assertEquals("霍童溪沿岸\n生活污水直排", t1.problem(), "a cell's paragraphs stay lines");
        assertEquals("1.排查沿岸排口\n2.完成截污纳管\n3.建立长效巡查", t1.measures(), "Word's own numbering is written out");
        assertEquals(LocalDate.of(2026, 6, 30), t1.deadline().dueDate().orElseThrow());
        assertEquals("1.控源截污；\n2.清淤疏浚。", plan.rows().get(1).task().measures());
        Task t3 = plan.rows().get(2).task();
        assertEquals("大气环境问题", t3.source());
        assertEquals("1.加强巡查\n2.严格执法", t3.measures(), "each cell's list starts again at 1");
        assertTrue(t3.deadline().isOngoing());
        Map<String, Integer> shares = perUnit(plan);
        assertEquals(2, shares.get("蕉城区"));
        assertEquals(1, shares.get("市住房和城乡建设局"));
        assertEquals(10, shares.size(), "the nine of 各县（市、区） (蕉城区 and 福安市 among them) and 市住建局");
        plan.rows().forEach(r -> assertEquals(0, r.task().leadUnitId(), "a list without 牵头单位 leads nothing"));
    }

    @Test
    void aListSplitIntoTablesReadsAsOneAndARepeatedHeadingIsPassedOver() {
        Path file = WordLists.write(dir.resolve("分表.docx"), List.of("任务清单"),
                List.of(HEADER, List.of("1", "河道垃圾清理不及时", "河面无垃圾", "落实河长巡河", "蕉城区", "2026年底前")),
                List.of(List.of(WordLists.SPAN + "二、大气环境"), List.of("2", "工地扬尘管控不到位", "扬尘达标", "加强巡查执法", "霞浦县", "2026年底前")),
                List.of(HEADER, List.of("3", "秸秆露天焚烧", "杜绝焚烧", "网格化巡查", "古田县", "2026年底前")));
        ImportPlan plan = plan(file);
        assertFalse(plan.hasErrors(), () -> plan.errors().toString());
        assertEquals(List.of(1, 2, 3), plan.rows().stream().map(r -> r.task().seq()).toList());
        assertEquals(List.of(2, 4, 6), plan.rows().stream().map(PlannedRow::rowNumber).toList(),
                "rows are counted through the tables, paragraphs not counted");
        assertEquals("大气环境", plan.rows().get(1).task().source());
    }

    @Test
    void importingAWordListWritesItsTasksInOneGo() {
        ImportResult result = importer.apply(importer.read(OfficeLists.docx(dir.resolve("清单.docx"))), into(),
                ImportOptions.DEFAULT, (d, t) -> { });
        assertEquals(OfficeLists.TASKS, result.plan().taskCount());
        List<Task> stored = db.read(c -> new TaskRepository(db).findByMeeting(meeting.id()));
        assertEquals(OfficeLists.TASKS, stored.size());
        assertEquals(OfficeLists.ASSIGNMENTS, stored.stream().mapToInt(t -> t.assignments().size()).sum());
    }

    @Test
    void aBadRowInAWordListIsNamedByTableRowAndColumnAndNothingIsWritten() {
        Path file = WordLists.write(dir.resolve("有错.docx"), List.of("附件1"),
                List.of(HEADER, List.of("1", "河道垃圾清理不及时", "河面无垃圾", "落实河长巡河", "蕉城区", "2026年底前"),
                        List.of("2", "工地扬尘管控不到位", "扬尘达标", "加强巡查执法", "蕉城区", "明年某时")));
        ImportBlockedException e = assertThrows(ImportBlockedException.class, () -> importer.apply(importer.read(file),
                into(), OPTIONS, (d, t) -> { }));
        ImportProblem p = e.plan().errors().get(0);
        assertEquals(3, p.row());
        assertEquals("F", p.column());
        assertEquals("整改时限", p.header());
        assertEquals("明年某时", p.value());
        assertEquals(0, db.read(c -> new TaskRepository(db).findByMeeting(meeting.id())).size());
    }

    @Test
    void anOldDocOrWpsFileIsToldToBeSavedAsDocxNotCalledABadExcelFile() throws Exception {
        for (String name : List.of("清单.doc", "清单.wps", "改了名的清单.xls")) {
            Path file = dir.resolve(name);
            try (POIFSFileSystem fs = new POIFSFileSystem()) {
                fs.createDocument(new java.io.ByteArrayInputStream(new byte[600]), "WordDocument");
                try (OutputStream out = Files.newOutputStream(file)) {
                    fs.writeFilesystem(out);
                }
            }
            LocalizedException e = assertThrows(LocalizedException.class, () -> importer.read(file));
            assertEquals("excel.error.wordBinary", e.key(), name);
            String shown = e.getLocalizedMessage();
            assertTrue(shown.contains(name) && shown.contains(".docx") && shown.contains("Word"), shown);
        }
    }

    @Test
    void aWordDocumentWithoutATableSaysSo() throws Exception {
        Path file = dir.resolve("通知.docx");
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            doc.createParagraph().createRun().setText("关于召开交办会的通知");
            doc.write(out);
        }
        LocalizedException e = assertThrows(LocalizedException.class, () -> importer.read(file));
        assertEquals("excel.error.noTables", e.key());
        assertTrue(e.getMessage().contains("通知.docx"), e::getMessage);
    }

    @Test
    void aDamagedWordDocumentIsCalledADamagedWordDocument() throws Exception {
        Path good = OfficeLists.docx(dir.resolve("好.docx"));
        byte[] bytes = Files.readAllBytes(good);
        Path bad = dir.resolve("坏.docx");
        Files.write(bad, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        LocalizedException e = assertThrows(LocalizedException.class, () -> importer.read(bad));
        assertTrue(e.key().equals("excel.error.docxUnreadable") || e.key().equals("excel.error.unreadable"), e.key());
        assertTrue(e.getMessage().contains("坏.docx"), e::getMessage);
    }

    @Test
    void theGridKeepsTheTitleParagraphsAboveTheTable() {
        List<Grid> grids = importer.read(OfficeLists.docx(dir.resolve("清单.docx"))).sheets();
        assertEquals(1, grids.size());
        assertEquals("附件1", grids.get(0).rows().get(0).cell(0));
        assertEquals(0, grids.get(0).rows().get(0).number());
        assertEquals("序号", grids.get(0).rows().get(3).cell(0));
    }
}
