package org.duban.ui.settings;

import java.nio.file.Path;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.duban.i18n.Messages;
import org.duban.ui.common.DialogService;
import org.duban.ui.common.TaskRunner;

/** "数据库文件" in the settings: which file is open, and moving to another one. */
public final class DatabaseFileViewModel {
    private final DatabaseSwitcher switcher;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    public DatabaseFileViewModel(DatabaseSwitcher switcher, TaskRunner runner, DialogService dialogs) {
        this.switcher = switcher;
        this.runner = runner;
        this.dialogs = dialogs;
    }

    /** The file in use; null on a shared ledger. */
    public Path current() {
        return switcher.current();
    }

    /** Where the ledger in use is: the file's path, or the shared ledger's address. */
    public String currentLocation() {
        return switcher.currentLocation();
    }

    /** True on a shared ledger: the buttons here move the window back to a file. */
    public boolean onServer() {
        return switcher.onServer();
    }

    public Path defaultFile() {
        return switcher.defaultFile();
    }

    /** The folder the file dialogs start in. */
    public Path folder() {
        Path file = current() != null ? current() : defaultFile();
        Path parent = file.getParent();
        return parent != null ? parent : file;
    }

    public boolean onDefault() {
        return defaultFile().equals(current());
    }

    /** True while a file is being opened. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public void openExisting(Path file) {
        switchTo(file, DatabaseSwitcher.Intent.OPEN_EXISTING);
    }

    public void createNew(Path file) {
        switchTo(file, DatabaseSwitcher.Intent.CREATE_NEW);
    }

    public void useDefault() {
        switchTo(defaultFile(), DatabaseSwitcher.Intent.OPEN_OR_CREATE);
    }

    private void switchTo(Path file, DatabaseSwitcher.Intent intent) {
        Path target = file.toAbsolutePath().normalize();
        if (busy.get()) {
            return;
        }
        if (target.equals(current())) {
            dialogs.showInfo(Messages.tr("settings.database.title"), Messages.tr("settings.database.alreadyOpen", target));
            return;
        }
        busy.set(true);
        runner.run(() -> switcher.open(target, intent), moveWindow -> {
            busy.set(false);
            moveWindow.run();
            dialogs.showInfo(Messages.tr("settings.database.title"), Messages.tr("settings.database.switched", target));
        }, error -> {
            busy.set(false);
            dialogs.showError(Messages.tr("settings.database.error.title"), DialogService.messageOf(error), error);
        });
    }
}
