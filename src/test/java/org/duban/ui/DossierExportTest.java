package org.duban.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.control.TableView;
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

/** Issue 23: 导出案卷… in the task detail writes the dossier PDF and the evidence folder where the user chose. */
@ExtendWith(ApplicationExtension.class)
class DossierExportTest {
    private Database db;
    private Path dir;
    private final RecordingDialogs dialogs = new RecordingDialogs();

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("duban-dossier-ui");
        db = TestDb.withSample(dir);
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

    private void open(FxRobot robot, long seq) {
        @SuppressWarnings("unchecked")
        TableView<ChecklistRow> t = robot.lookup("#taskTable").queryAs(TableView.class);
        robot.interact(() -> {
            t.getItems().stream().filter(r -> r.task().seq() == seq).findFirst()
                    .ifPresent(r -> t.getSelectionModel().select(r));
            t.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<Path> files(Path folder) throws Exception {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void exportsAllUnitsOfATaskWithEvidenceIntoTheChosenFolder(FxRobot robot) throws Exception {
        // a task of the first meeting with evidence
        String[] p = TestDb.sqlString(db.file(), "SELECT t.seq || '|' || count(e.id) FROM evidence e JOIN assignment a "
                + "ON a.id = e.assignment_id JOIN task t ON t.id = a.task_id WHERE t.meeting_id = "
                + "(SELECT min(id) FROM meeting) GROUP BY t.id ORDER BY t.seq LIMIT 1").split("\\|");
        open(robot, Long.parseLong(p[0]));
        Path out = Files.createTempDirectory(dir, "out");
        dialogs.folderToChoose = out;
        dialogs.choiceToPick = "全部责任单位";
        robot.clickOn("#dossierButton");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of(), dialogs.errors);
        List<Path> written = files(out);
        List<Path> pdfs = written.stream().filter(f -> f.toString().endsWith(".pdf")
                && !f.getParent().getFileName().toString().equals("佐证材料")).toList();
        assertEquals(1, pdfs.size(), written.toString());
        assertTrue(Files.size(pdfs.get(0)) > 1000, "a real PDF");
        Path evidence = pdfs.get(0).getParent().resolve("佐证材料");
        assertTrue(Files.isDirectory(evidence));
        assertEquals(Long.parseLong(p[1]), files(evidence).size(), "every evidence file of the task");
        assertEquals(1, dialogs.infos.size());
        assertTrue(dialogs.infos.get(0).contains(pdfs.get(0).getParent().toString()), dialogs.infos.get(0));
    }

    @Test
    void cancellingTheFolderWritesNothing(FxRobot robot) throws Exception {
        open(robot, 1);
        dialogs.folderToChoose = null;
        dialogs.choiceToPick = "全部责任单位";
        robot.clickOn("#dossierButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), dialogs.infos);
        assertEquals(List.of(), dialogs.errors);
    }
}
