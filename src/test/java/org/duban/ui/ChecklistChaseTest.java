package org.duban.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
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

/**
 * 催办 from the checklist selection on the sample as of 2026-11-29: a 催办单 about the selected task to each of its
 * units with an open share (numbered, PDF and .docx), nothing without a selection, and a task with every share
 * completed refused with a message.
 */
@ExtendWith(ApplicationExtension.class)
class ChecklistChaseTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    private Database db;
    private Path dir;
    private final RecordingDialogs dialogs = new RecordingDialogs();

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("duban-checklist-chase");
        db = TestDb.withSample(dir);
        AuditLog audit = Wired.audit(db, new TestClock(TODAY));
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

    private void select(FxRobot robot, long taskId) {
        @SuppressWarnings("unchecked")
        TableView<ChecklistRow> t = robot.lookup("#taskTable").queryAs(TableView.class);
        robot.interact(() -> t.getItems().stream().filter(r -> r.task().id() == taskId).findFirst()
                .ifPresent(r -> t.getSelectionModel().select(r)));
    }

    private void chase(FxRobot robot) {
        MenuButton b = robot.lookup("#chaseSelectedButton").queryAs(MenuButton.class);
        MenuItem item = b.getItems().stream().filter(i -> "chaseSelectedChase".equals(i.getId())).findFirst().orElseThrow();
        robot.interact(item::fire);
    }

    @Test
    void theSelectedTasksOpenUnitsGetA催办单Each(FxRobot robot) throws Exception {
        assertTrue(robot.lookup("#chaseSelectedButton").queryAs(MenuButton.class).isDisabled(), "nothing selected");
        // a task with two or more open shares
        long task = TestDb.sqlLong(db.file(), "SELECT task_id FROM assignment WHERE withdrawn_on IS NULL"
                + " GROUP BY task_id HAVING sum(status IN ('NOT_STARTED', 'BEHIND_SCHEDULE', 'ON_SCHEDULE')) >= 2"
                + " ORDER BY task_id LIMIT 1");
        long open = TestDb.sqlLong(db.file(), "SELECT count(*) FROM assignment WHERE task_id = " + task
                + " AND withdrawn_on IS NULL AND status IN ('NOT_STARTED', 'BEHIND_SCHEDULE', 'ON_SCHEDULE')");
        select(robot, task);
        Path out = dir.resolve("out");
        dialogs.folderToChoose = out;
        chase(robot);
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        assertEquals(open, TestDb.sqlLong(db.file(), "SELECT count(*) FROM notice"));
        assertEquals(open, TestDb.sqlLong(db.file(), "SELECT count(*) FROM notice_share WHERE task_id = " + task));
        try (var files = Files.list(out)) {
            assertEquals(2 * open + 1, files.count(), "PDF and .docx per unit, and the combined PDF");
        }
        assertTrue(dialogs.infos.get(dialogs.infos.size() - 1).contains("督催〔2026〕1号"), dialogs.infos.toString());
    }

    @Test
    void aTaskWithEveryShareCompletedIsRefused(FxRobot robot) {
        long task = TestDb.sqlLong(db.file(), "SELECT task_id FROM assignment WHERE withdrawn_on IS NULL GROUP BY task_id"
                + " HAVING sum(status IN ('NOT_STARTED', 'BEHIND_SCHEDULE', 'ON_SCHEDULE')) = 0 ORDER BY task_id LIMIT 1");
        select(robot, task);
        dialogs.folderToChoose = dir.resolve("none");
        chase(robot);
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).contains("没有未完成的分工"), dialogs.errors.get(0));
        assertEquals(0, TestDb.sqlLong(db.file(), "SELECT count(*) FROM notice"));
    }
}
