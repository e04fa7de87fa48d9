package org.duban.app;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.duban.i18n.Messages;
import org.duban.ui.common.DialogService;
import org.duban.ui.common.TaskRunner;
import org.duban.ui.common.Theme;
import org.duban.ui.welcome.WelcomeActions;
import org.duban.ui.welcome.WelcomeChoice;
import org.duban.ui.welcome.WelcomeView;
import org.duban.ui.welcome.WelcomeViewModel;

/**
 * First start on a database file that does not exist yet (or is empty, 0 bytes): the welcome asks how to begin, the file is made in
 * the background ({@link DatabaseFiles#create}), then {@code then} opens the main window on it.
 */
public final class FirstStart implements WelcomeActions {
    private final Path file;
    private final Consumer<LedgerOpener.Opened> then;
    private volatile LedgerOpener.Opened created;

    public FirstStart(Path file, Consumer<LedgerOpener.Opened> then) {
        this.file = file;
        this.then = then;
    }

    /** Shows the welcome in {@code stage}. */
    public static void show(Stage stage, Path file, TaskRunner runner, DialogService dialogs,
                            Consumer<LedgerOpener.Opened> then) {
        show(stage, file, false, runner, dialogs, then);
    }

    /** As {@link #show(Stage, Path, TaskRunner, DialogService, Consumer)}; {@code emptyFile}: the file is 0 bytes. */
    public static void show(Stage stage, Path file, boolean emptyFile, TaskRunner runner, DialogService dialogs,
                            Consumer<LedgerOpener.Opened> then) {
        WelcomeViewModel vm = new WelcomeViewModel(file, emptyFile, runner, dialogs, new FirstStart(file, ledger -> {
            stage.setOnCloseRequest(null);
            then.accept(ledger);
        }));
        // Closing the window while the file is being made would leave half a database behind.
        stage.setOnCloseRequest(e -> {
            if (vm.busyProperty().get()) {
                e.consume();
            }
        });
        WelcomeView view = new WelcomeView(vm);
        Scene scene = new Scene(view.root(), 800, 470);
        Theme.style(scene);
        stage.setTitle(Messages.tr("welcome.windowTitle"));
        stage.setScene(scene);
        view.focusDefault();
    }

    @Override
    public void create(WelcomeChoice choice) {
        created = DatabaseFiles.opened(DatabaseFiles.create(file, choice));
    }

    @Override
    public void done() {
        then.accept(created);
    }
}
