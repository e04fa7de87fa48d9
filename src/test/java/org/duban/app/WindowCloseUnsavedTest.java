package org.duban.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.LocalDate;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.duban.persistence.Database;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.ui.common.DialogService.Unsaved;
import org.duban.ui.common.TaskRunner;
import org.duban.ui.common.Theme;
import org.duban.ui.main.MainWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 21.4, no lost keystrokes: closing the main window while a progress report or the new-task form is half-typed
 * asks 保存 / 不保存 / 取消 first, the question the settings ask. 取消 keeps the window and the text, 不保存 closes with
 * the ledger unchanged, 保存 stores the text and then closes; a save that is refused keeps window and text.
 */
@ExtendWith(ApplicationExtension.class)
class WindowCloseUnsavedTest {
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private Database db;
    private Stage stage;

    @Start
    void start(Stage ignored) throws Exception {
        db = TestDb.withSample(Files.createTempDirectory("duban-close"));
        Theme.install();
    }

    @AfterEach
    void close(FxRobot robot) {
        if (stage != null && stage.isShowing()) {
            robot.interact(stage::close);
        }
        db.close();
    }

    /** The main window as the program shows it, its close box guarded as {@code DubanApp} guards it. */
    private void open(FxRobot robot) {
        robot.interact(() -> {
            stage = new Stage();
            AppContext ctx = new AppContext(db, TaskRunner.direct(), dialogs, null,
                    new TestClock(LocalDate.of(2026, 11, 29)));
            MainWindow window = ctx.mainWindow();
            Scene scene = new Scene(window.root(), 1280, 768);
            Theme.style(scene);
            stage.setScene(scene);
            window.guardClose(stage, dialogs);
            stage.show();
            window.select("navTasks");
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The close box, as the windowing system presses it: the request, then the close unless it was consumed. */
    private void pressCloseBox(FxRobot robot) {
        robot.interact(() -> {
            WindowEvent request = new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST);
            stage.getOnCloseRequest().handle(request);
            if (!request.isConsumed()) {
                stage.close();
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private long count(String table) {
        return TestDb.sqlLong(db.file(), "SELECT count(*) FROM " + table);
    }

    @SuppressWarnings("unchecked")
    private void typeHalfAReport(FxRobot robot) {
        TableView<?> t = robot.lookup("#taskTable").queryAs(TableView.class);
        robot.interact(() -> {
            t.getSelectionModel().select(0);
            t.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#progressTab");
        robot.clickOn("#percentField").write("60");
    }

    @Test
    void nothingTypedClosesWithoutAsking(FxRobot robot) {
        open(robot);
        pressCloseBox(robot);
        assertFalse(stage.isShowing());
        assertEquals(0, dialogs.unsavedQuestions.size());
    }

    @Test
    void aHalfTypedReportAsksAndEachAnswerDoesWhatItSays(FxRobot robot) {
        open(robot);
        long reports = count("progress_report");
        typeHalfAReport(robot);

        pressCloseBox(robot); // 取消, the default
        assertEquals(1, dialogs.unsavedQuestions.size(), "closing with a half-typed report asks");
        assertTrue(dialogs.unsavedQuestions.get(0).contains("进展报告"), dialogs.unsavedQuestions.get(0));
        assertTrue(stage.isShowing(), "取消: the window stays");
        assertEquals("60", robot.lookup("#percentField").queryAs(TextField.class).getText(), "and the text");

        dialogs.unsavedAnswer = Unsaved.SAVE; // but no report text yet: the save is refused
        pressCloseBox(robot);
        assertEquals(2, dialogs.unsavedQuestions.size());
        assertTrue(stage.isShowing(), "a refused save keeps the window open");
        assertEquals("60", robot.lookup("#percentField").queryAs(TextField.class).getText(), "and the text");
        Label error = robot.lookup("#reportError").queryAs(Label.class);
        assertFalse(error.getText().isBlank(), "the reason shows under the form");
        assertEquals(reports, count("progress_report"));

        robot.clickOn("#reportTextField").write("已完成清淤三公里");
        pressCloseBox(robot);
        assertEquals(3, dialogs.unsavedQuestions.size());
        assertFalse(stage.isShowing(), "saved, then closed");
        assertEquals(reports + 1, count("progress_report"), "保存 stored the report");
        assertEquals(1, TestDb.sqlLong(db.file(),
                "SELECT count(*) FROM progress_report WHERE percent = 60 AND text = '已完成清淤三公里'"));
    }

    @Test
    void dontSaveClosesWithTheLedgerUnchanged(FxRobot robot) {
        open(robot);
        long reports = count("progress_report");
        typeHalfAReport(robot);
        robot.clickOn("#reportTextField").write("已完成清淤三公里");
        dialogs.unsavedAnswer = Unsaved.DISCARD;
        pressCloseBox(robot);
        assertEquals(1, dialogs.unsavedQuestions.size());
        assertFalse(stage.isShowing(), "不保存 closes");
        assertEquals(reports, count("progress_report"), "nothing stored");
    }

    @Test
    void aReportHalfTypedOnTheChecklistCountsWhileAnotherScreenShows(FxRobot robot) {
        open(robot);
        typeHalfAReport(robot);
        robot.clickOn("#navDesk");
        WaitForAsyncUtils.waitForFxEvents();
        pressCloseBox(robot);
        assertEquals(1, dialogs.unsavedQuestions.size(), "the report kept on the checklist is asked about");
        assertTrue(stage.isShowing());
    }

    @Test
    void aReportGivenUpWithEscNoLongerCounts(FxRobot robot) {
        open(robot);
        typeHalfAReport(robot);
        dialogs.answer = true; // Esc: 放弃内容
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, dialogs.destructive.size());
        pressCloseBox(robot);
        assertEquals(0, dialogs.unsavedQuestions.size());
        assertFalse(stage.isShowing());
    }

    @Test
    void aHalfTypedNewTaskAsksAndCancelKeepsTheFormThenDontSaveClosesBoth(FxRobot robot) {
        open(robot);
        long tasks = count("task");
        robot.clickOn("#newTaskButton");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#problemField").write("部分河段存在垃圾");
        TextArea problem = robot.lookup("#problemField").queryAs(TextArea.class);

        pressCloseBox(robot);
        assertEquals(1, dialogs.unsavedQuestions.size(), "closing with a half-typed new task asks");
        assertTrue(dialogs.unsavedQuestions.get(0).contains("新任务"), dialogs.unsavedQuestions.get(0));
        assertTrue(stage.isShowing());
        assertTrue(problem.getScene().getWindow().isShowing(), "取消: the form stays open");
        assertEquals("部分河段存在垃圾", problem.getText());

        dialogs.unsavedAnswer = Unsaved.SAVE; // 序号, 来源, 责任单位 … missing: refused
        pressCloseBox(robot);
        assertTrue(stage.isShowing(), "a refused save keeps the window");
        assertTrue(problem.getScene().getWindow().isShowing(), "and the form");
        assertEquals("部分河段存在垃圾", problem.getText());

        dialogs.unsavedAnswer = Unsaved.DISCARD;
        pressCloseBox(robot);
        assertEquals(3, dialogs.unsavedQuestions.size());
        assertFalse(stage.isShowing(), "不保存 closes the window");
        assertTrue(robot.lookup("#problemField").tryQuery().isEmpty(), "and the form");
        assertEquals(tasks, count("task"));
    }
}
