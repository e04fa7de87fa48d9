package org.duban.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.duban.persistence.Database;
import org.duban.service.tasks.ChecklistRow;
import org.duban.testing.FixedFile;
import org.duban.testing.FxStages;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.ui.common.TaskRunner;
import org.duban.ui.main.NavItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The keyboard path: Ctrl+F, type, ↓ lands in the results, Enter opens one; Ctrl+1…N choose the rail's items. */
@ExtendWith(ApplicationExtension.class)
class KeyboardPathTest {
    private Database db;
    private List<NavItem> items;

    @Start
    void start(Stage stage) throws Exception {
        db = TestDb.withSample(Files.createTempDirectory("duban-keys"));
        AppContext ctx = new AppContext(db, TaskRunner.direct(), new RecordingDialogs(), new FixedFile(db.file()),
                new TestClock(LocalDate.of(2026, 11, 29)));
        items = ctx.navItems();
        FxStages.show(stage, ctx.mainWindow().root(), 1280, 800);
    }

    @AfterEach
    void closeDb() {
        db.close();
    }


    @SuppressWarnings("unchecked")
    private static TableView<ChecklistRow> table(FxRobot robot) {
        return robot.lookup("#taskTable").queryAs(TableView.class);
    }

    @Test
    void searchThenDownLandsOnTheFirstResultAndEnterOpensIt(FxRobot robot) {
        assertTrue(robot.lookup("#deskView").tryQuery().isPresent(), "the window opens on the desk");
        // from the desk: Ctrl+F brings the checklist with the cursor in its search field
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#searchField").query().isFocused(), () -> "Ctrl+F: the search field, not "
                + robot.lookup("#searchField").query().getScene().getFocusOwner());
        robot.write("垃圾");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<ChecklistRow> t = table(robot);
        assertTrue(t.getItems().size() >= 1 && t.getItems().size() < 45, "filtered: " + t.getItems().size());
        robot.type(KeyCode.DOWN);
        assertTrue(t.isFocused(), "↓: the results");
        assertEquals(t.getItems().get(0), t.getSelectionModel().getSelectedItem(), "the first result is selected");
        assertTrue(t.getSelectionModel().getSelectedItem().searchText().contains("垃圾"));
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#taskDetailView").tryQuery().isPresent(), "Enter opens the task");
        assertEquals("返回清单", robot.lookup("#backButton").queryButton().getText(), "from the checklist, back names it");
    }

    @Test
    void enterInTheSearchFieldAlsoLandsInTheResults(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL); // the checklist
        robot.clickOn("#searchField").write("霞浦");
        robot.type(KeyCode.ENTER);
        assertTrue(table(robot).isFocused());
        assertFalse(table(robot).getSelectionModel().isEmpty());
    }

    @Test
    void ctrlAndANumberChooseTheRailItemsInTheirOrder(FxRobot robot) {
        assertTrue(items.size() >= 6, "the rail: " + items.size());
        for (int i = items.size() - 1; i >= 0; i--) {
            KeyCode digit = KeyCode.getKeyCode(String.valueOf(i + 1));
            robot.press(KeyCode.CONTROL, digit).release(digit, KeyCode.CONTROL);
            WaitForAsyncUtils.waitForFxEvents();
            ToggleButton b = robot.lookup("#" + items.get(i).id()).queryAs(ToggleButton.class);
            assertTrue(b.isSelected(), "Ctrl+" + (i + 1) + " chooses " + items.get(i).id());
            assertTrue(b.getTooltip().getText().contains(String.valueOf(i + 1)), b.getTooltip().getText());
        }
        assertTrue(robot.lookup("#taskTable").tryQuery().isPresent(), "Ctrl+1: the checklist");
    }
}
