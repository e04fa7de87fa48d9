package org.duban.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.duban.model.Meeting;
import org.duban.persistence.Database;
import org.duban.service.audit.AuditLog;
import org.duban.service.importer.ImportPlan;
import org.duban.service.sample.SampleMeeting;
import org.duban.testing.FxStages;
import org.duban.testing.OtherLists;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.duban.ui.common.Choice;
import org.duban.ui.common.FxDialogService;
import org.duban.ui.common.TaskRunner;
import org.duban.ui.importer.ImportWizard;
import org.duban.ui.importer.ImportWizardViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The import wizard over the sample meeting with the real dialogs: the change list, the confirmation that names how
 * many texts change and how many shares are withdrawn, the proposal of a new meeting for another list, and the
 * finish page's undo.
 */
@ExtendWith(ApplicationExtension.class)
class ImportWizardConfirmTest {
    private Database db;
    private Path dir;
    private ImportWizardViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("duban-import-confirm");
        db = TestDb.withSample(dir);
        AuditLog audit = Wired.audit(db, new TestClock(LocalDate.of(2026, 11, 30)));
        Meeting sample = Wired.of(db).meetings().all().stream().filter(m -> m.title().equals(SampleMeeting.TITLE))
                .findFirst().orElseThrow();
        vm = new ImportWizardViewModel(Wired.of(audit).importer(),
                Wired.of(audit).importUndo(), TaskRunner.direct(), new FxDialogService(stage),
                Wired.of(db).meetings().all(), sample);
        FxStages.show(stage, new ImportWizard(vm).root(), 1280, 760);
    }

    @AfterEach
    void closeDb() {
        db.close();
    }

    private void chooseFile(FxRobot robot, Path file) {
        robot.interact(() -> robot.lookup("#importFileField").queryAs(TextField.class).setText(file.toString()));
        robot.clickOn("#nextButton");
    }

    /** Next until the change list shows. */
    private void toChanges(FxRobot robot) {
        for (int i = 0; i < 4 && vm.stepProperty().get() != ImportWizardViewModel.Step.CHANGES; i++) {
            robot.clickOn("#nextButton");
        }
        assertEquals(ImportWizardViewModel.Step.CHANGES, vm.stepProperty().get());
    }

    /** Presses a button whose action opens a modal dialog, and waits until the dialog shows. */
    private void press(FxRobot robot, String id) {
        Button b = robot.lookup(id).queryAs(Button.class);
        Platform.runLater(b::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String dialogText(FxRobot robot) {
        return robot.lookup(".dialog-pane .content").queryAs(Label.class).getText();
    }

    @Test
    void anotherListIsSaidToBeOneTheConfirmationCountsTheDamageAndANewMeetingIsProposed(FxRobot robot) {
        String before = TestDb.contentDigest(db.file());
        chooseFile(robot, OtherLists.differentList(dir.resolve("另一份清单.xlsx")));
        assertEquals(ImportWizardViewModel.Step.PREVIEW, vm.stepProperty().get());
        robot.clickOn("#nextButton");
        assertEquals(ImportWizardViewModel.Step.NAMES, vm.stepProperty().get(), "the long-form sources are shown");
        assertEquals(3, robot.lookup("#namesTable").queryAs(TableView.class).getItems().size());
        toChanges(robot);

        assertTrue(robot.lookup("#differentListBanner").query().isVisible());
        String why = robot.lookup("#differentListText").queryAs(Label.class).getText();
        assertTrue(why.contains("这像是另一份清单") && why.contains("18 行里，有 18 行"), why);
        TableView<?> changes = robot.lookup("#changeListTable").queryAs(TableView.class);
        assertTrue(changes.getItems().size() > 18, "every rewritten problem and withdrawn share is a line");

        press(robot, "#importButton");
        String question = dialogText(robot);
        assertTrue(question.contains("更新 18 项任务：其中 18 项的问题描述将改写（18 项像是另一个问题）"), question);
        assertTrue(question.matches("(?s).*，\\d+ 个单位分解将标为“已撤出”.*"), question);
        assertTrue(question.contains("这像是另一份清单"), question);
        robot.clickOn("#confirmCancelButton");
        assertEquals(before, TestDb.contentDigest(db.file()), "cancelled: nothing written");

        robot.clickOn("#importAsNewMeetingButton");
        assertFalse(robot.lookup("#differentListBanner").query().isVisible());
        robot.clickOn("#importButton"); // only new tasks: nothing to confirm
        assertEquals(ImportWizardViewModel.Step.RESULT, vm.stepProperty().get());
        assertEquals(45, TestDb.sqlLong(db.file(), "SELECT count(*) FROM task WHERE meeting_id = 1"));
        assertEquals(18, TestDb.sqlLong(db.file(), "SELECT count(*) FROM task WHERE meeting_id <> 1 AND meeting_id > 3"));
    }

    @Test
    void aRevisedListIsConfirmedThenUndoneFromTheFinishPage(FxRobot robot) {
        String tasks = "SELECT group_concat(a.id || ':' || coalesce(a.withdrawn_on, '-'), ',') FROM assignment a";
        String before = TestDb.sqlString(db.file(), tasks);
        chooseFile(robot, OtherLists.sampleList(dir.resolve("修订清单.xlsx"), OtherLists.units(1, "蕉城区、霞浦县")));
        robot.clickOn("#nextButton");
        toChanges(robot);
        assertFalse(robot.lookup("#differentListBanner").query().isVisible(), "the same list, revised");

        press(robot, "#importButton");
        String question = dialogText(robot);
        assertTrue(question.contains("更新 1 项任务：其中 0 项的问题描述将改写（0 项像是另一个问题），1 个单位分解"), question);
        robot.clickOn("#confirmOkButton");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(ImportWizardViewModel.Step.RESULT, vm.stepProperty().get());
        assertEquals(1, TestDb.sqlLong(db.file(), "SELECT count(*) FROM assignment WHERE withdrawn_on IS NOT NULL"));
        String undoText = robot.lookup("#undoText").queryAs(Label.class).getText();
        assertTrue(undoText.contains("-import.db"), undoText);
        assertFalse(robot.lookup("#undoImportButton").queryAs(Button.class).isDisabled());

        press(robot, "#undoImportButton");
        assertTrue(dialogText(robot).contains("修订清单.xlsx"), dialogText(robot));
        robot.clickOn("#confirmOkButton");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(before, TestDb.sqlString(db.file(), tasks), "the ledger as before the import");
        assertTrue(robot.lookup("#undoText").queryAs(Label.class).getText().startsWith("已撤销"));
        assertTrue(robot.lookup("#undoImportButton").queryAs(Button.class).isDisabled());
    }

    @Test
    void aNameChosenOnTheNamesPageIsWhatTheTasksGet(FxRobot robot) {
        chooseFile(robot, OtherLists.differentList(dir.resolve("另一份清单.xlsx")));
        robot.clickOn("#nextButton");
        assertEquals(ImportWizardViewModel.Step.NAMES, vm.stepProperty().get());
        ImportPlan.TermUse first = vm.names().get(0);
        @SuppressWarnings("unchecked")
        ComboBox<Choice<String>> box = robot.lookup("#nameChoice-0").queryAs(ComboBox.class);
        assertTrue(box.getItems().size() > 1, "the office's names are offered: " + box.getItems());
        // another of the office's names (the first choice keeps the written name)
        Choice<String> other = box.getItems().stream().skip(1).filter(c -> !c.value().equals(first.name()))
                .findFirst().orElseThrow();
        robot.interact(() -> box.setValue(other));

        ImportPlan.TermUse chosen = vm.names().stream().filter(u -> u.written().equals(first.written())).findFirst()
                .orElseThrow();
        assertTrue(chosen.chosen(), chosen.toString());
        assertEquals(other.value(), chosen.name());
        assertTrue(vm.planProperty().get().terms().contains(chosen), "the plan names it so");
    }
}
