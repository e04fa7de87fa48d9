package org.duban.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.duban.persistence.Database;
import org.duban.service.tasks.ChecklistRow;
import org.duban.testing.FxStages;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.duban.ui.common.TaskRunner;
import org.duban.ui.tasks.TaskListView;
import org.duban.ui.tasks.TaskListViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Taking a unit off a task in the edit form never deletes its tracking records: its share is withdrawn. */
@ExtendWith(ApplicationExtension.class)
class TaskUnitRemovalTest {
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private Database db;

    @Start
    void start(Stage stage) throws Exception {
        db = TestDb.withSample(Files.createTempDirectory("duban-units"));
        TaskListViewModel vm = new TaskListViewModel(Wired.of(db).tasks(), Wired.of(db).meetings(), TaskRunner.direct(),
                dialogs);
        TaskListView view = new TaskListView(vm);
        vm.load();
        FxStages.show(stage, view.root(), 1280, 800);
    }

    @AfterEach
    void closeDb() {
        db.close();
    }

    private long sql(String query) {
        return TestDb.sqlLong(db.file(), query);
    }

    /** Opens the edit form of the task with 序号 {@code seq} (Enter, as there is no detail view here). */
    @SuppressWarnings("unchecked")
    private void editTask(FxRobot robot, int seq) {
        TableView<ChecklistRow> table = robot.lookup("#taskTable").queryAs(TableView.class);
        robot.interact(() -> {
            table.getItems().stream().filter(r -> r.task().seq() == seq).findFirst()
                    .ifPresent(r -> table.getSelectionModel().select(r));
            table.requestFocus();
        });
        robot.type(KeyCode.ENTER);
    }

    private void setUnits(FxRobot robot, String units) {
        robot.interact(() -> robot.lookup("#unitsField").queryAs(TextField.class).setText(units));
    }

    private void save(FxRobot robot) {
        robot.clickOn("#saveButton");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void removingAUnitInTheFormWithdrawsItsShareWithEveryRecordKeptAndAsksNothing(FxRobot robot) {
        long taskId = sql("SELECT id FROM task WHERE seq = 1");
        long fuan = sql("SELECT a.id FROM assignment a JOIN unit u ON u.id = a.unit_id WHERE a.task_id = " + taskId
                + " AND u.name = '福安市'");
        long reports = sql("SELECT count(*) FROM progress_report WHERE assignment_id = " + fuan);
        long milestones = sql("SELECT count(*) FROM milestone WHERE assignment_id = " + fuan);
        assertTrue(reports > 0 && milestones > 0, "the sample's 福安市 reports on task 1");

        editTask(robot, 1);
        setUnits(robot, "蕉城区、霞浦县");
        save(robot);

        assertTrue(dialogs.confirmations.isEmpty(), "nothing is lost, so nothing is asked");
        assertEquals(1, sql("SELECT count(*) FROM assignment WHERE id = " + fuan + " AND withdrawn_on IS NOT NULL"));
        assertEquals(reports, sql("SELECT count(*) FROM progress_report WHERE assignment_id = " + fuan));
        assertEquals(milestones, sql("SELECT count(*) FROM milestone WHERE assignment_id = " + fuan));
        assertTrue(robot.lookup("#saveButton").tryQuery().isEmpty(), "the form closed after saving");
        @SuppressWarnings("unchecked")
        TableView<ChecklistRow> table = robot.lookup("#taskTable").queryAs(TableView.class);
        assertEquals("蕉城区、霞浦县", table.getItems().stream().filter(r -> r.task().seq() == 1).findFirst()
                .orElseThrow().unitNames(), "the checklist no longer counts 福安市 on task 1");
    }

    @Test
    void puttingAWithdrawnUnitBackInTheFormRestoresItsShare(FxRobot robot) {
        long taskId = sql("SELECT id FROM task WHERE seq = 1");
        long fuan = sql("SELECT a.id FROM assignment a JOIN unit u ON u.id = a.unit_id WHERE a.task_id = " + taskId
                + " AND u.name = '福安市'");
        editTask(robot, 1);
        setUnits(robot, "蕉城区、霞浦县");
        save(robot);
        editTask(robot, 1);
        setUnits(robot, "蕉城区、福安市、霞浦县");
        save(robot);

        assertEquals(3, sql("SELECT count(*) FROM assignment WHERE task_id = " + taskId));
        assertEquals(1, sql("SELECT count(*) FROM assignment WHERE id = " + fuan + " AND withdrawn_on IS NULL"),
                "the same share, not a new one");
    }
}
