package org.duban.service.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.duban.model.Meeting;
import org.duban.persistence.Database;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.duban.testing.Workbooks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workbooks as they arrive in real offices, beyond the plain list: formulas (with and without their results,
 * and broken), deadlines written as numbers, a cover page in front of the list, no tasks under the heading.
 */
class AwkwardListsTest {
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
        return importer.plan(importer.read(file), new ImportTarget.Existing(meeting.id()),
                ImportOptions.DEFAULT.withDefaultSource("市级排查"));
    }

    @Test
    void formulasGiveTheirSavedResults() {
        Path file = Workbooks.write(dir.resolve("saved.xlsx"), true, wb -> Workbooks.sheet(wb, "清单", List.of(
                Workbooks.row(1, "=\"河道\"&\"垃圾清理\"", "蕉城区", "2026年底前"),
                Workbooks.row("=A2+1", "入河排污口整治", "=\"福安市\"", "=TEXT(DATE(2026,6,30),\"yyyy-mm-dd\")"))));
        ImportPlan plan = plan(file);
        assertFalse(plan.hasErrors(), () -> plan.errors().toString());
        assertEquals("河道垃圾清理", plan.rows().get(0).task().problem());
        assertEquals(2, plan.rows().get(1).task().seq());
        assertEquals("福安市", plan.rows().get(1).units().get(0).name());
        assertEquals(LocalDate.of(2026, 6, 30), plan.rows().get(1).task().deadline().dueDate().orElseThrow());
    }

    @Test
    void formulasSavedWithoutResultsAreWorkedOutNotReadAsZero() {
        Path file = Workbooks.write(dir.resolve("unsaved.xlsx"), false, wb -> Workbooks.sheet(wb, "清单", List.of(
                Workbooks.row(1, "=\"河道\"&\"垃圾清理\"", "=\"蕉城\"&\"区\"", "2026年底前"))));
        ImportPlan plan = plan(file);
        assertFalse(plan.hasErrors(), () -> plan.errors().toString());
        assertEquals("河道垃圾清理", plan.rows().get(0).task().problem());
        assertEquals("蕉城区", plan.rows().get(0).units().get(0).name());
    }

    @Test
    void aFormulaErrorOrAFormulaThatCannotBeWorkedOutIsAnErrorAtItsCell() {
        Path file = Workbooks.write(dir.resolve("broken.xlsx"), false, wb -> Workbooks.sheet(wb, "清单", List.of(
                Workbooks.row(1, "河道垃圾清理", "=1/0", "2026年底前"),
                Workbooks.row(2, "=CELL(\"filename\")", "福安市", "2026年底前"),
                Workbooks.row(3, "正常的一行", "霞浦县", "2026年底前", "=1/0"))));
        ImportPlan plan = plan(file);
        List<ImportProblem> errors = plan.errors();
        assertEquals(3, errors.size(), errors::toString);
        ImportProblem div = errors.get(0);
        assertEquals(2, div.row());
        assertEquals("C", div.column());
        assertEquals("import.problem.formulaError", div.key());
        assertTrue(div.message().contains("#DIV/0!"), div.message());
        ImportProblem cell = errors.get(1);
        assertEquals(3, cell.row());
        assertEquals("B", cell.column());
        assertEquals("import.problem.formulaNotCalculated", cell.key());
        assertTrue(cell.message().contains("CELL(\"filename\")"), cell.message());
        assertEquals("E", errors.get(2).column(), "备注 is imported too, so its error counts");
        assertTrue(plan.rows().stream().noneMatch(PlannedRow::ok), "no row with a broken cell is planned");
    }

    @Test
    void aFormulaErrorInAColumnThatIsNotImportedIsNoProblem() {
        Path file = Workbooks.write(dir.resolve("extra.xlsx"), true, wb -> {
            Sheet s = Workbooks.sheet(wb, "清单", List.of(Workbooks.row(1, "河道垃圾清理", "蕉城区", "2026年底前")));
            s.getRow(0).createCell(5).setCellValue("辅助列");
            s.getRow(1).createCell(5).setCellFormula("1/0");
        });
        assertFalse(plan(file).hasErrors(), () -> plan(file).errors().toString());
    }

    @Test
    void deadlinesWrittenAsNumbersAreReadAsTheirDayWithAWarning() {
        Path file = Workbooks.write(dir.resolve("numbers.xlsx"), false, wb -> Workbooks.sheet(wb, "清单", List.of(
                Workbooks.row(1, "甲", "蕉城区", 46203),
                Workbooks.row(2, "乙", "蕉城区", 20260915),
                Workbooks.row(3, "丙", "蕉城区", LocalDate.of(2026, 10, 31)),
                Workbooks.row(4, "丁", "蕉城区", 123))));
        ImportPlan plan = plan(file);
        assertEquals(LocalDate.of(2026, 6, 30), plan.rows().get(0).task().deadline().dueDate().orElseThrow());
        assertEquals(LocalDate.of(2026, 9, 15), plan.rows().get(1).task().deadline().dueDate().orElseThrow());
        assertEquals(LocalDate.of(2026, 10, 31), plan.rows().get(2).task().deadline().dueDate().orElseThrow());
        List<ImportProblem> warnings = plan.warnings();
        assertEquals(List.of("import.problem.serialDate", "import.problem.compactDate"),
                warnings.stream().map(ImportProblem::key).toList());
        assertEquals("D", warnings.get(0).column());
        assertTrue(warnings.get(0).message().contains("46203") && warnings.get(0).message().contains("2026-06-30"),
                warnings.get(0).message());
        ImportProblem bad = plan.errors().get(0);
        assertEquals(5, bad.row());
        assertEquals("D", bad.column());
        assertTrue(bad.message().contains("123"), bad.message());
    }

    @Test
    void aDateCellWithATimeOfDayIsReadAsItsDay() {
        Path file = Workbooks.write(dir.resolve("time.xlsx"), false, wb -> {
            Sheet s = Workbooks.sheet(wb, "清单", List.of(Workbooks.row(1, "甲", "蕉城区", LocalDate.of(2026, 10, 31))));
            s.getRow(1).getCell(3).setCellValue(LocalDate.of(2026, 10, 31).atTime(17, 30));
        });
        ImportPlan plan = plan(file);
        assertFalse(plan.hasErrors(), () -> plan.errors().toString());
        assertEquals(LocalDate.of(2026, 10, 31), plan.rows().get(0).task().deadline().dueDate().orElseThrow());
    }

    @Test
    void aListBehindACoverPageIsFoundAndTheSheetReadIsNamed() {
        Path file = Workbooks.write(dir.resolve("cover.xlsx"), false, wb -> {
            Sheet cover = wb.createSheet("封面");
            cover.createRow(2).createCell(0).setCellValue("宁德市生态环境保护重点工作任务清单");
            cover.createRow(4).createCell(0).setCellValue("市生态环境保护委员会办公室　2026年3月");
            wb.createSheet("填表说明").createRow(0).createCell(0).setCellValue("请按要求填写。");
            Workbooks.sheet(wb, "任务清单", List.of(Workbooks.row(1, "甲", "蕉城区", "2026年底前")));
            Workbooks.sheet(wb, "2025年清单", List.of(Workbooks.row(1, "旧任务", "福安市", "2025年底前")));
        });
        ImportPlan plan = plan(file);
        assertFalse(plan.hasErrors(), () -> plan.errors().toString());
        assertEquals("任务清单", plan.sheetName());
        assertEquals(1, plan.taskCount());
        List<String> notes = plan.warnings().stream().map(ImportProblem::message).toList();
        assertTrue(notes.stream().anyMatch(m -> m.contains("“任务清单”") && m.contains("“封面”、“填表说明”")), notes::toString);
        assertTrue(notes.stream().anyMatch(m -> m.contains("“2025年清单”") && m.contains("只导入第一份")), notes::toString);
    }

    @Test
    void aStrayCellInTheSheetsLastRowDoesNotMakeTheListTooLarge() {
        ImportPlan plan = plan(org.duban.testing.BadSheets.strayCellAtTheBottom(dir.resolve("stray.xlsx")));
        assertFalse(plan.hasErrors(), () -> plan.errors().toString());
        assertEquals(1, plan.taskCount());
    }

    @Test
    void aWorkbookWithoutAHeadingNamesTheSheetsItLookedAt() {
        Path file = Workbooks.write(dir.resolve("nohead.xlsx"), false, wb -> {
            wb.createSheet("封面").createRow(0).createCell(0).setCellValue("任务清单");
            Row r = wb.createSheet("数据").createRow(0);
            r.createCell(0).setCellValue("甲");
            r.createCell(1).setCellValue("乙");
        });
        ImportProblem p = plan(file).errors().get(0);
        assertEquals("import.problem.noHeaderInSheets", p.key());
        assertTrue(p.message().contains("“封面”、“数据”"), p.message());
    }

    @Test
    void anEmptyWorkbookAndAHeadingWithoutTasksAreRefused() {
        Path empty = Workbooks.write(dir.resolve("empty.xlsx"), false, wb -> wb.createSheet("Sheet1"));
        assertEquals("import.problem.emptyFile", plan(empty).errors().get(0).key());

        Path headingOnly = Workbooks.write(dir.resolve("heading.xlsx"), false, wb -> Workbooks.sheet(wb, "清单", List.of()));
        ImportPlan plan = plan(headingOnly);
        assertEquals(1, plan.errors().size(), () -> plan.errors().toString());
        assertEquals("import.problem.noTasks", plan.errors().get(0).key());
        assertEquals(1, plan.errors().get(0).row());
    }
}
