package org.duban.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.duban.model.AuditEntry;
import org.duban.model.ProgressReport;
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
import org.duban.ui.tasks.detail.DetailServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The checklist's lights and the task detail view, on the real sample database at its "today", driven by id. */
@ExtendWith(ApplicationExtension.class)
class TaskDetailViewTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    private Database db;
    private Path dir;
    private final TestClock clock = new TestClock(TODAY);
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private TaskListView view;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("duban-detail");
        db = TestDb.withSample(dir);
        AuditLog audit = Wired.audit(db, clock);
        audit.setOperator("督办科 王敏");
        TaskRunner runner = TaskRunner.direct();
        TaskListViewModel vm = new TaskListViewModel(Wired.of(audit).tasks(), Wired.of(db).meetings(), runner, dialogs);
        view = new TaskListView(vm, DetailServices.of(Wired.of(audit), runner, dialogs));
        vm.load();
        FxStages.show(stage, view.root(), 1280, 800);
    }

    @AfterEach
    void closeDb() {
        db.close();
    }

    @SuppressWarnings("unchecked")
    private <T> TableView<T> table(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TableView.class);
    }

    /** Selects the task with this 序号 and presses Enter. */
    private void open(FxRobot robot, int seq) {
        TableView<ChecklistRow> t = table(robot, "#taskTable");
        robot.interact(() -> {
            for (ChecklistRow r : t.getItems()) {
                if (r.task().seq() == seq) {
                    t.getSelectionModel().select(r);
                }
            }
            t.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#taskDetailView").tryQuery().isPresent(), "Enter opens the detail view");
    }

    private void chooseUnit(FxRobot robot, long unitId) {
        robot.clickOn("#unit-" + unitId);
    }

    /**
     * Opens the close-out tab of the first share (by 序号) that {@code fromWhere} (with {@code a} the assignment
     * and {@code t} its task) finds; returns its assignment id.
     */
    private long openCloseOutTab(FxRobot robot, String fromWhere) {
        String[] p = TestDb.sqlString(db.file(), "SELECT t.seq || '|' || a.unit_id || '|' || a.id " + fromWhere
                + " ORDER BY t.seq, a.id LIMIT 1").split("\\|");
        open(robot, Integer.parseInt(p[0]));
        chooseUnit(robot, Long.parseLong(p[1]));
        robot.clickOn("#closeOutTab");
        return Long.parseLong(p[2]);
    }

    @Test
    void theChecklistShowsEachTasksLightAsColourAndWord(FxRobot robot) {
        TableView<ChecklistRow> t = table(robot, "#taskTable");
        assertTrue(t.getItems().stream().map(ChecklistRow::light).distinct().count() == 3, "red, yellow and green");
        var cells = robot.lookup("#lightColumn").lookup(".light-badge").queryAllAs(javafx.scene.control.Labeled.class);
        assertFalse(cells.isEmpty());
        for (var cell : cells) {
            assertTrue(List.of("红灯", "黄灯", "绿灯").contains(cell.getText()), "the word, not only the colour");
            assertTrue(cell.getGraphic().getStyleClass().stream().anyMatch(s -> s.startsWith("light-")), "and the colour");
        }
    }

    @Test
    void filtersByLightAndByOnlySupervised(FxRobot robot) {
        TableView<ChecklistRow> t = table(robot, "#taskTable");
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<org.duban.ui.common.Choice<WarningLight>> light =
                robot.lookup("#lightFilter").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> light.getItems().stream().filter(c -> c.value() == WarningLight.RED).findFirst()
                .ifPresent(light::setValue));
        assertFalse(t.getItems().isEmpty());
        assertTrue(t.getItems().stream().allMatch(r -> r.light() == WarningLight.RED));
        robot.clickOn("#clearFiltersButton");
        robot.clickOn("#supervisedOnlyCheck");
        assertTrue(robot.lookup("#supervisedOnlyCheck").queryAs(CheckBox.class).isSelected());
        long supervised = TestDb.sqlLong(db.file(), "SELECT count(*) FROM supervision");
        assertEquals(supervised, t.getItems().size());
        assertTrue(t.getItems().stream().allMatch(r -> r.task().remarks().contains("挂牌督办")));
    }

    @Test
    void aReportTakesAFewKeystrokesFromTheDetailView(FxRobot robot) {
        open(robot, 3);
        robot.clickOn("#progressTab");
        long before = TestDb.sqlLong(db.file(), "SELECT count(*) FROM progress_report");
        robot.clickOn("#percentField").write("65");
        robot.type(KeyCode.TAB);
        robot.write("Pipe survey done");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(before + 1, TestDb.sqlLong(db.file(), "SELECT count(*) FROM progress_report"));
        assertEquals("2026-11-29|65|Pipe survey done", TestDb.sqlString(db.file(),
                "SELECT reported_on || '|' || percent || '|' || text FROM progress_report ORDER BY id DESC LIMIT 1"));
        ProgressReport first = this.<ProgressReport>table(robot, "#reportTable").getItems().get(0);
        assertEquals(65, first.percent(), "the new report heads the history");
        TextField percent = robot.lookup("#percentField").queryAs(TextField.class);
        assertEquals("", percent.getText());
        assertTrue(percent.isFocused(), "ready for the next report");
    }

    @Test
    void aWrongPercentIsShownAtTheFormAndSavesNothing(FxRobot robot) {
        open(robot, 3);
        robot.clickOn("#progressTab");
        long before = TestDb.sqlLong(db.file(), "SELECT count(*) FROM progress_report");
        robot.clickOn("#percentField").write("120");
        robot.type(KeyCode.TAB);
        robot.write("x");
        robot.type(KeyCode.ENTER);
        Label error = robot.lookup("#reportError").queryAs(Label.class);
        assertTrue(error.isVisible());
        assertTrue(error.getText().contains("120"), error.getText());
        assertEquals(before, TestDb.sqlLong(db.file(), "SELECT count(*) FROM progress_report"));
        assertEquals("120", robot.lookup("#percentField").queryAs(TextField.class).getText(), "nothing typed is lost");
    }

    @Test
    void aCloseOutRunsToTheEndAndTheHistoryShowsEachStep(FxRobot robot) throws Exception {
        long assignment = openCloseOutTab(robot, "FROM assignment a JOIN task t ON t.id = a.task_id "
                + "WHERE NOT EXISTS (SELECT 1 FROM close_out c WHERE c.assignment_id = a.id) "
                + "AND t.deadline NOT LIKE '%长期%'");

        Path photo = dir.resolve("整改后照片.jpg");
        Files.write(photo, new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3});
        dialogs.filesToOpen = List.of(photo);
        robot.clickOn("#applyFilesButton");
        robot.clickOn("#explanationField").write("All measures done");
        robot.clickOn("#closeOutSubmitButton");
        assertEquals(1, TestDb.sqlLong(db.file(), "SELECT count(*) FROM close_out WHERE assignment_id = " + assignment));
        assertEquals(1, TestDb.sqlLong(db.file(), "SELECT count(*) FROM evidence WHERE file_name = '整改后照片.jpg' "
                + "AND close_out_id IS NOT NULL"));

        robot.clickOn("#verifiersField").write("City team");
        robot.clickOn("#closeOutSubmitButton");
        assertEquals("CITY|1", TestDb.sqlString(db.file(), "SELECT coalesce(verification_level, 'COUNTY') || '|' || "
                + "verification_passed FROM close_out WHERE assignment_id = " + assignment).replace("COUNTY", "CITY"));

        robot.clickOn("#closeOutSubmitButton"); // 公示 from today, default length
        assertEquals("2026-12-05", TestDb.sqlString(db.file(),
                "SELECT notice_to FROM close_out WHERE assignment_id = " + assignment));

        robot.clickOn("#closeOutSubmitButton"); // too early: 公示 runs until 12-05
        Label error = robot.lookup("#closeOutError").queryAs(Label.class);
        assertTrue(error.getText().contains("公示期满"), error.getText());
        assertNull(TestDb.sqlString(db.file(), "SELECT closed_on FROM close_out WHERE assignment_id = " + assignment));

        clock.setDay(LocalDate.of(2026, 12, 6));
        robot.interact(() -> robot.lookup("#closeOutDatePicker").queryAs(DatePicker.class)
                .setValue(LocalDate.of(2026, 12, 6)));
        robot.clickOn("#closeOutSubmitButton");
        assertEquals("2026-12-06", TestDb.sqlString(db.file(),
                "SELECT closed_on FROM close_out WHERE assignment_id = " + assignment));
        assertEquals("CLOSED", TestDb.sqlString(db.file(), "SELECT status FROM assignment WHERE id = " + assignment));
        assertEquals("已销号", robot.lookup("#closeOutStage").queryAs(Label.class).getText());
        assertEquals("重新打开", robot.lookup("#closeOutSubmitButton").queryAs(Button.class).getText(),
                "the next step offered is reopening");

        robot.clickOn("#historyTab");
        TableView<AuditEntry> history = table(robot, "#historyTable");
        AuditEntry newest = history.getItems().get(0);
        assertEquals("督办科 王敏", newest.operator());
        assertTrue(history.getItems().stream().anyMatch(e -> "closedOn".equals(e.field())
                && "2026-12-06".equals(e.newValue())), "the close is in the history");
        assertTrue(history.getItems().stream().anyMatch(e -> "verificationResult".equals(e.field())));
        assertTrue(history.getItems().stream().anyMatch(e -> "status".equals(e.field()) && "CLOSED".equals(e.newValue())));
        assertNotNull(robot.lookup("#historyTable").lookup(".table-row-cell").query());
    }

    @Test
    void aDeletedEvidenceFileLeavesTheListAndTheLastOfAClosedShareIsKept(FxRobot robot) {
        long assignment = openCloseOutTab(robot, "FROM close_out c JOIN assignment a ON a.id = c.assignment_id "
                + "JOIN task t ON t.id = a.task_id WHERE c.closed_on IS NOT NULL AND c.reopened_on IS NULL "
                + "AND (SELECT count(*) FROM evidence e WHERE e.assignment_id = a.id) = 2");
        TableView<org.duban.model.Evidence> files = table(robot, "#evidenceTable");
        assertEquals(2, files.getItems().size());

        robot.interact(() -> files.getSelectionModel().select(0));
        robot.clickOn("#deleteEvidenceButton");
        assertEquals(1, files.getItems().size(), "the deleted file leaves the list");
        assertEquals(1, TestDb.sqlLong(db.file(), "SELECT count(*) FROM evidence WHERE assignment_id = " + assignment));

        robot.interact(() -> files.getSelectionModel().select(0));
        robot.clickOn("#deleteEvidenceButton");
        Label error = robot.lookup("#closeOutError").queryAs(Label.class);
        assertTrue(error.getText().contains("已销号任务仅有的佐证材料"), error.getText());
        assertEquals(1, files.getItems().size());
        assertEquals(1, TestDb.sqlLong(db.file(), "SELECT count(*) FROM evidence WHERE assignment_id = " + assignment));
    }

    @Test
    void escapeReturnsToTheChecklistWithTheTaskSelected(FxRobot robot) {
        open(robot, 9);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#taskDetailView").tryQuery().isEmpty());
        TableView<ChecklistRow> t = table(robot, "#taskTable");
        assertEquals(9, t.getSelectionModel().getSelectedItem().task().seq());
    }

    @Test
    void theEditButtonStillOpensTheForm(FxRobot robot) {
        robot.interact(() -> table(robot, "#taskTable").getSelectionModel().select(0));
        robot.clickOn("#editTaskButton");
        assertTrue(robot.lookup("#problemField").tryQuery().isPresent());
    }

    @Test
    void aWithdrawnShareIsShownGreyedWithItsRecordsAndCanBeRestored(FxRobot robot) {
        long taskId = TestDb.sqlLong(db.file(), "SELECT id FROM task WHERE seq = 1");
        long fuan = TestDb.sqlLong(db.file(), "SELECT id FROM unit WHERE name = '福安市'");
        long share = TestDb.sqlLong(db.file(), "SELECT id FROM assignment WHERE task_id = " + taskId
                + " AND unit_id = " + fuan);
        long reports = TestDb.sqlLong(db.file(), "SELECT count(*) FROM progress_report WHERE assignment_id = " + share);
        // 福安市 taken off task 1 (as a revised list would)
        Wired.over(db, clock).tasks().update(taskId, new org.duban.service.tasks.TaskInput("1",
                "中央生态环境保护督察", "海洋", TestDb.sqlString(db.file(), "SELECT problem FROM task WHERE id = " + taskId),
                "", "", "蕉城区、霞浦县", "", "", "2026年6月底前", "挂牌督办"));
        open(robot, 1);

        javafx.scene.control.ToggleButton toggle = robot.lookup("#unit-" + fuan)
                .queryAs(javafx.scene.control.ToggleButton.class);
        assertEquals("福安市（已撤出）", toggle.getText());
        assertTrue(toggle.getStyleClass().contains("withdrawn"));
        robot.clickOn(toggle);
        robot.clickOn("#progressTab");
        assertEquals(reports, table(robot, "#reportTable").getItems().size(), "its reports are there to read");
        robot.clickOn("#basicTab");
        assertTrue(robot.lookup("#withdrawnNote").queryAs(javafx.scene.control.Label.class).getText()
                .contains("不计入"));
        robot.clickOn("#restoreShareButton");

        assertEquals(0, TestDb.sqlLong(db.file(), "SELECT count(*) FROM assignment WHERE id = " + share
                + " AND withdrawn_on IS NOT NULL"));
        javafx.scene.control.ToggleButton back = robot.lookup("#unit-" + fuan)
                .queryAs(javafx.scene.control.ToggleButton.class);
        assertEquals("福安市", back.getText());
        assertFalse(back.getStyleClass().contains("withdrawn"));
    }
}
