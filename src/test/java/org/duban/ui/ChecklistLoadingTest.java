package org.duban.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.duban.persistence.Database;
import org.duban.testing.FxStages;
import org.duban.testing.HeldRunner;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.duban.ui.tasks.TaskListView;
import org.duban.ui.tasks.TaskListViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The checklist while the ledger is still being read in the background, and once it is read. */
@ExtendWith(ApplicationExtension.class)
class ChecklistLoadingTest {
    private final HeldRunner runner = new HeldRunner();
    private Stage stage;
    private Database db;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void closeDb() {
        if (db != null) {
            db.close();
        }
    }

    private void mount(FxRobot robot, Database database) {
        db = database;
        robot.interact(() -> {
            TaskListViewModel vm = new TaskListViewModel(Wired.of(db).tasks(), Wired.of(db).meetings(), runner,
                    new RecordingDialogs());
            TaskListView view = new TaskListView(vm);
            vm.load();
            FxStages.show(stage, view.root(), 1280, 800);
        });
    }

    private static boolean shown(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(Node::isVisible).orElse(false);
    }

    @Test
    void saysItIsReadingUntilTheFirstLoadIsDoneAndNotThatThereAreNoTasks(FxRobot robot) throws Exception {
        mount(robot, TestDb.withSample(Files.createTempDirectory("duban-loading")));
        assertTrue(runner.heldCount() > 0, "the checklist reads in the background");
        assertTrue(shown(robot, "#loadingPlaceholder"), "a spinner and 正在读取 while reading");
        assertFalse(shown(robot, "#emptyPlaceholder"), "尚无任务 is not said before the list is read");

        robot.interact(runner::release);
        long tasks = TestDb.sqlLong(db.file(), "SELECT count(*) FROM task");
        assertEquals(tasks, robot.lookup("#taskTable").queryAs(TableView.class).getItems().size());
        assertFalse(shown(robot, "#loadingPlaceholder"));
    }

    @Test
    void anEmptyLedgerSaysNoTasksOnceItIsRead(FxRobot robot) throws Exception {
        Path dir = Files.createTempDirectory("duban-loading");
        Database empty = TestDb.withRoster(dir);
        TestDb.emptyMeeting(empty);
        mount(robot, empty);
        assertTrue(shown(robot, "#loadingPlaceholder"));

        robot.interact(runner::release);
        assertFalse(shown(robot, "#loadingPlaceholder"));
        assertTrue(shown(robot, "#emptyPlaceholder"));
        assertTrue(robot.lookup("#emptyPlaceholder").queryAs(Label.class).getText().startsWith("尚无任务"));
    }
}
