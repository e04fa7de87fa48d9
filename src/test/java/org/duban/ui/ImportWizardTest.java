package org.duban.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.duban.model.Meeting;
import org.duban.persistence.Database;
import org.duban.service.importer.ImportProblem;
import org.duban.service.tasks.TaskField;
import org.duban.testing.FxStages;
import org.duban.testing.OfficeLists;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.duban.ui.common.Choice;
import org.duban.ui.common.TaskRunner;
import org.duban.ui.importer.ImportWizard;
import org.duban.ui.importer.ImportWizardViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The import wizard on a real database: file → preview and mapping → problems → import → what changed. */
@ExtendWith(ApplicationExtension.class)
class ImportWizardTest {
    private Database db;
    private Path dir;
    private Meeting meeting;
    private final List<Meeting> imported = new ArrayList<>();
    private ImportWizardViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("duban-import-ui");
        db = TestDb.withRoster(dir);
        meeting = TestDb.emptyMeeting(db);
        vm = new ImportWizardViewModel(Wired.of(db).plainImporter(), TaskRunner.direct(),
                new RecordingDialogs(), Wired.of(db).meetings().all(), meeting);
        vm.setOnImported(imported::add);
        FxStages.show(stage, new ImportWizard(vm).root(), 1200, 760);
    }

    @AfterEach
    void closeDb() {
        db.close();
    }

    private void chooseFile(FxRobot robot, Path file) {
        robot.interact(() -> robot.lookup("#importFileField").queryAs(TextField.class).setText(file.toString()));
        robot.clickOn("#nextButton");
    }

    @Test
    void importingAMessyListThroughTheWizardWritesItAndShowsWhatChanged(FxRobot robot) {
        chooseFile(robot, OfficeLists.xlsx(dir.resolve("清单.xlsx")));
        TableView<?> preview = robot.lookup("#previewTable").queryAs(TableView.class);
        assertTrue(preview.isVisible());
        assertFalse(preview.getItems().isEmpty());
        @SuppressWarnings("unchecked")
        ComboBox<Choice<TaskField>> units = robot.lookup("#mappingE").queryAs(ComboBox.class);
        assertEquals(TaskField.UNITS, units.getValue().value());

        robot.clickOn("#nextButton");
        // a new ledger knows no names yet: the list's three sources and two categories are new, kept as written
        assertEquals(ImportWizardViewModel.Step.NAMES, vm.stepProperty().get());
        assertEquals(5, robot.lookup("#namesTable").queryAs(TableView.class).getItems().size());
        robot.clickOn("#nextButton");
        String summary = robot.lookup("#importSummary").queryAs(Label.class).getText();
        assertTrue(summary.contains("共 14 项任务，分解到单位 48 项"), summary);
        assertTrue(summary.contains("柘荣县 6"), summary);
        robot.clickOn("#nextButton");
        assertTrue(robot.lookup("#changesSummary").queryAs(Label.class).getText().contains("新增 14 项任务"));
        robot.clickOn("#importButton");

        assertEquals(OfficeLists.TASKS, TestDb.sqlLong(db.file(), "SELECT count(*) FROM task WHERE meeting_id = " + meeting.id()));
        assertTrue(robot.lookup("#resultSummary").queryAs(Label.class).getText().contains("新增 14 项"));
        assertEquals(OfficeLists.TASKS, robot.lookup("#changeTable").queryAs(TableView.class).getItems().size());
        assertEquals(List.of(meeting.id()), imported.stream().map(Meeting::id).toList());
    }

    @Test
    void aColumnMappedAwayShowsAnErrorAndImportIsDisabledUntilMappedBack(FxRobot robot) {
        chooseFile(robot, OfficeLists.xlsx(dir.resolve("清单.xlsx")));
        @SuppressWarnings("unchecked")
        ComboBox<Choice<TaskField>> deadline = robot.lookup("#mappingH").queryAs(ComboBox.class);
        robot.interact(() -> deadline.setValue(deadline.getItems().get(0))); // （不导入）
        robot.clickOn("#nextButton");
        robot.clickOn("#nextButton"); // past the sources
        @SuppressWarnings("unchecked")
        TableView<ImportProblem> problems = robot.lookup("#problemTable").queryAs(TableView.class);
        assertTrue(problems.getItems().stream().anyMatch(p -> p.isError() && p.message().contains("完成时限")),
                problems.getItems().toString());
        assertTrue(robot.lookup("#importButton").queryAs(Button.class).isDisabled());

        robot.clickOn("#nextButton");
        assertTrue(robot.lookup("#importButton").queryAs(Button.class).isDisabled(), "nor on the change list");
        robot.clickOn("#backButton");
        robot.clickOn("#backButton");
        robot.clickOn("#backButton");
        robot.interact(() -> deadline.setValue(deadline.getItems().stream()
                .filter(c -> c.value() == TaskField.DEADLINE).findFirst().orElseThrow()));
        robot.clickOn("#nextButton");
        robot.clickOn("#nextButton");
        robot.clickOn("#nextButton");
        assertFalse(robot.lookup("#importButton").queryAs(Button.class).isDisabled());
        assertEquals(0, TestDb.sqlLong(db.file(), "SELECT count(*) FROM task"), "nothing written before 导入");
    }

    @Test
    void aMissingFileIsSaidAtTheField(FxRobot robot) {
        chooseFile(robot, dir.resolve("没有这个文件.xlsx"));
        assertTrue(robot.lookup("#importFileError").queryAs(Label.class).getText().contains("请选择一个存在的文件"));
    }
}
