package org.duban.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.LocalDate;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.duban.persistence.Database;
import org.duban.service.audit.AuditLog;
import org.duban.service.tasks.ChecklistRow;
import org.duban.testing.FxStages;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.duban.ui.common.TaskRunner;
import org.duban.ui.tasks.TaskListView;
import org.duban.ui.tasks.TaskListViewModel;
import org.duban.ui.tasks.detail.DetailServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Esc does not silently throw away a half-typed progress report or a new task: it asks, 取消 keeps the text. */
@ExtendWith(ApplicationExtension.class)
class FormEscapeGuardTest {
    private Database db;
    private final RecordingDialogs dialogs = new RecordingDialogs();

    @Start
    void start(Stage stage) throws Exception {
        db = TestDb.withSample(Files.createTempDirectory("duban-esc"));
        AuditLog audit = Wired.audit(db, new TestClock(LocalDate.of(2026, 11, 29)));
        TaskRunner runner = TaskRunner.direct();
        TaskListViewModel vm = new TaskListViewModel(Wired.of(audit).tasks(), Wired.of(db).meetings(), runner, dialogs);
        TaskListView view = new TaskListView(vm, DetailServices.of(Wired.of(audit), runner, dialogs));
        vm.load();
        FxStages.show(stage, view.root(), 1280, 800);
    }

    @AfterEach
    void closeDb() {
        db.close();
    }

    @SuppressWarnings("unchecked")
    private void openFirstTask(FxRobot robot) {
        TableView<ChecklistRow> t = robot.lookup("#taskTable").queryAs(TableView.class);
        robot.interact(() -> {
            t.getSelectionModel().select(0);
            t.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#taskDetailView").tryQuery().isPresent());
    }

    @Test
    void escapeInAHalfTypedReportAsksAndCancelKeepsIt(FxRobot robot) {
        openFirstTask(robot);
        robot.clickOn("#progressTab");
        robot.clickOn("#percentField").write("60");
        dialogs.answer = false; // 取消: back to the form
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, dialogs.destructive.size(), "Esc asks, with 取消 the default");
        assertTrue(robot.lookup("#taskDetailView").tryQuery().isPresent(), "the detail stays");
        assertEquals("60", robot.lookup("#percentField").queryAs(TextField.class).getText(), "the text stays");

        dialogs.answer = true;
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, dialogs.destructive.size());
        assertTrue(robot.lookup("#taskDetailView").tryQuery().isEmpty(), "agreed: back to the checklist");
    }

    @Test
    void escapeWithNothingTypedGoesBackWithoutAsking(FxRobot robot) {
        openFirstTask(robot);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#taskDetailView").tryQuery().isEmpty());
        assertEquals(0, dialogs.confirmations.size());
    }

    @Test
    void escapeInAHalfTypedNewTaskAsksAndCancelKeepsTheForm(FxRobot robot) {
        robot.clickOn("#newTaskButton");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#problemField").write("部分河段存在垃圾");
        dialogs.answer = false;
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, dialogs.destructive.size(), "Esc asks");
        TextArea problem = robot.lookup("#problemField").queryAs(TextArea.class);
        assertTrue(problem.getScene().getWindow().isShowing(), "the form stays open");
        assertEquals("部分河段存在垃圾", problem.getText());

        dialogs.answer = true;
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#problemField").tryQuery().isEmpty(), "agreed: the form is closed");
    }
}
