package org.duban.ui.welcome;

import java.nio.file.Path;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.duban.i18n.Messages;
import org.duban.ui.common.DialogService;
import org.duban.ui.common.TaskRunner;

/**
 * The first start: no database file exists yet, or an empty (0-byte) one. The user picks the sample meeting or an empty database with
 * the default roster; the file is created in the background while the choices are disabled.
 */
public final class WelcomeViewModel {
    private final Path database;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final WelcomeActions actions;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final boolean emptyFile;

    public WelcomeViewModel(Path database, TaskRunner runner, DialogService dialogs, WelcomeActions actions) {
        this(database, false, runner, dialogs, actions);
    }

    /**
     * @param emptyFile the database file is there but empty (0 bytes): said at the top, with how to bring back a
     *                  ledger a broken copy or sync may have emptied
     */
    public WelcomeViewModel(Path database, boolean emptyFile, TaskRunner runner, DialogService dialogs,
                            WelcomeActions actions) {
        this.database = database.toAbsolutePath().normalize();
        this.emptyFile = emptyFile;
        this.runner = runner;
        this.dialogs = dialogs;
        this.actions = actions;
    }

    /** The words under the title: no data file yet, or an empty one at {@link #database()}. */
    public String intro() {
        return emptyFile ? Messages.tr("welcome.intro.emptyFile", database) : Messages.tr("welcome.intro");
    }

    /** The database file that will be created. */
    public Path database() {
        return database;
    }

    /** The folder it lives in (the data folder unless {@code --db} named another place). */
    public Path folder() {
        Path parent = database.getParent();
        return parent != null ? parent : database;
    }

    /** True while the database is being created. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What is happening now ("正在创建…"), empty when nothing is. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Creates the database with {@code choice}; ignored while a creation is under way. */
    public void choose(WelcomeChoice choice) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        status.set(Messages.tr(choice == WelcomeChoice.SAMPLE ? "welcome.creating.sample" : "welcome.creating.empty"));
        runner.run(() -> {
            actions.create(choice);
            return null;
        }, ignored -> {
            status.set("");
            actions.done(); // busy stays on: the window moves on to the main screen
        }, error -> {
            busy.set(false);
            status.set("");
            dialogs.showError(Messages.tr("welcome.error.title"), DialogService.messageOf(error), error);
        });
    }
}
