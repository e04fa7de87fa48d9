package org.duban.ui.settings.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.duban.model.BackupReason;
import org.duban.persistence.Database;
import org.duban.service.Services;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestDb;
import org.duban.ui.common.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings → 数据备份 without a window: the list, the number kept, and what a restore is refused for. */
class BackupSectionViewModelTest {
    @TempDir
    Path dir;
    private Database db;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private int restored;

    @BeforeEach
    void open() {
        db = TestDb.withRoster(dir);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private BackupSectionViewModel vm(boolean readOnly) {
        BackupSectionViewModel vm = new BackupSectionViewModel(Services.over(db).backups(), readOnly, TaskRunner.direct(),
                dialogs, () -> restored++);
        vm.load();
        return vm;
    }

    @Test
    void backingUpNowListsTheCopyNewestFirstAndSaysWhere() {
        BackupSectionViewModel vm = vm(false);
        assertTrue(vm.backups().isEmpty());
        assertEquals(30, vm.keepProperty().get());
        assertTrue(vm.folderTextProperty().get().startsWith("备份文件夹："), vm.folderTextProperty().get());

        vm.backupNow();

        assertEquals(1, vm.backups().size());
        assertEquals(BackupReason.MANUAL, vm.backups().get(0).reason());
        assertTrue(vm.statusProperty().get().startsWith("已备份：" + vm.backups().get(0).file().getFileName()),
                vm.statusProperty().get());
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void keepingFewerDeletesTheOldestAtOnceAndANumberOutOfRangeIsRefused() {
        BackupSectionViewModel vm = vm(false);
        for (int i = 0; i < 3; i++) {
            vm.backupNow();
        }
        assertEquals(3, vm.backups().size());
        vm.changeKeep(2);
        assertEquals(2, vm.keepProperty().get());
        assertEquals(2, vm.backups().size());
        assertEquals(2, Services.over(db).backups().keep());

        vm.changeKeep(0);
        assertEquals(List.of("保留的备份份数须在 1 到 999 之间。"), dialogs.errors);
        assertEquals(2, Services.over(db).backups().keep());
        assertFalse(vm.busyProperty().get(), "never left greyed out");
    }

    @Test
    void aReadOnlyLedgerIsNotRestoredAndNothingIsAsked() {
        BackupSectionViewModel vm = vm(true);
        vm.backupNow();
        String before = TestDb.contentDigest(db.file());
        vm.restore(vm.backups().get(0));
        assertEquals(List.of("台账以只读方式打开，不能恢复。请在正在使用它的窗口中操作。"), dialogs.errors);
        assertTrue(dialogs.confirmations.isEmpty());
        assertEquals(before, TestDb.contentDigest(db.file()));
        vm.changeKeep(5);
        assertEquals(30, Services.over(db).backups().keep(), "read-only: the number kept is not written either");
    }

    @Test
    void restoringAfterTheQuestionTellsTheOtherScreensAndListsTheReplacedLedger() {
        BackupSectionViewModel vm = vm(false);
        vm.backupNow();
        dialogs.answer = false;
        vm.restore(vm.backups().get(0));
        assertEquals(0, restored, "declined: nothing restored");
        assertTrue(dialogs.destructive.get(0).startsWith("确定用 "), dialogs.destructive.get(0));

        dialogs.answer = true;
        vm.restore(vm.backups().get(0));
        assertEquals(1, restored);
        assertTrue(vm.backups().stream().anyMatch(b -> b.reason() == BackupReason.RESTORE));
        assertTrue(vm.statusProperty().get().startsWith("已从 "), vm.statusProperty().get());
        assertEquals(List.of(), dialogs.errors);
    }

    @Test
    void theLedgerItselfIsRefusedAsItsOwnBackup() {
        BackupSectionViewModel vm = vm(false);
        String before = TestDb.contentDigest(db.file());
        vm.restoreFile(db.file());
        assertEquals(List.of("不能用当前数据库 " + db.file() + " 恢复它自己。请选择 backups 文件夹中的备份文件。"),
                dialogs.errors);
        assertEquals(before, TestDb.contentDigest(db.file()));
        assertEquals(0, restored);
    }
}
