package org.duban.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.duban.testing.FxStages;
import org.duban.ui.common.FxDialogService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real dialogs: a confirmation answered with the keyboard (Enter is the highlighted OK button, Esc cancels), an
 * error with its technical details.
 */
@ExtendWith(ApplicationExtension.class)
class ConfirmDialogKeysTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        FxStages.show(stage, new StackPane(), 800, 600);
    }

    /** Asks, as a view would, and waits until the dialog shows; the answer completes the future. */
    private CompletableFuture<Boolean> ask() {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(new FxDialogService(stage).confirm("删除任务",
                "确定删除序号 3 的任务吗？", "删除")));
        WaitForAsyncUtils.waitForFxEvents();
        return answer;
    }

    /** Asks before deleting, as the checklist does. */
    private CompletableFuture<Boolean> askToDelete() {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(new FxDialogService(stage).confirmDestructive("删除任务",
                "确定删除序号 3 的任务吗？此操作无法撤销。", "删除")));
        WaitForAsyncUtils.waitForFxEvents();
        return answer;
    }

    @Test
    void aDeleteConfirmationDefaultsToCancelSoEnterKeepsTheTask(FxRobot robot) throws Exception {
        CompletableFuture<Boolean> answer = askToDelete();
        Button cancel = robot.lookup("#confirmCancelButton").queryAs(Button.class);
        Button delete = robot.lookup("#confirmOkButton").queryAs(Button.class);
        assertEquals("取消", cancel.getText());
        assertTrue(cancel.isDefaultButton(), "取消 is the default button");
        assertTrue(cancel.isFocused(), "and has the focus");
        assertFalse(delete.isDefaultButton(), "删除 is not");
        robot.type(KeyCode.ENTER);
        assertFalse(answer.get(5, TimeUnit.SECONDS), "Enter cancels");
    }

    @Test
    void aDeleteIsConfirmedByClickingItsButton(FxRobot robot) throws Exception {
        CompletableFuture<Boolean> answer = askToDelete();
        robot.clickOn("#confirmOkButton");
        assertTrue(answer.get(5, TimeUnit.SECONDS));
    }

    @Test
    void enterPressesTheHighlightedOkButton(FxRobot robot) throws Exception {
        CompletableFuture<Boolean> answer = ask();
        Button ok = robot.lookup("#confirmOkButton").queryAs(Button.class);
        assertTrue(ok.isDefaultButton(), "OK is the highlighted default button");
        assertTrue(ok.isFocused(), "and has the focus");
        assertFalse(answer.isDone());
        robot.type(KeyCode.ENTER);
        assertTrue(answer.get(5, TimeUnit.SECONDS));
    }

    @Test
    void escapeCancels(FxRobot robot) throws Exception {
        CompletableFuture<Boolean> answer = ask();
        robot.type(KeyCode.ESCAPE);
        assertFalse(answer.get(5, TimeUnit.SECONDS));
    }

    @Test
    void enterAfterTabbingToCancelCancels(FxRobot robot) throws Exception {
        CompletableFuture<Boolean> answer = ask();
        robot.type(KeyCode.TAB);
        assertTrue(robot.lookup("#confirmCancelButton").queryAs(Button.class).isFocused());
        robot.type(KeyCode.ENTER);
        assertFalse(answer.get(5, TimeUnit.SECONDS));
    }

    @Test
    void anErrorShowsItsMessageAndFoldsTheTechnicalDetailsAwayInChinese(FxRobot robot) throws Exception {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        Platform.runLater(() -> {
            new FxDialogService(stage).showError("出错了", "无法保存文件：磁盘已满。", new java.io.IOException("disk full"));
            closed.complete(null);
        });
        WaitForAsyncUtils.waitForFxEvents();
        TitledPane details = robot.lookup("#errorDetails").queryAs(TitledPane.class);
        assertEquals("技术细节（供技术支持人员查看）", details.getText());
        assertFalse(details.isExpanded(), "the stack trace is folded away");
        assertTrue(robot.lookup(".dialog-pane .label").queryAllAs(Label.class).stream()
                .anyMatch(l -> "无法保存文件：磁盘已满。".equals(l.getText())), "the message shows");
        assertTrue(robot.lookup(".details-button").tryQuery().isEmpty(), "no English \"Show Details\" link");
        robot.clickOn(details);
        assertTrue(details.isExpanded());
        robot.type(KeyCode.ENTER);
        closed.get(5, TimeUnit.SECONDS);
    }
}
