package org.duban.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import javafx.scene.Node;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.duban.persistence.Database;
import org.duban.testing.FixedFile;
import org.duban.testing.FxStages;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.ui.common.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window of a second copy, on a ledger opened read-only (another copy holds it): it says so above every screen,
 * and no action that would write can be started, by button, key or menu; reading, searching and exporting work.
 */
@ExtendWith(ApplicationExtension.class)
class ReadOnlyWindowTest {
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private Database db;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("duban-readonly");
        TestDb.withSample(dir).close();
        db = Database.openReadOnly(dir.resolve("test.db"));
        AppContext ctx = new AppContext(db, TaskRunner.direct(), dialogs, new FixedFile(db.file()),
                new TestClock(LocalDate.of(2026, 11, 29)));
        FxStages.show(stage, ctx.mainWindow().root(), 1280, 800);
    }

    /** The window opens on the desk; these tests start from the checklist. */
    @org.junit.jupiter.api.BeforeEach
    void checklist(FxRobot robot) {
        robot.clickOn("#navTasks");
    }

    @AfterEach
    void closeDb() {
        db.close();
    }

    private static boolean disabled(FxRobot robot, String id) {
        return robot.lookup(id).query().isDisabled();
    }

    private static void assertOff(FxRobot robot, String... ids) {
        for (String id : ids) {
            assertTrue(disabled(robot, id), id + " is switched off");
        }
    }

    private static void assertOn(FxRobot robot, String... ids) {
        for (String id : ids) {
            assertFalse(disabled(robot, id), id + " still works");
        }
    }

    @SuppressWarnings("unchecked")
    private void selectFirstTask(FxRobot robot) {
        TableView<Object> table = robot.lookup("#taskTable").queryAs(TableView.class);
        robot.interact(() -> {
            table.getSelectionModel().select(0);
            table.requestFocus();
        });
    }

    @Test
    void theChecklistSaysWhyAndOffersNoAddEditOrDelete(FxRobot robot) {
        Node banner = robot.lookup("#readOnlyBanner").query();
        assertTrue(banner.isVisible());
        assertFalse(robot.lookup("#taskTable").queryAs(TableView.class).getItems().isEmpty(), "the tasks are shown");
        selectFirstTask(robot);
        assertOff(robot, "#newTaskButton", "#editTaskButton", "#deleteTaskButton");
        assertOn(robot, "#openTaskButton", "#searchField", "#unitFilter");

        robot.type(KeyCode.DELETE);
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        assertTrue(dialogs.confirmations.isEmpty(), "Delete does not even ask");
        assertTrue(robot.lookup("#saveButton").tryQuery().isEmpty(), "Ctrl+N opens no form");
        assertTrue(dialogs.errors.isEmpty(), "and nothing fails on save");

        MenuButton excel = robot.lookup("#excelMenu").queryAs(MenuButton.class);
        MenuItem imp = excel.getItems().stream().filter(i -> "importTasksItem".equals(i.getId())).findFirst().orElseThrow();
        MenuItem export = excel.getItems().stream().filter(i -> "exportLedgerItem".equals(i.getId())).findFirst()
                .orElseThrow();
        assertTrue(imp.isDisable(), "no import");
        assertFalse(export.isDisable(), "exporting reads only");
    }

    @Test
    void theDetailViewShowsEverythingAndAddsNothing(FxRobot robot) {
        selectFirstTask(robot);
        robot.type(KeyCode.ENTER);
        assertTrue(robot.lookup("#taskDetailView").tryQuery().isPresent(), "Enter still opens the task");
        assertOff(robot, "#editBasicButton", "#superviseButton");

        robot.clickOn("#progressTab");
        assertFalse(robot.lookup("#reportTable").queryAs(TableView.class).getItems().isEmpty(), "reports are shown");
        assertOff(robot, "#addReportButton", "#percentField", "#reportTextField", "#reportFilesButton");

        robot.clickOn("#milestonesTab");
        TableView<?> milestones = robot.lookup("#milestoneTable").queryAs(TableView.class);
        robot.interact(() -> {
            milestones.getSelectionModel().select(0);
            milestones.requestFocus();
        });
        String before = TestDb.contentDigest(db.file());
        robot.type(KeyCode.SPACE);
        assertEquals(before, TestDb.contentDigest(db.file()));
        assertTrue(dialogs.errors.isEmpty(), "Space marks nothing done, so nothing fails on save");
        assertOff(robot, "#addMilestoneButton", "#milestoneDoneButton", "#deleteMilestoneButton");

        robot.clickOn("#closeOutTab");
        assertOff(robot, "#closeOutSubmitButton", "#addEvidenceButton", "#deleteEvidenceButton");
        TableView<?> evidence = robot.lookup("#evidenceTable").queryAs(TableView.class);
        assertFalse(evidence.getItems().isEmpty(), "the sample's task 1 has evidence for its first unit");
        robot.interact(() -> evidence.getSelectionModel().select(0));
        assertOn(robot, "#saveEvidenceButton");
        assertOff(robot, "#deleteEvidenceButton");
    }

    @Test
    void meetingsInspectionsAndSettingsSaveNothing(FxRobot robot) {
        robot.clickOn("#navMeetings");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#meetingTable").queryAs(TableView.class).getItems().isEmpty());
        assertOff(robot, "#newMeetingButton", "#saveMeetingButton", "#deleteMeetingButton", "#bulletinButton",
                "#meetingPackButton", "#meetingForm");

        robot.clickOn("#navDesk");
        robot.interact(() -> robot.lookup("#deskTable").queryAs(TableView.class).getSelectionModel().select(0));
        assertOff(robot, "#deskChaseButton", "#deskOrderButton");
        assertOn(robot, "#deskOpenButton");

        robot.clickOn("#navInspections");
        assertOff(robot, "#recordInspectionButton", "#addFindingButton", "#findingToTaskButton", "#linkFindingButton");

        robot.clickOn("#navSettings");
        assertOff(robot, "#saveLightRuleButton", "#saveTrackingSettingsButton", "#saveHandoutSettingsButton",
                "#saveBulletinSettingsButton", "#saveLadderSettingsButton", "#saveScoreRulesButton",
                "#backupKeepSpinner", "#restoreFileButton");
        assertOn(robot, "#backupNowButton", "#openDatabaseButton");
        assertTrue(robot.lookup("#readOnlyBanner").query().isVisible(), "the note stays above every screen");
    }

}
