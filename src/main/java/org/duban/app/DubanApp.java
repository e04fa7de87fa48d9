package org.duban.app;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.duban.i18n.Messages;
import org.duban.persistence.Database;
import org.duban.service.sample.SampleMeeting;
import org.duban.ui.common.DialogService;
import org.duban.ui.common.FxDialogService;
import org.duban.ui.common.FxTaskRunner;
import org.duban.ui.common.Theme;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window. The database is opened in {@link #init()}, which JavaFX runs on the launcher thread, so the FX
 * thread never waits for the disk. On first start (no database file yet) the sample meeting is created.
 */
public final class DubanApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(DubanApp.class);
    private static volatile Path databasePath;

    private Database db;
    private LedgerOpener.Opened opened;
    private Throwable openFailure;
    private FxTaskRunner runner;

    /** Starts the window on a database (blocks until the window closes). */
    public static int launchOn(Path database) {
        databasePath = database;
        Application.launch(DubanApp.class);
        return 0;
    }

    @Override
    public void init() {
        Path file = databasePath != null ? databasePath : AppPaths.defaultDatabase();
        try {
            boolean firstStart = !Files.exists(file);
            opened = LedgerOpener.forWindow(file);
            db = opened.db();
            if (firstStart && !db.isReadOnly()) {
                LOG.info("First start: creating the sample database at {}", file);
                SampleMeeting.load(db);
            }
        } catch (RuntimeException e) {
            LOG.error("Could not open {}", file, e);
            openFailure = e;
        }
    }

    @Override
    public void start(Stage stage) {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            LOG.error("Uncaught exception in {}", t.getName(), e);
            if (Platform.isFxApplicationThread()) {
                new FxDialogService(stage).showError(Messages.tr("error.title"), DialogService.messageOf(e), e);
            }
        });
        Theme.install();
        if (openFailure != null) {
            new FxDialogService(null).showError(Messages.tr("error.openDatabase.title"),
                    DialogService.messageOf(openFailure), openFailure);
            Platform.exit();
            return;
        }
        FxDialogService dialogs = new FxDialogService(stage);
        if (!StartNotices.acceptReadOnly(opened, new FxDialogService(null))) { // no owner: the stage has no scene yet
            Platform.exit();
            return;
        }
        runner = new FxTaskRunner();
        AppContext ctx = new AppContext(db, runner, dialogs);
        Scene scene = new Scene(ctx.mainWindow().root(), 1280, 800);
        Theme.style(scene);
        stage.setTitle(Messages.tr("app.windowTitle", db.file().getFileName()));
        var icon = DubanApp.class.getResourceAsStream("/assets/icons/duban-256.png");
        if (icon != null) {
            stage.getIcons().add(new Image(icon));
        }
        stage.setScene(scene);
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.show();
        Platform.runLater(() -> StartNotices.showWarnings(opened, dialogs));
    }

    @Override
    public void stop() {
        if (runner != null) {
            runner.close();
        }
        if (db != null) {
            db.close();
        }
    }
}
