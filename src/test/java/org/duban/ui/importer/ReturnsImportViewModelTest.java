package org.duban.ui.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.model.Meeting;
import org.duban.persistence.Database;
import org.duban.service.Services;
import org.duban.testing.OfficeLists;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestDb;
import org.duban.ui.common.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 导入进展报送表 without a window: checked first, imported only without errors, all of it, once. */
class ReturnsImportViewModelTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 4, 20);
    /** The heading row of a return form (0-based), as ReturnForm writes it. */
    private static final int HEADER_ROW = 2;
    @TempDir
    Path dir;
    private Database db;
    private Path forms;
    private int imported;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private ReturnsImportViewModel vm;

    @BeforeEach
    void open() throws Exception {
        db = TestDb.withRoster(dir);
        Meeting meeting = TestDb.emptyMeeting(db);
        OfficeLists.importInto(db, meeting, dir);
        forms = dir.resolve("forms");
        Services services = Services.over(db);
        services.returnForms().writeAll(meeting, forms);
        vm = new ReturnsImportViewModel(services.returns(), services.progressReports(),
                TaskRunner.direct(), dialogs, () -> TODAY);
        vm.setOnImported(() -> imported++);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static void fill(Path file, int dataRow, String progress, int percent) throws Exception {
        XSSFWorkbook wb;
        try (var in = Files.newInputStream(file)) {
            wb = new XSSFWorkbook(in);
        }
        try (wb) {
            Row row = wb.getSheetAt(0).getRow(HEADER_ROW + 1 + dataRow);
            row.getCell(6).setCellValue(progress);
            row.getCell(7).setCellValue(percent);
            row.getCell(8).setCellValue("周宁县整改办");
            row.getCell(9).setCellValue(TODAY.minusDays(1));
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }

    private long reports() {
        return TestDb.sqlLong(db.file(), "SELECT count(*) FROM progress_report");
    }

    @Test
    void aPathThatIsNotThereIsSaidAndNothingIsChecked() {
        vm.pathProperty().set(dir.resolve("没有这个文件.xlsx").toString());
        vm.check();
        assertEquals("请选择一个存在的报送表文件或文件夹。", vm.messageProperty().get());
        assertNull(vm.checkProperty().get());
        assertFalse(vm.canImport().get());
    }

    @Test
    void aCheckedFormIsImportedOnceAndAnotherPathForgetsTheCheck() throws Exception {
        Path form = forms.resolve("进展报送表-周宁县.xlsx");
        fill(form, 0, "已完成排查", 40);
        fill(form, 1, "方案已印发", 20);
        vm.pathProperty().set(form.toString());
        vm.check();
        assertEquals(0, reports(), "checking writes nothing");
        assertEquals("已读取 1 个报送表，填写了进展的 2 行无误。\n错误 0 处，提示 0 处。", vm.summaryProperty().get());
        assertEquals(2, vm.entries().size());
        assertTrue(vm.canImport().get());

        vm.importChecked();
        assertEquals(2, reports());
        assertEquals("已写入 2 条进展。", vm.messageProperty().get());
        assertEquals(1, imported);
        assertFalse(vm.canImport().get(), "imported: not twice from one check");
        vm.importChecked();
        assertEquals(2, reports());

        vm.check();
        assertTrue(vm.summaryProperty().get().contains("已导入过：2 行"), vm.summaryProperty().get());
        assertFalse(vm.canImport().get(), "nothing new to add");
        vm.pathProperty().set(forms.toString());
        assertNull(vm.checkProperty().get());
        assertEquals("", vm.summaryProperty().get());
    }

    @Test
    void aFormWithAnErrorBlocksTheImportAndNamesTheFile() throws Exception {
        fill(forms.resolve("进展报送表-周宁县.xlsx"), 0, "已完成排查", 140);
        vm.pathProperty().set(forms.toString());
        vm.check();
        assertFalse(vm.problems().isEmpty());
        assertTrue(vm.problems().toString().contains("进展报送表-周宁县.xlsx"), vm.problems().toString());
        assertTrue(vm.summaryProperty().get().endsWith("有错误时不能导入：请改正报送表后重新检查。"),
                vm.summaryProperty().get());
        assertFalse(vm.canImport().get());
        vm.importChecked();
        assertEquals(0, reports());
        assertEquals(0, imported);
    }
}
