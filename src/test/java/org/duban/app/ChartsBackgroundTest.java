package org.duban.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.duban.persistence.Database;
import org.duban.testing.FxStages;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.ui.common.TaskRunner;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 21.5: the chart pane never shows a chart on a black background. Going through every chart twice, as a
 * clerk does, and drawing each again in place (the window resized), every drawn chart's background (its four
 * corners) is the chart's white, not black. Without ChartsView's PaintCacheReset the stacked status chart's redraw
 * comes out black here.
 */
@ExtendWith(ApplicationExtension.class)
class ChartsBackgroundTest {
    private static final List<String> KINDS = List.of("#kindStatus", "#kindRanking", "#kindTrend", "#kindLights",
            "#kindSource", "#kindCategory");
    private Database db;

    @Start
    void start(Stage stage) throws Exception {
        db = TestDb.withSample(Files.createTempDirectory("duban-chart-bg"));
        AppContext ctx = new AppContext(db, TaskRunner.direct(), new RecordingDialogs(), null,
                new TestClock(LocalDate.of(2026, 11, 29)));
        FxStages.show(stage, ctx.mainWindow().root(), 1280, 768);
    }

    @AfterEach
    void closeDb() {
        db.close();
    }

    /** The corners of the chart as drawn on the canvas that are not the chart's light background. */
    private static List<String> darkCorners(FxRobot robot, String kind) {
        ChartViewer viewer = robot.lookup("#chartViewer").queryAs(ChartViewer.class);
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = viewer.getCanvas().snapshot(null, null));
        PixelReader px = shot[0].getPixelReader();
        int w = (int) shot[0].getWidth();
        int h = (int) shot[0].getHeight();
        List<String> dark = new ArrayList<>();
        for (int[] at : new int[][] {{3, 3}, {w - 4, 3}, {3, h - 4}, {w - 4, h - 4}}) {
            Color c = px.getColor(at[0], at[1]);
            if (c.getBrightness() < 0.9) {
                dark.add(kind + " at " + at[0] + "," + at[1] + ": " + c);
            }
        }
        return dark;
    }

    /** The window a little narrower, then as it was: the chart is drawn twice more in place. */
    private static void redraw(FxRobot robot) {
        ChartViewer viewer = robot.lookup("#chartViewer").queryAs(ChartViewer.class);
        javafx.stage.Window w = viewer.getScene().getWindow();
        robot.interact(() -> w.setWidth(w.getWidth() - 20));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> w.setWidth(w.getWidth() + 20));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void everyChartIsDrawnOnItsWhiteBackgroundAlsoTheSecondTime(FxRobot robot) {
        robot.clickOn("#navCharts");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> dark = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (String kind : KINDS) {
                robot.clickOn(kind);
                WaitForAsyncUtils.waitForFxEvents();
                dark.addAll(darkCorners(robot, kind));
                redraw(robot); // drawn again where it is (the window resized): the same chart twice running
                dark.addAll(darkCorners(robot, kind + " redrawn"));
            }
        }
        robot.clickOn("#navTasks"); // and back: the chart is drawn again as it comes into view
        robot.clickOn("#navCharts");
        WaitForAsyncUtils.waitForFxEvents();
        dark.addAll(darkCorners(robot, "again"));
        assertEquals(List.of(), dark);
    }
}
