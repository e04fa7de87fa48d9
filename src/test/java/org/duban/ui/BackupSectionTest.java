package org.duban.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.duban.model.Backup;
import org.duban.model.BackupReason;
import org.duban.persistence.Database;
import org.duban.service.tasks.TaskService;
import org.duban.testing.FxStages;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.duban.ui.common.TaskRunner;
import org.duban.ui.settings.SettingsView;
import org.duban.ui.settings.backup.BackupSection;
import org.duban.ui.settings.backup.BackupSectionViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Settings → 数据备份 on a real ledger with a daily backup, driven by id. */
@ExtendWith(ApplicationExtension.class)
class BackupSectionTest {
    private Database db;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private int restoredCallbacks;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("duban-backup-ui");
        db = TestDb.withSample(dir);
        Wired.of(db).backups().dailyIfDue();
        BackupSectionViewModel vm = new BackupSectionViewModel(Wired.of(db).backups(), false, TaskRunner.direct(),
                dialogs, () -> restoredCallbacks++);
        FxStages.show(stage, new SettingsView(java.util.List.of(new BackupSection(vm))).root(), 1100, 700);
    }

    @AfterEach
    void closeDb() {
        db.close();
    }

    @SuppressWarnings("unchecked")
    private TableView<Backup> table(FxRobot robot) {
        return robot.lookup("#backupTable").queryAs(TableView.class);
    }

    @Test
    void listsTheDailyBackupAndTheFolder(FxRobot robot) {
        assertEquals(1, table(robot).getItems().size());
        assertEquals(BackupReason.DAILY, table(robot).getItems().get(0).reason());
        String folder = robot.lookup("#backupFolderLabel").queryAs(Label.class).getText();
        assertTrue(folder.contains(db.file().resolveSibling("backups").toString()), folder);
    }

    @Test
    void backUpNowAddsAManualBackupToTheList(FxRobot robot) {
        robot.clickOn("#backupNowButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, table(robot).getItems().size());
        assertEquals(BackupReason.MANUAL, table(robot).getItems().get(0).reason());
        String status = robot.lookup("#backupStatusLabel").queryAs(Label.class).getText();
        assertTrue(status.startsWith("已备份"), status);
        // the record of the backup names the audit head the copy holds (issue 23)
        org.duban.persistence.AuditChain.Head head = org.duban.persistence.AuditChain.head(db);
        assertTrue(status.contains("留痕校验 " + head.shortHash() + " / 第 " + head.row() + " 条"), status);
    }

    @Test
    void restoringTheSelectedBackupAsksFirstThenBringsBackADeletedTask(FxRobot robot) {
        TaskService tasks = Wired.of(db).tasks();
        long before = tasks.checklist(1).size();
        tasks.delete(tasks.checklist(1).get(0).task().id());

        robot.interact(() -> table(robot).getSelectionModel().select(0));
        dialogs.answer = false;
        robot.clickOn("#restoreBackupButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, dialogs.confirmations.size());
        assertTrue(dialogs.confirmations.get(0).contains("每日自动备份"), dialogs.confirmations.get(0));
        assertEquals(before - 1, tasks.checklist(1).size(), "declined: nothing restored");

        dialogs.answer = true;
        robot.interact(() -> table(robot).getSelectionModel().select(0));
        robot.clickOn("#restoreBackupButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, tasks.checklist(1).size());
        assertEquals(1, restoredCallbacks, "the other screens are told to reload");
        assertTrue(table(robot).getItems().stream().anyMatch(b -> b.reason() == BackupReason.RESTORE),
                "the replaced ledger is listed");
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }
}
