package org.duban.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.model.Meeting;
import org.duban.persistence.Database;
import org.duban.testing.FxStages;
import org.duban.testing.OfficeLists;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.duban.ui.common.TaskRunner;
import org.duban.ui.importer.ReturnsImportView;
import org.duban.ui.importer.ReturnsImportViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Excel → 导入进展报送表…: checked first with the command line's figures, imported once, never twice. */
@ExtendWith(ApplicationExtension.class)
class ReturnsImportViewTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 4, 20);
    /** The heading row of a return form (0-based), as ReturnForm writes it. */
    private static final int HEADER_ROW = 2;
    private Database db;
    private Path forms;
    private int imported;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("duban-returns-ui");
        db = TestDb.withRoster(dir);
        Meeting meeting = TestDb.emptyMeeting(db);
        OfficeLists.importInto(db, meeting, dir);
        forms = dir.resolve("forms");
        Wired.of(db).returnForms().writeAll(meeting, forms);
        ReturnsImportViewModel vm = new ReturnsImportViewModel(Wired.of(db).returns(),
                Wired.of(db).progressReports(), TaskRunner.direct(), new RecordingDialogs(), () -> TODAY);
        vm.setOnImported(() -> imported++);
        FxStages.show(stage, new ReturnsImportView(vm).root(), 1200, 720);
    }

    @AfterEach
    void closeDb() {
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

    private void check(FxRobot robot, Path path) {
        robot.interact(() -> robot.lookup("#returnsPathField").queryAs(TextField.class).setText(path.toString()));
        robot.clickOn("#checkReturnsButton");
    }

    @Test
    void aFilledFormIsCheckedImportedAndTheSecondTimeAddsNothing(FxRobot robot) throws Exception {
        Path form = forms.resolve("进展报送表-周宁县.xlsx");
        fill(form, 0, "已完成排查", 40);
        fill(form, 1, "方案已印发", 20);

        check(robot, form);
        String summary = robot.lookup("#returnsSummary").queryAs(Label.class).getText();
        assertTrue(summary.contains("已读取 1 个报送表，填写了进展的 2 行无误"), summary);
        assertEquals(2, robot.lookup("#returnEntryTable").queryAs(TableView.class).getItems().size());
        robot.clickOn("#importReturnsButton");
        assertEquals(2, TestDb.sqlLong(db.file(), "SELECT count(*) FROM progress_report"));
        assertTrue(robot.lookup("#returnsMessage").queryAs(Label.class).getText().contains("已写入 2 条进展"));
        assertEquals(1, imported);

        check(robot, form);
        summary = robot.lookup("#returnsSummary").queryAs(Label.class).getText();
        assertTrue(summary.contains("已导入过：2 行"), summary);
        assertTrue(robot.lookup("#importReturnsButton").queryAs(Button.class).isDisabled(), "nothing to add");
        assertEquals(2, TestDb.sqlLong(db.file(), "SELECT count(*) FROM progress_report"));
    }

    @Test
    void aFormWithAnErrorIsNamedRowByRowAndNothingIsImported(FxRobot robot) throws Exception {
        Path form = forms.resolve("进展报送表-周宁县.xlsx");
        fill(form, 0, "已完成排查", 140);
        check(robot, forms);
        TableView<?> problems = robot.lookup("#returnProblemTable").queryAs(TableView.class);
        assertFalse(problems.getItems().isEmpty());
        assertTrue(problems.getItems().toString().contains("进展报送表-周宁县.xlsx"), problems.getItems().toString());
        assertTrue(robot.lookup("#importReturnsButton").queryAs(Button.class).isDisabled());
        assertEquals(0, TestDb.sqlLong(db.file(), "SELECT count(*) FROM progress_report"));
    }
}
