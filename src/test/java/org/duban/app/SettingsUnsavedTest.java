package org.duban.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.duban.persistence.Database;
import org.duban.testing.FixedFile;
import org.duban.testing.FxStages;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.duban.ui.common.DialogService.Unsaved;
import org.duban.ui.common.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 21.4, one rule for unsaved settings: an edited field shows the bar naming its section (保存 / 放弃修改), and
 * leaving the settings screen asks 保存 / 不保存 / 取消; 取消 stays, 不保存 leaves with the ledger unchanged, 保存
 * stores the value.
 */
@ExtendWith(ApplicationExtension.class)
class SettingsUnsavedTest {
    private static final TestClock CLOCK = new TestClock(LocalDate.of(2026, 11, 29));
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private Database db;
    private int storedRedLag;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("duban-unsaved");
        db = TestDb.withSample(dir);
        storedRedLag = storedRule().redLagPoints();
        AppContext ctx = new AppContext(db, TaskRunner.direct(), dialogs, new FixedFile(db.file()), CLOCK);
        FxStages.show(stage, ctx.mainWindow().root(), 1280, 768); // Monocle's default screen is 1280×800
    }

    @AfterEach
    void closeDb() {
        db.close();
    }

    private org.duban.service.tracking.LightRule storedRule() {
        return Wired.over(db, CLOCK).trackingSettings().rule();
    }

    /** Types {@code value} into the red-light threshold as a user does (the field keeps focus: not yet taken). */
    private Spinner<?> typeRedLag(FxRobot robot, int value) {
        Spinner<?> red = robot.lookup("#redLagSpinner").queryAs(Spinner.class);
        robot.clickOn(red.getEditor());
        robot.press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL);
        robot.write(String.valueOf(value));
        return red;
    }

    private static boolean selected(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(ToggleButton.class).isSelected();
    }

    private static boolean barShown(FxRobot robot) {
        Node bar = robot.lookup("#unsavedBar").query();
        return bar.isVisible() && bar.isManaged();
    }

    @Test
    void leavingWithAnEditedThresholdAsksAndEachAnswerDoesWhatItSays(FxRobot robot) {
        robot.clickOn("#navSettings");
        assertFalse(barShown(robot), "nothing edited: no bar");
        int edited = storedRedLag + 7;
        Spinner<?> red = typeRedLag(robot, edited);

        robot.clickOn("#navTasks");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, dialogs.unsavedQuestions.size(), "leaving with an edited field asks");
        assertTrue(dialogs.unsavedQuestions.get(0).contains("红黄绿灯规则"), dialogs.unsavedQuestions.get(0));
        assertTrue(selected(robot, "#navSettings") && !selected(robot, "#navTasks"), "取消 stays on the settings");
        assertTrue(robot.lookup("#redLagSpinner").query().isVisible(), "the settings are still shown");
        assertEquals(edited, red.getValue(), "the typed value is kept");
        assertTrue(barShown(robot), "the bar names the unsaved section");
        assertTrue(robot.lookup("#unsavedLabel").queryAs(Label.class).getText().contains("红黄绿灯规则"));

        dialogs.unsavedAnswer = Unsaved.DISCARD;
        robot.clickOn("#navTasks");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, dialogs.unsavedQuestions.size());
        assertTrue(selected(robot, "#navTasks"), "不保存 leaves");
        assertTrue(robot.lookup("#taskTable").query().isVisible());
        assertEquals(storedRedLag, storedRule().redLagPoints(), "不保存: the ledger is unchanged");
        robot.clickOn("#navSettings");
        assertEquals(storedRedLag, red.getValue(), "the field shows the stored value again");
        assertFalse(barShown(robot));

        typeRedLag(robot, edited);
        dialogs.unsavedAnswer = Unsaved.SAVE;
        robot.press(KeyCode.CONTROL).press(KeyCode.DIGIT1).release(KeyCode.DIGIT1).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, dialogs.unsavedQuestions.size(), "Ctrl+1 asks too, with the typed number taken");
        assertTrue(selected(robot, "#navTasks"), "保存 leaves");
        assertEquals(edited, storedRule().redLagPoints(), "保存 stores the value");
        robot.clickOn("#navSettings");
        assertFalse(barShown(robot), "saved: nothing unsaved");
        robot.clickOn("#navTasks");
        assertEquals(3, dialogs.unsavedQuestions.size(), "nothing unsaved: no question");
    }

    @Test
    void theBarSavesOrDiscardsEverySectionWithChanges(FxRobot robot) {
        robot.clickOn("#navSettings");
        int edited = storedRedLag + 3;
        Spinner<?> red = typeRedLag(robot, edited);
        javafx.scene.control.TextField operator = robot.lookup("#operatorField").queryAs(
                javafx.scene.control.TextField.class); // further down the page: typed in without scrolling to it
        robot.interact(() -> {
            operator.requestFocus(); // as a click into it: the typed threshold is taken
            operator.setText("督办科 王敏");
        });
        assertTrue(barShown(robot));
        String text = robot.lookup("#unsavedLabel").queryAs(Label.class).getText();
        assertTrue(text.contains("红黄绿灯规则") && text.contains("跟踪与销号"), text);

        robot.clickOn("#unsavedDiscardAllButton");
        assertFalse(barShown(robot));
        assertEquals(storedRedLag, red.getValue());
        assertEquals(storedRedLag, storedRule().redLagPoints());
        assertEquals("", operator.getText(), "the operator's name is dropped too");

        typeRedLag(robot, edited);
        assertTrue(barShown(robot), "the bar shows while the number is being typed");
        robot.clickOn("#unsavedSaveAllButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(barShown(robot), () -> "saved through the bar: "
                + robot.lookup("#unsavedLabel").queryAs(Label.class).getText() + dialogs.errors);
        assertEquals(edited, storedRule().redLagPoints());
        robot.clickOn("#navTasks");
        assertTrue(dialogs.unsavedQuestions.isEmpty(), "nothing left to ask about");
    }

}
