package org.duban.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.Image;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.duban.i18n.Messages;
import org.duban.model.Unit;
import org.duban.model.WarningLight;
import org.duban.persistence.Database;
import org.duban.service.chart.ChartKey;
import org.duban.service.tasks.ChecklistRow;
import org.duban.testing.FxStages;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.ui.common.TaskRunner;
import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The whole window on the sample: a click on a unit's bar in 进度图表 opens the checklist filtered to that unit. */
@ExtendWith(ApplicationExtension.class)
class ChartsClickTest {
    private Database db;
    private final RecordingDialogs dialogs = new RecordingDialogs();

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("duban-charts");
        db = TestDb.withSample(dir);
        AppContext ctx = new AppContext(db, TaskRunner.direct(), dialogs, null, new TestClock(LocalDate.of(2026, 11, 29)));
        FxStages.show(stage, ctx.mainWindow().root(), 1280, 800);
    }

    @AfterEach
    void closeDb() {
        db.close();
    }

    @SuppressWarnings("unchecked")
    private TableView<ChecklistRow> table(FxRobot robot) {
        return robot.lookup("#taskTable").queryAs(TableView.class);
    }

    /** Clicks the middle of the bar segment of {@code unit} in series {@code row}; returns its value. */
    private int clickBar(FxRobot robot, String unit, int row) {
        ChartViewer viewer = robot.lookup("#chartViewer").queryAs(ChartViewer.class);
        WaitForAsyncUtils.waitForFxEvents();
        CategoryItemEntity hit = null;
        for (Object o : viewer.getRenderingInfo().getEntityCollection().getEntities()) {
            if (o instanceof CategoryItemEntity e && e.getColumnKey() instanceof ChartKey k
                    && k.value() instanceof Unit u && u.name().equals(unit)
                    && e.getDataset().getRowIndex(e.getRowKey()) == row) {
                hit = e;
            }
        }
        assertNotNull(hit, unit + " has a bar");
        int value = hit.getDataset().getValue(hit.getRowKey(), hit.getColumnKey()).intValue();
        Rectangle2D b = bounds(hit);
        Point2D p = viewer.getCanvas().localToScreen(b.getMinX() + b.getWidth() / 2, b.getMinY() + b.getHeight() / 2);
        robot.clickOn(p);
        WaitForAsyncUtils.waitForFxEvents();
        return value;
    }

    private static Rectangle2D bounds(ChartEntity e) {
        java.awt.geom.Rectangle2D r = e.getArea().getBounds2D();
        return new Rectangle2D(r.getX(), r.getY(), r.getWidth(), r.getHeight());
    }

    @Test
    void clickingAUnitsBarShowsThatUnitsTasksInTheChecklist(FxRobot robot) {
        robot.clickOn("#navCharts");
        int shares = 0;
        ChartViewer viewer = robot.lookup("#chartViewer").queryAs(ChartViewer.class);
        var data = viewer.getChart().getCategoryPlot().getDataset();
        for (int r = 0; r < data.getRowCount(); r++) {
            for (int c = 0; c < data.getColumnCount(); c++) {
                if (((ChartKey) data.getColumnKey(c)).label().equals("霞浦")) {
                    shares += data.getValue(r, c).intValue();
                }
            }
        }
        clickBar(robot, "霞浦县", 1);
        assertTrue(robot.lookup("#taskTable").tryQuery().isPresent(), "the checklist is shown");
        assertEquals(shares, table(robot).getItems().size(), "as many tasks as the bar's shares");
        assertTrue(table(robot).getItems().stream().allMatch(r -> r.units().stream()
                .anyMatch(u -> u.name().equals("霞浦县"))));
        assertEquals("霞浦县", robot.lookup("#unitFilter").queryAs(ComboBox.class).getValue().toString());
        assertEquals(shares, TestDb.sqlLong(db.file(), "SELECT count(*) FROM assignment a JOIN unit u "
                + "ON u.id = a.unit_id WHERE u.name = '霞浦县'"), "and as many as the database holds");
    }

    @Test
    void clickingARedSegmentOfTheLightsChartShowsThatUnitsRedTasks(FxRobot robot) {
        robot.clickOn("#navCharts");
        robot.clickOn("#kindLights");
        int red = clickBar(robot, "蕉城区", WarningLight.RED.ordinal());
        assertTrue(red > 0);
        assertEquals(red, table(robot).getItems().size());
        assertTrue(table(robot).getItems().stream().allMatch(r -> r.lightOfUnit(unitId("蕉城区")) == WarningLight.RED));
    }

    @Test
    void copyingTheChartPutsAPictureOfTheExportSizeOnTheClipboardAndSaysSo(FxRobot robot) throws Exception {
        robot.clickOn("#navCharts");
        robot.interact(() -> Clipboard.getSystemClipboard().clear());
        robot.clickOn("#exportMenu");
        robot.clickOn(Messages.tr("charts.export.copy"));
        WaitForAsyncUtils.waitForFxEvents();

        Image copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getImage()).get();
        assertNotNull(copied, "a picture is on the clipboard");
        assertEquals(1920, copied.getWidth(), 0.5);
        assertEquals(1080, copied.getHeight(), 0.5);
        assertEquals("已复制图表图片（1920×1080），可粘贴到 Word 或演示文稿中。",
                robot.lookup("#copyNotice").queryAs(Label.class).getText());

        robot.clickOn("#kindLights");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", robot.lookup("#copyNotice").queryAs(Label.class).getText(), "the notice goes with its chart");
    }

    private long unitId(String name) {
        return TestDb.sqlLong(db.file(), "SELECT id FROM unit WHERE name = '" + name + "'");
    }
}
