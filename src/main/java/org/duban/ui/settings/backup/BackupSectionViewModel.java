package org.duban.ui.settings.backup;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.duban.i18n.Messages;
import org.duban.model.Backup;
import org.duban.model.BackupReason;
import org.duban.service.backup.BackupService;
import org.duban.service.backup.OtherLedgerException;
import org.duban.ui.common.DialogService;
import org.duban.ui.common.TaskRunner;

/**
 * State of the backup settings: the ledger's backups, how many to keep, and the actions back up now and
 * restore (asked first). Disk work runs through the {@link TaskRunner}.
 */
public final class BackupSectionViewModel {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final BackupService service;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final Runnable afterRestore;
    private final boolean readOnly;

    private final ObservableList<Backup> backups = FXCollections.observableArrayList();
    private final IntegerProperty keep = new SimpleIntegerProperty(BackupService.DEFAULT_KEEP);
    private final StringProperty folderText = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    /**
     * @param readOnly     the ledger is open read-only: backups can be taken, nothing can be restored
     * @param afterRestore runs on the FX thread after a restore (other screens reload their data)
     */
    public BackupSectionViewModel(BackupService service, boolean readOnly, TaskRunner runner, DialogService dialogs,
                                  Runnable afterRestore) {
        this.service = service;
        this.readOnly = readOnly;
        this.runner = runner;
        this.dialogs = dialogs;
        this.afterRestore = afterRestore;
        folderText.set(Messages.tr("settings.backup.folder", service.folder()));
    }

    private record Snapshot(List<Backup> backups, int keep) {
    }

    public void load() {
        busy.set(true);
        runner.run(() -> new Snapshot(service.list(), service.keep()), snap -> {
            backups.setAll(snap.backups());
            keep.set(snap.keep());
            busy.set(false);
        }, this::failed);
    }

    public void backupNow() {
        busy.set(true);
        record Taken(Backup backup, String head) {
        }
        runner.run(() -> {
            Backup b = service.backupBefore(BackupReason.MANUAL);
            // the copy's audit head, to be written down with it (a copy rebuilt later no longer has it)
            return new Taken(b, service.headLabelOf(b.file()));
        }, t -> {
            status.set(Messages.tr("settings.backup.done", t.backup().file().getFileName(), t.head()));
            load();
        }, this::failed);
    }

    /** Stores a new number of backups to keep (older ones are deleted at once). */
    public void changeKeep(int n) {
        if (n == keep.get() || readOnly) {
            return;
        }
        busy.set(true);
        runner.run(() -> {
            service.setKeep(n);
            return n;
        }, saved -> load(), this::failed);
    }

    /** Asks, then replaces the ledger with a backup from the list. */
    public void restore(Backup backup) {
        String when = TIME.format(backup.takenAt());
        restore(backup.file(), Messages.tr("settings.backup.restore.confirm", when,
                Messages.tr("backup.reason." + backup.reason().name())));
    }

    /** Asks, then replaces the ledger with a backup file the user picked. */
    public void restoreFile(Path file) {
        restore(file, Messages.tr("settings.backup.restoreFile.confirm", file));
    }

    private void restore(Path file, String question) {
        if (readOnly) {
            dialogs.showError(Messages.tr("error.title"), Messages.tr("settings.backup.readOnly"), null);
            return;
        }
        if (!dialogs.confirmDestructive(Messages.tr("settings.backup.restore.title"), question,
                Messages.tr("settings.backup.restore.ok"))) {
            return;
        }
        run(file, false);
    }

    /** Restores; a backup of another ledger is asked about once more, naming both, before anything is replaced. */
    private void run(Path file, boolean otherLedgerConfirmed) {
        busy.set(true);
        runner.run(() -> service.restore(file, done -> { }, otherLedgerConfirmed), replaced -> {
            String text = Messages.tr("settings.backup.restored", file.getFileName(), replaced.file().getFileName());
            status.set(text);
            busy.set(false); // before anything else can fail or block: the section must never stay greyed out
            try {
                afterRestore.run();
            } finally {
                load();
            }
            dialogs.showInfo(Messages.tr("settings.backup.restore.title"), text);
        }, e -> {
            if (e instanceof OtherLedgerException other) {
                busy.set(false);
                if (dialogs.confirmDestructive(Messages.tr("settings.backup.restore.title"),
                        Messages.tr("settings.backup.restore.otherLedger", other.backupFile(), other.backupInShort(),
                                other.currentFile(), other.currentInShort()),
                        Messages.tr("settings.backup.restore.otherLedger.ok"))) {
                    run(file, true);
                }
                return;
            }
            failed(e);
        });
    }

    private void failed(Throwable e) {
        busy.set(false);
        dialogs.showError(Messages.tr("error.title"), DialogService.messageOf(e), e);
    }

    public ObservableList<Backup> backups() {
        return backups;
    }

    public IntegerProperty keepProperty() {
        return keep;
    }

    public StringProperty folderTextProperty() {
        return folderText;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public boolean isReadOnly() {
        return readOnly;
    }
}
