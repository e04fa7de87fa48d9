package org.duban.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.duban.persistence.Database;
import org.duban.service.Services;
import org.duban.service.tasks.ChecklistRow;
import org.duban.service.tasks.TaskField;
import org.duban.service.tasks.TaskInput;
import org.duban.service.tasks.TaskService;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestDb;
import org.duban.ui.common.TaskRunner;
import org.duban.ui.common.Theme;
import org.duban.ui.tasks.TaskListView;
import org.duban.ui.tasks.TaskListViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real task form when another seat saved the task first (issue 16): the save is refused, the form stays open
 * with a banner naming the other seat, the newest values in its fields and the user's changes listed; 放回我的改动
 * puts them back and saving again closes the form.
 */
@ExtendWith(ApplicationExtension.class)
class TaskFormConflictViewTest {
    private Database db;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private TaskService otherSeat;

    private static Path file;

    /** The sample is made before the window (not in {@code @Start}, which the toolkit times). */
    @BeforeAll
    static void sample() throws Exception {
        Path dir = Files.createTempDirectory("duban-seat");
        TestDb.withSample(dir).close();
        file = dir.resolve("test.db");
    }

    @Start
    void start(Stage stage) {
        db = Database.open(file);
        Theme.install();
        Services mine = Services.over(db).operatedBy("秘书乙");
        otherSeat = Services.over(db).operatedBy("秘书甲").tasks();
        TaskListViewModel vm = new TaskListViewModel(mine.tasks(), mine.meetings(), TaskRunner.direct(), dialogs);
        TaskListView view = new TaskListView(vm);
        vm.load();
        Scene scene = new Scene(view.root(), 1280, 800);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void closeDb() {
        db.close();
    }

    @Test
    void aRefusedSaveShowsWhoChangedTheTaskTheNewestValuesAndPutsTheUsersChangesBack(FxRobot robot) {
        @SuppressWarnings("unchecked")
        TableView<ChecklistRow> table = robot.lookup("#taskTable").queryAs(TableView.class);
        ChecklistRow row = table.getItems().get(0);
        long id = row.task().id();
        robot.interact(() -> table.getSelectionModel().select(row));
        robot.clickOn("#editTaskButton");
        Node banner = robot.lookup("#conflictBanner").query();
        assertFalse(banner.isVisible(), "no banner before a refused save");
        String problem = row.task().problem();

        TaskService.Editing theirs = otherSeat.forEditing(id).orElseThrow();
        otherSeat.update(id, with(theirs.input(), TaskField.PROBLEM, problem + "（甲改）"), theirs.version());
        robot.interact(() -> robot.lookup("#problemField").queryAs(TextArea.class).setText(problem + "（乙改）"));
        robot.clickOn("#saveButton");
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(banner.isVisible(), "the form stays open with the banner");
        String message = robot.lookup("#conflictMessage").queryAs(Label.class).getText();
        assertTrue(message.contains("秘书甲") && message.contains("第" + row.task().seq() + "项任务"), message);
        assertEquals(problem + "（甲改）", robot.lookup("#problemField").queryAs(TextArea.class).getText());
        assertEquals("问题：" + problem + "（乙改）", robot.lookup("#conflictMine").queryAs(Label.class).getText());
        assertEquals(problem + "（甲改）", stored(id), "nothing of the refused save written");
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());

        robot.clickOn("#reapplyMineButton");
        assertEquals(problem + "（乙改）", robot.lookup("#problemField").queryAs(TextArea.class).getText());
        robot.clickOn("#saveButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#saveButton").tryQuery().isEmpty(), "saved: the form closed");
        assertEquals(problem + "（乙改）", stored(id));
    }

    private String stored(long id) {
        return TestDb.sqlString(db.file(), "SELECT problem FROM task WHERE id = " + id);
    }

    private static TaskInput with(TaskInput in, TaskField field, String value) {
        Map<TaskField, String> m = new EnumMap<>(TaskField.class);
        for (TaskField f : TaskField.values()) {
            m.put(f, in.get(f));
        }
        m.put(field, value);
        return TaskInput.of(m);
    }
}
