package org.duban.service.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.model.Meeting;
import org.duban.model.Task;
import org.duban.persistence.Database;
import org.duban.persistence.TaskRepository;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.duban.testing.WordLists;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One task spread over several rows, each holding one measure (issue 14): the 序号, problem, target, units and deadline
 * cells merged down (Excel and Word) or simply left empty. The rows are one task whose measures are joined in order.
 */
class ContinuationRowsTest {
    private static final List<String> HEADER = List.of("序号", "问题描述", "整改目标", "整改措施", "责任单位", "完成时限");
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

    private ImportPlan plan(Path file) {
        return importer.plan(importer.read(file), new ImportTarget.Existing(meeting.id()), OPTIONS);
    }

    /** Rows under {@link #HEADER} in row 2; each int[] {firstRow, lastRow, column} is merged down (0-based rows). */
    private Path xlsx(String name, List<List<String>> rows, int[]... merges) {
        Path file = dir.resolve(name);
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("任务清单");
            sheet.createRow(0).createCell(0).setCellValue("附件1");
            Row h = sheet.createRow(1);
            for (int c = 0; c < HEADER.size(); c++) {
                h.createCell(c).setCellValue(HEADER.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 2);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    if (!rows.get(r).get(c).isEmpty()) {
                        row.createCell(c).setCellValue(rows.get(r).get(c));
                    }
                }
            }
            for (int[] m : merges) {
                sheet.addMergedRegion(new CellRangeAddress(m[0], m[1], m[2], m[2]));
            }
            wb.write(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return file;
    }

    private static Map<String, Integer> perUnit(ImportPlan plan) {
        Map<String, Integer> m = new LinkedHashMap<>();
        plan.assignmentsByUnit().forEach((u, n) -> m.put(u.name(), n));
        return m;
    }

    private static final List<List<String>> MERGED = List.of(
            List.of("1", "霍童溪流域生活污水直排", "消除直排口", "1.排查沿岸排口", "蕉城区、福安市", "2026年6月底前"),
            List.of("", "", "", "2.完成截污纳管", "", ""),
            List.of("", "", "", "3.建立长效巡查机制", "", ""),
            List.of("2", "城区工地扬尘管控不到位", "扬尘达标", "1.加强巡查", "霞浦县", "2026年9月30日"),
            List.of("", "", "", "2.严格执法", "", ""));

    @Test
    void cellsMergedDownMakeOneTaskWithItsMeasuresInOrder() {
        // rows 3–5 and 6–7 of the sheet (0-based 2–4, 5–6): 序号, problem, target, units, deadline merged down
        int[][] merges = {{2, 4, 0}, {2, 4, 1}, {2, 4, 2}, {2, 4, 4}, {2, 4, 5},
            {5, 6, 0}, {5, 6, 1}, {5, 6, 2}, {5, 6, 4}, {5, 6, 5}};
        ImportPlan plan = plan(xlsx("合并.xlsx", MERGED, merges));
        assertMergedListRead(plan, 3);
    }

    @Test
    void cellsLeftEmptyBelowATaskReadTheSame() {
        assertMergedListRead(plan(xlsx("空白.xlsx", MERGED)), 3);
    }

    @Test
    void aWordListWithVerticallyMergedCellsReadsTheSame() {
        String d = WordLists.DOWN;
        String u = WordLists.UP;
        Path file = WordLists.write(dir.resolve("合并.docx"), List.of("附件1"), List.of(HEADER,
                List.of(d + "1", d + "霍童溪流域生活污水直排", d + "消除直排口", "1.排查沿岸排口", d + "蕉城区、福安市",
                        d + "2026年6月底前"),
                List.of(u, u, u, "2.完成截污纳管", u, u),
                List.of(u, u, u, "3.建立长效巡查机制", u, u),
                List.of(d + "2", d + "城区工地扬尘管控不到位", d + "扬尘达标", "1.加强巡查", d + "霞浦县", d + "2026年9月30日"),
                List.of(u, u, u, "2.严格执法", u, u)));
        assertMergedListRead(plan(file), 2);
    }

    private static void assertMergedListRead(ImportPlan plan, int firstRow) {
        assertFalse(plan.hasErrors(), () -> plan.errors().toString());
        assertTrue(plan.warnings().isEmpty(), () -> plan.warnings().toString());
        assertEquals(2, plan.taskCount());
        Task t1 = plan.rows().get(0).task();
        assertEquals(1, t1.seq());
        assertEquals("1.排查沿岸排口\n2.完成截污纳管\n3.建立长效巡查机制", t1.measures());
        assertEquals("霍童溪流域生活污水直排", t1.problem());
        assertEquals(LocalDate.of(2026, 6, 30), t1.deadline().dueDate().orElseThrow());
        Task t2 = plan.rows().get(1).task();
        assertEquals("1.加强巡查\n2.严格执法", t2.measures());
        assertEquals(LocalDate.of(2026, 9, 30), t2.deadline().dueDate().orElseThrow());
        assertEquals(Map.of("蕉城区", 1, "福安市", 1, "霞浦县", 1), perUnit(plan));
        assertEquals(0, t1.leadUnitId(), "no 牵头单位 column: no lead unit");
        assertEquals(0, t2.leadUnitId());
        assertEquals(Map.of(firstRow, List.of(firstRow + 1, firstRow + 2), firstRow + 3, List.of(firstRow + 4)),
                plan.continuations());
        assertEquals(List.of(firstRow, firstRow + 3), plan.rows().stream().map(PlannedRow::rowNumber).toList());
    }

    @Test
    void aRowWithoutNumberAndProblemButOtherUnitsIsJoinedWithAWarningNamingTheRows() {
        ImportPlan plan = plan(xlsx("含糊.xlsx", List.of(
                List.of("1", "霍童溪流域生活污水直排", "消除直排口", "1.排查沿岸排口", "蕉城区", "2026年6月底前"),
                List.of("", "", "", "2.完成截污纳管", "福安市", ""))));
        assertFalse(plan.hasErrors(), () -> plan.errors().toString());
        assertEquals(1, plan.taskCount());
        assertEquals("1.排查沿岸排口\n2.完成截污纳管", plan.rows().get(0).task().measures());
        assertEquals(1, plan.warnings().size());
        ImportProblem w = plan.warnings().get(0);
        assertEquals("import.problem.continuationDiffers", w.key());
        assertEquals(4, w.row());
        assertEquals("E", w.column());
        assertEquals("福安市", w.value());
        String shown = org.duban.i18n.Messages.tr(w.key(), w.args());
        assertTrue(shown.contains("第 4 行") && shown.contains("第 3 行") && shown.contains("责任单位"), shown);
    }

    @Test
    void aRepeatedNumberWithAnotherProblemIsStillADuplicateAndNothingIsWritten() {
        Path file = xlsx("重复.xlsx", List.of(
                List.of("1", "霍童溪流域生活污水直排", "消除直排口", "1.排查沿岸排口", "蕉城区", "2026年6月底前"),
                List.of("1", "城区工地扬尘管控不到位", "扬尘达标", "加强巡查", "霞浦县", "2026年9月30日")));
        ImportBlockedException e = assertThrows(ImportBlockedException.class, () -> importer.apply(importer.read(file),
                new ImportTarget.Existing(meeting.id()), OPTIONS, (d, t) -> { }));
        assertEquals("import.problem.duplicateSeq", e.plan().errors().get(0).key());
        assertEquals(4, e.plan().errors().get(0).row());
        assertEquals(0, db.read(c -> new TaskRepository(db).findByMeeting(meeting.id())).size());
    }

    @Test
    void importingWritesOneTaskPerGroupWithItsJoinedMeasures() {
        importer.apply(importer.read(xlsx("合并.xlsx", MERGED)), new ImportTarget.Existing(meeting.id()), OPTIONS,
                (d, t) -> { });
        List<Task> stored = db.read(c -> new TaskRepository(db).findByMeeting(meeting.id()));
        assertEquals(2, stored.size());
        assertEquals("1.排查沿岸排口\n2.完成截污纳管\n3.建立长效巡查机制", stored.get(0).measures());
        assertEquals(2, stored.get(0).assignments().size());
    }
}
