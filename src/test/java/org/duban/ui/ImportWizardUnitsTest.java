package org.duban.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.duban.model.Meeting;
import org.duban.model.UnitKind;
import org.duban.persistence.Database;
import org.duban.testing.FxStages;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.duban.testing.WordLists;
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

/**
 * The wizard's unknown-units step (issue 14): a Word list naming units the roster does not know shows each once with
 * its rows and a kind; ticking them adds them to the roster with the import, in one go.
 */
@ExtendWith(ApplicationExtension.class)
class ImportWizardUnitsTest {
    private Database db;
    private Path dir;
    private Meeting meeting;
    private ImportWizardViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("duban-import-units");
        db = TestDb.withRoster(dir);
        meeting = TestDb.emptyMeeting(db);
        vm = new ImportWizardViewModel(Wired.of(db).plainImporter(), TaskRunner.direct(),
                new RecordingDialogs(), Wired.of(db).meetings().all(), meeting);
        FxStages.show(stage, new ImportWizard(vm).root(), 1200, 760);
    }

    @AfterEach
    void closeDb() {
        db.close();
    }

    @Test
    void unknownUnitsAreTickedWithTheirKindAndJoinTheRosterWithTheImport(FxRobot robot) {
        Path file = WordLists.write(dir.resolve("新单位.docx"), List.of("附件1", "任务清单"), List.of(
                List.of("序号", "问题描述", "牵头单位", "责任单位", "完成时限", "来源"),
                List.of("1", "国省道沿线扬尘污染", "市市场监督管理局", "蕉城区", "2026年6月底前", "市级排查"),
                List.of("2", "港区码头粉尘无组织排放", "市市场监督管理局", "宁德港口发展中心", "2026年底前", "市级排查")));
        robot.interact(() -> robot.lookup("#importFileField").queryAs(TextField.class).setText(file.toString()));
        robot.clickOn("#nextButton");
        robot.clickOn("#nextButton");
        if (vm.stepProperty().get() == ImportWizardViewModel.Step.NAMES) {
            robot.clickOn("#nextButton"); // the new source 市级排查
        }
        assertEquals(ImportWizardViewModel.Step.UNITS, vm.stepProperty().get());
        assertTrue(robot.lookup("#importUnitsPage").query().isVisible());
        assertEquals(2, vm.unknownUnits().size());
        assertEquals("市市场监督管理局", vm.unknownUnits().get(0).name());
        assertEquals("2、3", vm.unknownUnits().get(0).rows());
        assertEquals(UnitKind.CITY_DEPARTMENT, vm.unknownUnits().get(0).kindProperty().get());

        // not ticked: the rows naming them are errors and nothing can be imported
        robot.clickOn("#nextButton");
        assertTrue(vm.planProperty().get().hasErrors());
        assertTrue(robot.lookup("#importButton").queryAs(Button.class).isDisabled());
        robot.clickOn("#backButton");
        assertEquals(ImportWizardViewModel.Step.UNITS, vm.stepProperty().get());

        robot.clickOn("#addUnit-0");
        robot.clickOn("#addUnit-1");
        @SuppressWarnings("unchecked")
        ComboBox<Choice<UnitKind>> kind = robot.lookup("#unitKind-1").queryAs(ComboBox.class);
        robot.interact(() -> kind.getSelectionModel().select(kind.getItems().stream()
                .filter(c -> c.value() == UnitKind.OTHER).findFirst().orElseThrow()));
        robot.interact(() -> kind.getOnAction().handle(null));
        assertTrue(robot.lookup("#addUnit-0").queryAs(CheckBox.class).isSelected());
        assertFalse(vm.planProperty().get().hasErrors(), () -> vm.planProperty().get().errors().toString());

        robot.clickOn("#nextButton");
        robot.clickOn("#nextButton");
        robot.clickOn("#importButton");
        assertEquals(2, TestDb.sqlLong(db.file(), "SELECT count(*) FROM task WHERE meeting_id = " + meeting.id()));
        assertEquals("OTHER", TestDb.sqlString(db.file(), "SELECT kind FROM unit WHERE name = '宁德港口发展中心'"));
        assertEquals("CITY_DEPARTMENT", TestDb.sqlString(db.file(), "SELECT kind FROM unit WHERE name = '市市场监督管理局'"));
        assertEquals(2, TestDb.sqlLong(db.file(), "SELECT count(*) FROM task t JOIN unit u ON u.id = t.lead_unit_id "
                + "WHERE u.name = '市市场监督管理局'"));
        assertTrue(robot.lookup("#resultSummary").queryAs(Label.class).getText().contains("新增 2 项"));
    }
}
