package org.duban.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.duban.persistence.Database;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.ui.common.TaskRunner;
import org.duban.ui.common.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 21.2: the checklist's row height (一行 / 两行), which columns show, their order and a width dragged by hand
 * are remembered in the user's preferences file and come back at the next start.
 */
@ExtendWith(ApplicationExtension.class)
class ChecklistMemoryTest {
    private Database db;
    private Path prefsFile;
    private Stage stage;

    @Start
    void start(Stage ignored) throws Exception {
        Path dir = Files.createTempDirectory("duban-memory");
        db = TestDb.withSample(dir);
        prefsFile = dir.resolve("preferences.properties");
        Theme.install();
    }

    @AfterEach
    void close(FxRobot robot) {
        if (stage != null && stage.isShowing()) {
            robot.interact(stage::close);
        }
        db.close();
    }

    /** A start of the program: preferences read afresh from the file, the checklist shown. */
    private void start(FxRobot robot) {
        robot.interact(() -> {
            stage = new Stage();
            AppContext ctx = new AppContext(db, TaskRunner.direct(), new RecordingDialogs(), null,
                    new TestClock(LocalDate.of(2026, 11, 29)))
                    .rememberingIn(new UserPreferences(prefsFile).viewMemory());
            var window = ctx.mainWindow();
            Scene scene = new Scene(window.root(), 1280, 768);
            Theme.style(scene);
            stage.setScene(scene);
            stage.show();
            window.select("navTasks");
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static TableView<?> table(FxRobot robot) {
        return robot.lookup("#taskTable").queryAs(TableView.class);
    }

    private static TableColumn<?, ?> column(FxRobot robot, String id) {
        return table(robot).getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
    }

    private static List<String> visibleOrder(FxRobot robot) {
        return table(robot).getColumns().stream().filter(TableColumn::isVisible).map(TableColumn::getId).toList();
    }

    @Test
    void rowHeightColumnsOrderAndAWidthComeBackAtTheNextStart(FxRobot robot) {
        start(robot);
        assertFalse(table(robot).getStyleClass().contains("two-line-rows"), "one line at first");
        robot.clickOn("#twoLineRows");
        assertTrue(table(robot).getStyleClass().contains("two-line-rows"));
        robot.interact(() -> {
            column(robot, "sourceColumn").setVisible(true); // as the header's column menu does
            column(robot, "unitsColumn").setVisible(false);
            @SuppressWarnings("unchecked")
            var columns = (javafx.collections.ObservableList<TableColumn<?, ?>>) (Object) table(robot).getColumns();
            TableColumn<?, ?> status = column(robot, "statusColumn");
            columns.remove(status); // as dragging its header does
            columns.add(1, status);
        });
        WaitForAsyncUtils.waitForFxEvents();

        // 问题 made wider by dragging the border at its header's right edge
        Node header = robot.lookup(".column-header").match(n -> "problemColumn".equals(n.getId())).query();
        Bounds b = header.localToScreen(header.getBoundsInLocal());
        double before = column(robot, "problemColumn").getWidth();
        robot.drag(b.getMaxX() - 1, b.getMinY() + b.getHeight() / 2, MouseButton.PRIMARY).moveBy(60, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        double widened = column(robot, "problemColumn").getWidth();
        assertTrue(widened > before + 30, "the drag widened 问题: " + before + " → " + widened);
        List<String> order = visibleOrder(robot);
        robot.interact(stage::close);

        start(robot);
        assertTrue(robot.lookup("#twoLineRows").queryAs(ToggleButton.class).isSelected(), "两行 is chosen again");
        assertTrue(table(robot).getStyleClass().contains("two-line-rows"));
        assertEquals(order, visibleOrder(robot), "the same columns in the same order");
        assertEquals("statusColumn", visibleOrder(robot).get(1));
        assertTrue(column(robot, "sourceColumn").isVisible() && !column(robot, "unitsColumn").isVisible());
        assertEquals(widened, column(robot, "problemColumn").getWidth(), 3, "问题 as wide as it was left");
    }
}
