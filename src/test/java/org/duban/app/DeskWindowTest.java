package org.duban.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.duban.persistence.Database;
import org.duban.service.ladder.DeskItem;
import org.duban.testing.FixedFile;
import org.duban.testing.FxStages;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.duban.ui.common.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window opens on the 督办工作台; a line opens its task at that line's unit, and back returns to the desk. */
@ExtendWith(ApplicationExtension.class)
class DeskWindowTest {
    private Database db;
    private final RecordingDialogs dialogs = new RecordingDialogs();

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("duban-desk");
        db = TestDb.withSample(dir);
        AppContext ctx = new AppContext(db, TaskRunner.direct(), dialogs, new FixedFile(db.file()), new TestClock(LocalDate.of(2026, 11, 29)));
        FxStages.show(stage, ctx.mainWindow().root(), 1280, 800);
    }

    @AfterEach
    void closeDb() {
        db.close();
    }

    @SuppressWarnings("unchecked")
    private TableView<DeskItem> table(FxRobot robot) {
        return robot.lookup("#deskTable").queryAs(TableView.class);
    }

    @Test
    void theWindowOpensOnTheDeskSecondInTheRail(FxRobot robot) {
        assertTrue(robot.lookup("#deskView").tryQuery().isPresent(), "the desk is the opening screen");
        assertTrue(robot.lookup("#navDesk").queryAs(ToggleButton.class).isSelected());
        assertFalse(table(robot).getItems().isEmpty());
        assertTrue(robot.lookup("#deskSummary").queryAs(Label.class).getText().contains("已超期 22"),
                robot.lookup("#deskSummary").queryAs(Label.class).getText());
        assertEquals("navTasks", robot.lookup(".nav-rail").query().lookupAll(".toggle-button").iterator().next().getId(),
                "the checklist stays first in the rail");
        robot.clickOn("#navTasks");
        assertTrue(robot.lookup("#taskTable").tryQuery().isPresent());
    }

    @Test
    void aLineOpensTheTaskAtItsUnitAndBackReturnsToTheDesk(FxRobot robot) {
        TableView<DeskItem> table = table(robot);
        // an overdue line whose task has several units, so that opening at the right one is not the default
        int index = -1;
        for (int i = 0; i < table.getItems().size(); i++) {
            DeskItem it = table.getItems().get(i);
            if (it.kind() == DeskItem.Kind.OVERDUE && TestDb.sqlLong(db.file(),
                    "SELECT count(*) FROM assignment WHERE task_id = " + it.taskId()) > 1
                    && TestDb.sqlLong(db.file(), "SELECT min(id) FROM assignment WHERE task_id = " + it.taskId())
                    != TestDb.sqlLong(db.file(), "SELECT id FROM assignment WHERE task_id = " + it.taskId()
                    + " AND unit_id = " + it.unitId())) {
                index = i;
                break;
            }
        }
        assertTrue(index >= 0, "the sample has an overdue share that is not its task's first");
        DeskItem line = table.getItems().get(index);
        int row = index;
        robot.interact(() -> {
            table.getSelectionModel().select(row);
            table.scrollTo(row);
            table.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#taskDetailView").tryQuery().isPresent(), "Enter opens the task");
        assertTrue(robot.lookup("#detailTitle").queryAs(Label.class).getText().contains(String.valueOf(line.seq())));
        ToggleButton unit = robot.lookup("#unit-" + line.unitId()).queryAs(ToggleButton.class);
        assertTrue(unit.isSelected(), "opened at " + line.unit());
        assertFalse(robot.lookup("#editBasicButton").query().isVisible(), "basic fields are edited in the checklist");
        assertEquals("返回工作台", robot.lookup("#backButton").queryButton().getText(), "back names the desk");
        robot.clickOn("#backButton");
        assertTrue(robot.lookup("#deskTable").tryQuery().isPresent(), "back on the desk");
    }

    @Test
    void settingsSaveTheLadderAndAScoringRuleSet(FxRobot robot) {
        robot.clickOn("#navSettings");
        robot.interact(() -> {
            robot.lookup("#chasePatternField").queryAs(javafx.scene.control.TextField.class).setText("宁督办〔{year}〕{n}号");
            robot.lookup("#saveLadderSettingsButton").queryAs(javafx.scene.control.Button.class).fire();
        });
        assertEquals("宁督办〔{year}〕{n}号", Wired.over(db, new TestClock(LocalDate.of(2026, 11, 29))).ladderSettings().load().chasePattern());
        robot.interact(() -> {
            robot.lookup("#scoreRulesFrom").queryAs(javafx.scene.control.DatePicker.class)
                    .setValue(LocalDate.of(2026, 7, 1));
            robot.lookup("#scoreRulesArea").queryAs(javafx.scene.control.TextArea.class).setText("基础分 = 90\n超期 = -5\n");
            robot.lookup("#saveScoreRulesButton").queryAs(javafx.scene.control.Button.class).fire();
        });
        var scores = Wired.over(db, new TestClock(LocalDate.of(2026, 11, 29))).scores();
        assertEquals(0, new java.math.BigDecimal("-5").compareTo(scores.inForce(LocalDate.of(2026, 8, 1))
                .points(org.duban.service.score.ScoreRules.Rule.OVERDUE)));
        assertEquals(0, new java.math.BigDecimal("-2").compareTo(scores.inForce(LocalDate.of(2026, 6, 30))
                .points(org.duban.service.score.ScoreRules.Rule.OVERDUE)), "the default before it");
        robot.interact(() -> {
            robot.lookup("#scoreRulesArea").queryAs(javafx.scene.control.TextArea.class).setText("迟到 = -1\n");
            robot.lookup("#saveScoreRulesButton").queryAs(javafx.scene.control.Button.class).fire();
        });
        assertTrue(robot.lookup("#scoreRulesMessage").queryAs(Label.class).getText().contains("第 1 行"),
                robot.lookup("#scoreRulesMessage").queryAs(Label.class).getText());
    }

}
