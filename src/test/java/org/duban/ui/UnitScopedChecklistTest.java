package org.duban.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.duban.model.TaskStatus;
import org.duban.model.Unit;
import org.duban.model.WarningLight;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Filtered by a unit, the checklist shows that unit's share of each task: its light, status and latest report, and
 * says so ("按 霞浦县 的分解任务显示"); without the unit filter, the whole task as before.
 */
@ExtendWith(ApplicationExtension.class)
class UnitScopedChecklistTest {
    private Database db;
    private TaskListViewModel vm;
    private TaskListView view;
    private final RecordingDialogs dialogs = new RecordingDialogs();

    @Start
    void start(Stage stage) throws Exception {
        db = TestDb.withSample(Files.createTempDirectory("duban-scope"));
        AuditLog audit = Wired.audit(db, new TestClock(LocalDate.of(2026, 11, 29)));
        vm = new TaskListViewModel(Wired.of(audit).tasks(), Wired.of(audit).meetings(), TaskRunner.direct(),
                new RecordingDialogs());
        view = new TaskListView(vm, org.duban.ui.tasks.detail.DetailServices.of(Wired.of(audit), TaskRunner.direct(),
                dialogs));
        vm.load();
        FxStages.show(stage, (javafx.scene.Parent) view.root(), 1280, 768);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @SuppressWarnings("unchecked")
    private static TableView<ChecklistRow> table(FxRobot robot) {
        return robot.lookup("#taskTable").queryAs(TableView.class);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cell(FxRobot robot, String columnId, ChecklistRow row) {
        TableColumn<ChecklistRow, ?> c = table(robot).getColumns().stream().filter(x -> columnId.equals(x.getId()))
                .findFirst().orElseThrow();
        return (T) c.getCellData(row);
    }

    private Unit unit(String name) {
        return vm.units().stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aTaskOpenedFromTheUnitsViewShowsThatUnitsShareItsReportsAndMilestones(FxRobot robot) {
        Unit xiapu = unit("霞浦县");
        robot.interact(() -> vm.unitFilterProperty().set(xiapu));
        WaitForAsyncUtils.waitForFxEvents();
        // a task 霞浦县 shares with a unit named before it: the whole task's detail would open at that other unit
        int at = -1;
        for (int i = 0; i < table(robot).getItems().size() && at < 0; i++) {
            ChecklistRow r = table(robot).getItems().get(i);
            if (r.units().size() > 1 && r.units().get(0).id() != xiapu.id()) {
                at = i;
            }
        }
        assertTrue(at >= 0, "the sample has a task 霞浦县 shares, not as its first unit");
        int row = at;
        robot.interact(() -> {
            table(robot).getSelectionModel().select(row);
            table(robot).requestFocus();
        });
        robot.type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        var detail = view.openDetail();
        assertTrue(detail != null && detail.detailProperty().get() != null, "the detail opened: " + detail + " "
                + dialogs.errors);
        var chosen = detail.selectedProperty().get();
        assertEquals(xiapu.id(), chosen.unitId(), "the detail opens at 霞浦县's share");
        assertEquals(detail.detailProperty().get().reportsOf(chosen.assignmentId()), List.copyOf(detail.reports()));
        assertEquals(detail.detailProperty().get().milestonesOf(chosen.assignmentId()),
                List.copyOf(detail.milestones()), "its milestones, not another unit's");
    }

    @Test
    void aUnitFilterShowsThatUnitsLightStatusAndLatestReport(FxRobot robot) {
        Label scope = robot.lookup("#unitScopeLabel").queryAs(Label.class);
        assertFalse(scope.isVisible(), "no unit chosen: no scope line");
        Unit xiapu = unit("霞浦县");
        robot.interact(() -> vm.unitFilterProperty().set(xiapu));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(scope.isVisible());
        assertEquals("按 霞浦县 的分解任务显示", scope.getText());

        List<ChecklistRow> rows = List.copyOf(table(robot).getItems());
        assertTrue(rows.size() > 5, "霞浦县 has tasks in the sample: " + rows.size());
        boolean differs = false;
        for (ChecklistRow r : rows) {
            WarningLight light = cell(robot, "lightColumn", r);
            TaskStatus status = cell(robot, "statusColumn", r);
            String latest = cell(robot, "latestColumn", r);
            assertEquals(r.lightOfUnit(xiapu.id()), light, "序号 " + r.task().seq());
            assertEquals(r.statusOfUnit(xiapu.id()), status, "序号 " + r.task().seq());
            assertTrue(latest.contains(" 霞浦 ") || latest.equals("尚无进展报告"),
                    "序号 " + r.task().seq() + " shows 霞浦's report, not another unit's: " + latest);
            differs |= r.light() != light || r.status() != status;
        }
        assertTrue(differs, "some task's whole light or status differs from 霞浦县's share (else this proves nothing)");

        robot.interact(() -> vm.lightFilterProperty().set(WarningLight.YELLOW));
        WaitForAsyncUtils.waitForFxEvents();
        for (ChecklistRow r : table(robot).getItems()) {
            assertEquals(WarningLight.YELLOW, cell(robot, "lightColumn", r), "黄灯 filter: every shown light is 黄灯");
        }

        robot.interact(() -> {
            vm.lightFilterProperty().set(null);
            vm.unitFilterProperty().set(null);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(scope.isVisible());
        ChecklistRow first = table(robot).getItems().get(0);
        assertEquals(first.light(), cell(robot, "lightColumn", first), "no unit: the task's own light");
    }
}
