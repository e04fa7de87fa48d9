package org.duban.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.duban.persistence.Database;
import org.duban.service.tasks.ChecklistRow;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.duban.ui.common.Choice;
import org.duban.ui.common.TaskRunner;
import org.duban.ui.common.Theme;
import org.duban.ui.tasks.TaskListView;
import org.duban.ui.tasks.TaskListViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real checklist on a real sample database, driven by id. */
@ExtendWith(ApplicationExtension.class)
class TaskListViewTest {
    private Database db;
    private Path dir;
    private final RecordingDialogs dialogs = new RecordingDialogs();

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("duban-ui");
        db = TestDb.withSample(dir);
        Theme.install();
        TaskListViewModel vm = new TaskListViewModel(Wired.of(db).tasks(), Wired.of(db).meetings(), TaskRunner.direct(), dialogs);
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

    @SuppressWarnings("unchecked")
    private TableView<ChecklistRow> table(FxRobot robot) {
        return robot.lookup("#taskTable").queryAs(TableView.class);
    }

    private String countText(FxRobot robot) {
        return robot.lookup("#countLabel").queryAs(Label.class).getText();
    }

    private long dbTasks() {
        return TestDb.sqlLong(db.file(), "SELECT count(*) FROM task");
    }

    @Test
    void showsTheSampleTasksAndTheCount(FxRobot robot) {
        long n = dbTasks();
        assertEquals(n, table(robot).getItems().size());
        assertEquals("显示 " + n + " / 共 " + n + " 条", countText(robot));
        assertEquals(1, table(robot).getItems().get(0).task().seq());
    }

    @Test
    void addingATaskThroughTheFormPutsItInTheTableAndTheDatabase(FxRobot robot) {
        long before = dbTasks();
        robot.clickOn("#newTaskButton");
        robot.interact(() -> {
            robot.lookup("#problemField").queryAs(TextArea.class).setText("城区夜间施工噪声扰民投诉较多");
            robot.lookup("#unitsField").queryAs(TextField.class).setText("蕉城区、东侨开发区");
        });
        robot.clickOn("#deadlineField").write("2026-12-31");
        robot.clickOn("#saveButton");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(before + 1, dbTasks());
        assertEquals(1, TestDb.sqlLong(db.file(),
                "SELECT count(*) FROM task WHERE problem = '城区夜间施工噪声扰民投诉较多' AND deadline = '2026-12-31'"));
        assertEquals(2, TestDb.sqlLong(db.file(), "SELECT count(*) FROM assignment a JOIN task t ON t.id = a.task_id "
                + "WHERE t.problem = '城区夜间施工噪声扰民投诉较多'"));
        ChecklistRow selected = table(robot).getSelectionModel().getSelectedItem();
        assertEquals("城区夜间施工噪声扰民投诉较多", selected.task().problem());
        assertEquals("蕉城区、东侨经济技术开发区", selected.unitNames());
        assertTrue(robot.lookup("#saveButton").tryQuery().isEmpty(), "the form closed after saving");
    }

    @Test
    void anUnreadableDeadlineShowsTheMessageAtTheFieldAndSavesNothing(FxRobot robot) {
        long before = dbTasks();
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        robot.interact(() -> {
            robot.lookup("#problemField").queryAs(TextArea.class).setText("某问题");
            robot.lookup("#unitsField").queryAs(TextField.class).setText("古田县");
        });
        robot.clickOn("#deadlineField").write("ASAP");
        Label error = robot.lookup("#deadlineError").queryAs(Label.class);
        assertTrue(error.isVisible());
        assertTrue(error.getText().contains("“ASAP”"), error.getText());

        robot.clickOn("#saveButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, dbTasks());
        assertTrue(robot.lookup("#saveButton").tryQuery().isPresent(), "the form stays open with what was typed");
        assertEquals("某问题", robot.lookup("#problemField").queryAs(TextArea.class).getText());
    }

    @Test
    void anUnknownUnitShowsTheMessageAtTheField(FxRobot robot) {
        robot.clickOn("#newTaskButton");
        robot.interact(() -> robot.lookup("#unitsField").queryAs(TextField.class).setText("蕉城区、火星区"));
        Label error = robot.lookup("#unitsError").queryAs(Label.class);
        assertTrue(error.getText().contains("火星区"), error.getText());
    }

    @Test
    void filteringByUnitShowsOnlyThatUnitsTasks(FxRobot robot) {
        long total = dbTasks();
        long gutian = TestDb.sqlLong(db.file(),
                "SELECT count(*) FROM assignment a JOIN unit u ON u.id = a.unit_id WHERE u.name = '古田县'");
        @SuppressWarnings("unchecked")
        ComboBox<Choice<?>> unit = robot.lookup("#unitFilter").queryAs(ComboBox.class);
        robot.clickOn(unit);
        robot.clickOn("古田县");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(gutian, table(robot).getItems().size());
        assertTrue(table(robot).getItems().stream().allMatch(r -> r.unitNames().contains("古田县")));
        assertEquals("显示 " + gutian + " / 共 " + total + " 条", countText(robot));

        robot.clickOn("#clearFiltersButton");
        assertEquals(total, table(robot).getItems().size());
    }

    @Test
    void searchWithCtrlFFiltersByText(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        assertTrue(robot.lookup("#searchField").queryAs(TextField.class).isFocused());
        robot.interact(() -> robot.lookup("#searchField").queryAs(TextField.class).setText("小水电"));
        assertFalse(table(robot).getItems().isEmpty());
        assertTrue(table(robot).getItems().stream().allMatch(r -> (r.task().problem() + r.task().target()
                + r.task().measures()).contains("小水电")));
    }

    @Test
    void deleteAsksFirstAndKeepsTheTaskWhenTheUserSaysNo(FxRobot robot) {
        long before = dbTasks();
        dialogs.answer = false;
        robot.interact(() -> {
            table(robot).getSelectionModel().select(0);
            table(robot).requestFocus();
        });
        robot.type(KeyCode.DELETE);
        assertEquals(1, dialogs.confirmations.size(), "Delete asks first");
        assertEquals(1, dialogs.destructive.size(), "with 取消 as the default button");
        assertEquals(before, dbTasks());

        dialogs.answer = true;
        robot.interact(() -> table(robot).getSelectionModel().select(0));
        robot.clickOn("#deleteTaskButton");
        assertEquals(before - 1, dbTasks());
        assertEquals(before - 1, table(robot).getItems().size());
        assertEquals(2, dialogs.confirmations.size());
    }

    @Test
    void withoutADetailViewEnterOpensTheEditFormOnTheSelectedTask(FxRobot robot) {
        robot.interact(() -> {
            table(robot).getSelectionModel().select(2);
            table(robot).requestFocus();
        });
        robot.type(KeyCode.ENTER);
        ChecklistRow row = table(robot).getSelectionModel().getSelectedItem();
        assertEquals(row.task().problem(), robot.lookup("#problemField").queryAs(TextArea.class).getText());
        assertEquals(String.valueOf(row.task().seq()), robot.lookup("#seqField").queryAs(TextField.class).getText());
    }

    private String leadUnitOf(long taskId) {
        return TestDb.sqlString(db.file(), "SELECT coalesce((SELECT u.name FROM task t JOIN unit u ON u.id = t.lead_unit_id "
                + "WHERE t.id = " + taskId + "), '')");
    }

    private long leadUnitAudits(long taskId, String oldValue, String newValue) {
        return TestDb.sqlLong(db.file(), "SELECT count(*) FROM audit_log WHERE entity = 'TASK' AND task_id = " + taskId
                + " AND field = 'leadUnit' AND coalesce(old_value, '') = '" + oldValue + "' AND coalesce(new_value, '') = '"
                + newValue + "'");
    }

    @SuppressWarnings("unchecked")
    private void editRowAndChooseLeadUnit(FxRobot robot, int index, String name) {
        robot.interact(() -> {
            table(robot).getSelectionModel().select(index);
            table(robot).requestFocus();
        });
        robot.type(KeyCode.ENTER);
        ComboBox<String> lead = robot.lookup("#leadUnitField").queryAs(ComboBox.class);
        assertTrue(lead.getItems().contains(name), "the choice offers " + name + ": " + lead.getItems());
        robot.interact(() -> lead.getSelectionModel().select(name));
        robot.clickOn("#saveButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#saveButton").tryQuery().isEmpty(), "the form closed after saving");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFormSetsChangesAndClearsTheLeadUnit(FxRobot robot) {
        ChecklistRow row = table(robot).getItems().get(3);
        long id = row.task().id();
        assertEquals("", leadUnitOf(id), "the sample's tasks have no lead unit");
        robot.interact(() -> {
            table(robot).getSelectionModel().select(3);
            table(robot).requestFocus();
        });
        robot.type(KeyCode.ENTER);
        ComboBox<String> lead = robot.lookup("#leadUnitField").queryAs(ComboBox.class);
        assertEquals("", lead.getValue(), "none chosen");
        assertEquals("（无）", lead.getConverter().toString(lead.getValue()));
        assertEquals("", lead.getItems().get(0), "none is the first choice");
        assertTrue(lead.getItems().contains("市生态环境局"), lead.getItems().toString());
        robot.clickOn("#cancelButton");
        WaitForAsyncUtils.waitForFxEvents();

        // set
        editRowAndChooseLeadUnit(robot, 3, "市生态环境局");
        assertEquals("市生态环境局", leadUnitOf(id));
        assertEquals(1, leadUnitAudits(id, "", "市生态环境局"));
        assertEquals("市生态环境局", table(robot).getSelectionModel().getSelectedItem().leadUnitName());

        // change: the form opens on the lead unit saved
        robot.interact(() -> table(robot).getSelectionModel().select(3));
        robot.interact(() -> table(robot).requestFocus());
        robot.type(KeyCode.ENTER);
        assertEquals("市生态环境局", robot.lookup("#leadUnitField").queryAs(ComboBox.class).getValue());
        robot.clickOn("#cancelButton");
        WaitForAsyncUtils.waitForFxEvents();
        editRowAndChooseLeadUnit(robot, 3, "市水利局");
        assertEquals("市水利局", leadUnitOf(id));
        assertEquals(1, leadUnitAudits(id, "市生态环境局", "市水利局"));

        // clear
        editRowAndChooseLeadUnit(robot, 3, "");
        assertEquals("", leadUnitOf(id));
        assertEquals(1, TestDb.sqlLong(db.file(), "SELECT count(*) FROM task WHERE id = " + id + " AND lead_unit_id IS NULL"));
        assertEquals(1, leadUnitAudits(id, "市水利局", ""));
        assertEquals(3, TestDb.sqlLong(db.file(), "SELECT count(*) FROM audit_log WHERE task_id = " + id
                + " AND field = 'leadUnit'"), "one audit row per change, none for the shares");
    }
}
