package org.duban.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.LocalDate;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.duban.model.InspectionFinding;
import org.duban.persistence.Database;
import org.duban.service.audit.AuditLog;
import org.duban.testing.FxStages;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.duban.ui.common.TaskRunner;
import org.duban.ui.inspections.InspectionsView;
import org.duban.ui.inspections.InspectionsViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The 下沉督察 screen on the sample database: a finding becomes a task. */
@ExtendWith(ApplicationExtension.class)
class InspectionsViewTest {
    private Database db;
    private final RecordingDialogs dialogs = new RecordingDialogs();

    @Start
    void start(Stage stage) throws Exception {
        db = TestDb.withSample(Files.createTempDirectory("duban-insp"));
        AuditLog audit = Wired.audit(db, new TestClock(LocalDate.of(2026, 11, 29)));
        InspectionsViewModel vm = new InspectionsViewModel(Wired.of(audit).inspections(), Wired.of(db).meetings(),
                TaskRunner.direct(), dialogs);
        InspectionsView view = new InspectionsView(vm);
        vm.load();
        FxStages.show(stage, view.root(), 1280, 800);
    }

    @AfterEach
    void closeDb() {
        db.close();
    }

    @Test
    void anOpenFindingBecomesATaskWithTheDeadlineTyped(FxRobot robot) {
        @SuppressWarnings("unchecked")
        TableView<InspectionFinding> findings = robot.lookup("#findingTable").queryAs(TableView.class);
        long tasks = TestDb.sqlLong(db.file(), "SELECT count(*) FROM task");
        robot.interact(() -> findings.getItems().stream().filter(f -> f.taskId() == null).findFirst()
                .ifPresent(f -> findings.getSelectionModel().select(f)));
        robot.clickOn("#findingDeadlineField").write("2026-12-31");
        robot.clickOn("#findingToTaskButton");

        assertEquals(tasks + 1, TestDb.sqlLong(db.file(), "SELECT count(*) FROM task"));
        assertEquals("下沉督察|2026-12-31|2026-11-29", TestDb.sqlString(db.file(),
                "SELECT source || '|' || deadline || '|' || issued_on FROM task ORDER BY id DESC LIMIT 1"));
        assertEquals(1, dialogs.infos.size());
        assertTrue(findings.getItems().stream().allMatch(f -> f.taskId() != null), "the finding shows its task now");
    }

    @Test
    void aFindingWithoutADeadlineIsRefusedAtTheForm(FxRobot robot) {
        @SuppressWarnings("unchecked")
        TableView<InspectionFinding> findings = robot.lookup("#findingTable").queryAs(TableView.class);
        long tasks = TestDb.sqlLong(db.file(), "SELECT count(*) FROM task");
        robot.interact(() -> findings.getItems().stream().filter(f -> f.taskId() == null).findFirst()
                .ifPresent(f -> findings.getSelectionModel().select(f)));
        robot.clickOn("#findingToTaskButton");
        Label error = robot.lookup("#findingError").queryAs(Label.class);
        assertTrue(error.getText().contains("完成时限"), error.getText());
        assertEquals(tasks, TestDb.sqlLong(db.file(), "SELECT count(*) FROM task"));
    }
}
