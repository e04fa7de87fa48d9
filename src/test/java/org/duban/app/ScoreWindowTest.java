package org.duban.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.duban.persistence.Database;
import org.duban.service.score.ScoreEvent;
import org.duban.service.score.UnitScore;
import org.duban.testing.FixedFile;
import org.duban.testing.FxStages;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.ui.common.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** 考评排名 in the window's rail: scored on arrival; an event's task opens in place and back returns to the scores. */
@ExtendWith(ApplicationExtension.class)
class ScoreWindowTest {
    private Database db;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("duban-score-window");
        db = TestDb.withSample(dir);
        AppContext ctx = new AppContext(db, TaskRunner.direct(), new RecordingDialogs(), new FixedFile(db.file()),
                new TestClock(LocalDate.of(2026, 11, 29)));
        FxStages.show(stage, ctx.mainWindow().root(), 1280, 800);
    }

    @AfterEach
    void closeDb() {
        db.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anEventOpensItsTaskAndBackReturnsToTheScores(FxRobot robot) {
        robot.clickOn("#navScore");
        TableView<UnitScore> units = robot.lookup("#scoreTable").queryAs(TableView.class);
        assertFalse(units.getItems().isEmpty(), "scored on arrival");
        int row = 0;
        while (units.getItems().get(row).events().stream().noneMatch(e -> e.taskId() != null)) {
            row++;
        }
        int r = row;
        robot.interact(() -> units.getSelectionModel().select(r));
        TableView<ScoreEvent> events = robot.lookup("#scoreEventsTable").queryAs(TableView.class);
        int e = 0;
        while (events.getItems().get(e).taskId() == null) {
            e++;
        }
        int w = e;
        robot.interact(() -> events.scrollTo(w));
        TableRow<?> eventRow = robot.lookup("#scoreEventsTable .table-row-cell").queryAll().stream()
                .map(n -> (TableRow<?>) n).filter(x -> x.getIndex() == w).findFirst().orElseThrow();
        robot.doubleClickOn(eventRow);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#taskDetailView").tryQuery().isPresent(), "the event's task opens");
        Integer seq = events.getItems().get(w).seq();
        assertTrue(robot.lookup("#detailTitle").queryLabeled().getText().contains(String.valueOf(seq)));
        assertEquals("返回考评排名", robot.lookup("#backButton").queryButton().getText(), "back names the scores");
        robot.clickOn("#backButton");
        assertTrue(robot.lookup("#scoreEventsTable").tryQuery().isPresent(), "back on the scores");
        assertTrue(robot.lookup("#taskDetailView").tryQuery().isEmpty());
    }

}
