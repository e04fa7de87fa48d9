package org.duban.app;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.duban.app.cli.QuickCompiler;
import org.duban.i18n.Messages;
import org.duban.model.Backup;
import org.duban.persistence.Database;
import org.duban.service.Services;
import org.duban.ui.common.DialogService;
import org.duban.ui.common.FxDialogService;
import org.duban.ui.common.FxTaskRunner;
import org.duban.ui.common.Theme;
import org.duban.ui.main.OpeningView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window. It shows at once ({@link OpeningView}: the icon and a spinner), and the ledger is opened in the
 * background (checks, migration, the day's backup, the UI font), after which the main window takes the scene's
 * place: the first frame does not wait for the disk, nor for the theme and the 10 MB Chinese font (see
 * BENCHMARKS.md). A ledger that needs nothing written to be read shows its rows before its soundness check, which
 * then runs in the background with the window read-only until it passed ({@link CheckAfterRows}); the day's backup
 * follows the check. On first start (no database file yet) the welcome ({@link FirstStart}) asks whether to begin
 * with the sample meeting or an empty database, and makes the file in the background.
 */
public final class DubanApp extends Application {
    private static volatile String startLocation;
    /**
     * The quick compiler, asked for before the toolkit starts when the window starts on a ledger file: C2 compiled
     * the toolkit's start too (BENCHMARKS.md, helper {@code sta3}); released with the rows, as {@link #startCompiler}.
     */
    private static volatile QuickCompiler.StartOnly earlyCompiler;

    private Path file;
    /** The shared ledger to start on ({@code postgresql://…}), or null for the file {@link #file}. */
    private String server;
    /** Whether the server was named on the command line (else it is the saved connection, with a file to fall back on). */
    private boolean serverNamed;
    private Database db;
    private volatile boolean stopped;
    private volatile Path missingChoice;
    private FxTaskRunner runner;
    private Stage stage;
    private DialogService dialogs;
    /** The quick compiler only until the opening screen's rows are shown ({@link QuickCompiler#whileStarting}). */
    private QuickCompiler.StartOnly startCompiler;
    /** The ledger's opening and the desk's read from the first frame ({@link StartPrefetch}) until taken; else null. */
    private StartPrefetch prefetch;

    /** Starts the window on a database file (blocks until the window closes). */
    public static int launchOn(Path database) {
        return launchOn(database == null ? null : database.toString());
    }

    /**
     * Starts the window on a database file or a shared ledger ({@code postgresql://host:port/db}); null: the one the
     * settings chose (blocks until the window closes).
     */
    public static int launchOn(String location) {
        startLocation = location;
        earlyCompiler = StartPrefetch.isLedgerFileLocation(location) ? QuickCompiler.whileStarting() : null;
        Application.launch(DubanApp.class);
        return 0;
    }

    @Override
    public void init() {
        String named = startLocation;
        if (named != null && SharedLedgers.isServer(named)) {
            server = named;
            serverNamed = true;
            file = AppPaths.preferredDatabase();
        } else if (named != null) {
            file = Path.of(named);
        } else {
            server = UserPreferences.load().startServer().map(UserPreferences.SavedServer::url).orElse(null);
            file = AppPaths.preferredDatabase();
        }
    }

    @Override
    public void start(Stage primary) {
        stage = primary;
        QuickCompiler.StartOnly asked = earlyCompiler;
        earlyCompiler = null;
        boolean fileStart = server == null && Files.isRegularFile(file) && !isEmptyFile(file);
        if (asked != null && !fileStart) {
            asked.release(); // not the start it was asked for: both compilers, as these starts always had
        }
        QuickCompiler.StartOnly early = fileStart ? asked : null;
        if (server != null) {
            startOnServer();
            return;
        }
        boolean emptyFile = isEmptyFile(file);
        if (!Files.exists(file) || emptyFile) {
            startServices();
            missingChoice = UserPreferences.load().missingDatabase().orElse(null);
            WindowAside.addIcons(stage);
            log().info("First start: {} {}; showing the welcome", file, emptyFile ? "is empty" : "does not exist yet");
            Theme.install();
            // an empty file is never opened as a ledger without a word: the welcome says so and makes one on purpose
            FirstStart.show(stage, file, emptyFile, runner, dialogs, this::switchTo);
            stage.show();
            Platform.runLater(this::showMissingChoice);
            return;
        }
        // The first frame first: nothing but the opening view before stage.show(), and everything else after that
        // frame is drawn (logging, the worker thread, the dialogs, the icons, the preferences, the ledger), so that
        // none of it holds up the frame or competes with it for the second core (BENCHMARKS.md).
        OpeningView opening = new OpeningView();
        stage.setScene(new Scene(opening.root(), 1280, 800));
        stage.setTitle(Messages.tr("app.windowTitle", file.getFileName()));
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        WindowPlacement.place(stage, UserPreferences.load()); // inside the screen's work area, as last left
        stage.show();
        afterFirstPulse(stage.getScene(), () -> {
            StartPrefetch ahead = StartPrefetch.forWindow(server, file).orElse(null); // opening, then the desk's read
            prefetch = ahead;
            startCompiler = early != null ? early : QuickCompiler.whileStarting();
            opening.startTurning();
            startServices();
            WindowAside.addIcons(stage); // seven PNGs to decode
            WindowAside.loadFont(); // while the ledger opens, on the other core
            runner.run(() -> {
                missingChoice = UserPreferences.load().missingDatabase().orElse(null);
                return ahead != null ? ahead.opened().ledger() : LedgerOpener.forWindow(file);
            }, this::opened, e -> {
                log().error("Could not open {}", file, e);
                if (DamagedAtOpening.isDamaged(e)) {
                    offerRestore(DialogService.messageOf(e));
                    return;
                }
                new FxDialogService(null).showError(Messages.tr("error.openDatabase.title"),
                        DialogService.messageOf(e), e);
                Platform.exit();
            });
        });
    }

    /**
     * The file failed its check at opening: the backups beside it are offered ({@link DamagedAtOpening}); the chosen
     * one replaces it (the damaged file kept as it is) and the window opens as usual. Declined, or none: quit.
     */
    private void offerRestore(String damagedMessage) {
        runner.run(() -> DamagedAtOpening.backups(file), backups -> {
            var chosen = DamagedAtOpening.ask(new FxDialogService(null), damagedMessage, backups);
            if (chosen.isEmpty()) {
                Platform.exit();
                return;
            }
            runner.run(() -> {
                Backup kept = DamagedAtOpening.restore(file, chosen.get());
                log().warn("Restored {} from {}; the damaged file is kept as {}", file, chosen.get().file(),
                        kept.file());
                return LedgerOpener.forWindow(file);
            }, this::opened, x -> {
                log().error("Could not restore {}", file, x);
                new FxDialogService(null).showError(Messages.tr("error.damagedDatabase.title"),
                        DialogService.messageOf(x), x);
                Platform.exit();
            });
        }, x -> {
            new FxDialogService(null).showError(Messages.tr("error.damagedDatabase.title"), damagedMessage, x);
            Platform.exit();
        });
    }

    /**
     * The window on a shared ledger: no welcome (the server's database is the ledger, made or migrated by
     * {@link org.duban.persistence.Database#connect}), no writer lock, no daily file backup. When the saved connection
     * cannot be opened (the server is down, the password changed), the window says why and opens this computer's file
     * instead, so that the user can reach the settings; a ledger named on the command line is not replaced.
     */
    private void startOnServer() {
        OpeningView opening = new OpeningView();
        stage.setScene(new Scene(opening.root(), 1280, 800));
        stage.setTitle(Messages.tr("app.windowTitle.shared",
                server.replaceFirst("^postgres(ql)?://", "").replaceFirst("^[^@/]*@", "")));
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        WindowPlacement.place(stage, UserPreferences.load());
        stage.show();
        afterFirstPulse(stage.getScene(), () -> {
            startCompiler = QuickCompiler.whileStarting();
            opening.startTurning();
            startServices();
            WindowAside.addIcons(stage);
            WindowAside.loadFont();
            runner.run(() -> {
                return SharedLedgers.load().open(server);
            }, this::opened, e -> {
                log().error("Could not open the shared ledger {}", server.replaceAll("//[^@/]*@", "//"), e);
                if (serverNamed || !Files.isRegularFile(file)) {
                    new FxDialogService(null).showError(Messages.tr("error.openDatabase.title"),
                            DialogService.messageOf(e), e);
                    Platform.exit();
                    return;
                }
                new FxDialogService(null).showError(Messages.tr("error.openDatabase.title"),
                        Messages.tr("startup.sharedFailed.message", DialogService.messageOf(e), file), e);
                runner.run(() -> LedgerOpener.forWindow(file), this::opened, x -> {
                    log().error("Could not open {}", file, x);
                    new FxDialogService(null).showError(Messages.tr("error.openDatabase.title"),
                            DialogService.messageOf(x), x);
                    Platform.exit();
                });
            });
        });
    }

    private static boolean isEmptyFile(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) == 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Logging, the handler of uncaught exceptions, the worker thread and the dialogs. */
    private void startServices() {
        Launcher.initLoggingInBackground();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            log().error("Uncaught exception in {}", t.getName(), e);
            if (Platform.isFxApplicationThread()) {
                new FxDialogService(stage).showError(Messages.tr("error.title"), DialogService.messageOf(e), e);
            }
        });
        runner = new FxTaskRunner();
        dialogs = new FxDialogService(stage);
    }

    /** The ledger is open: the main window replaces the opening view. */
    private void opened(LedgerOpener.Opened ledger) {
        if (stopped) {
            ledger.db().close();
            return;
        }
        Theme.install();
        if (!StartNotices.acceptReadOnly(ledger, new FxDialogService(null))) {
            ledger.db().close();
            Platform.exit();
            return;
        }
        showMain(ledger);
        Platform.runLater(() -> {
            StartNotices.showWarnings(ledger, dialogs);
            showMissingChoice();
        });
    }

    private void showMissingChoice() {
        if (missingChoice != null) {
            dialogs.showInfo(Messages.tr("startup.missingDatabase.title"),
                    Messages.tr("startup.missingDatabase.message", missingChoice, file));
        }
    }

    /** A ledger made by the welcome or opened in the settings: the window moves over, then its warnings show. */
    private void switchTo(LedgerOpener.Opened other) {
        showMain(other);
        Platform.runLater(() -> StartNotices.showWarnings(other, dialogs));
    }

    /** The main window on {@code database}: at start, after the welcome, and when the settings switch files. */
    private void showMain(LedgerOpener.Opened ledger) {
        Database database = ledger.db();
        Database previous = db;
        db = database;
        DatabaseSwitch switcher = new DatabaseSwitch(database.file(), database.location(), AppPaths.defaultDatabase(),
                UserPreferences.load(), this::switchTo);
        StartPrefetch ahead = prefetch;
        StartPrefetch.Ready read = ahead == null ? null : ahead.readyFor(ledger);
        prefetch = null;
        // on a shared ledger each seat names its own operator in the audit trail (by default its login)
        Services services = read != null ? read.services() : database.isShared()
                ? Services.over(database).seatedAt(new SeatOperator(UserPreferences.load(), ledger.login()))
                : Services.over(database);
        AppContext context = new AppContext(services, runner, dialogs, switcher)
                .connectingWith(new SharedLedgerSwitch(SharedLedgers.load(), this::switchTo,
                        database.isShared() && ledger.login() != null
                                ? new UserPreferences.SavedServer(database.location(), ledger.login()) : null))
                .rememberingIn(UserPreferences.load().viewMemory());
        if (read != null) {
            context.watcher().seenAs(read.watcher()); // noted before the desk's read, which was done meanwhile
            context.firstDesk = ahead::desk;
        } else {
            context.noteLedgerStamp(); // before the opening screen's read, which building the window queues
        }
        org.duban.ui.main.MainWindow window = context.mainWindow();
        // other seats' changes show without a restart; polled from when the opening screen's rows are read
        context.followOtherSeatsAfterReads(java.time.Duration.ofSeconds(3));
        Parent root = window.root();
        // unsaved settings, a half-typed report or task form: the close box asks first (保存 / 不保存 / 取消)
        window.guardClose(stage, dialogs);
        Scene scene = stage.getScene();
        if (scene != null && "mainWindow".equals(scene.getRoot().getId())) {
            scene.setRoot(root); // another database: same window, same size
        } else if (scene != null && "openingView".equals(scene.getRoot().getId())) {
            Theme.style(scene); // the window the user already sees, at the size it has
            scene.setRoot(root);
        } else {
            scene = new Scene(root, 1280, 800);
            Theme.style(scene);
            stage.setScene(scene);
            stage.setMinWidth(960);
            stage.setMinHeight(600);
            WindowPlacement.place(stage, UserPreferences.load()); // after the welcome: as at a normal start
        }
        stage.setTitle(database.isShared()
                ? Messages.tr("app.windowTitle.shared", SharedLedgers.shortLocation(database))
                : Messages.tr("app.windowTitle", database.file().getFileName()));
        if (startCompiler != null) {
            // the runner has one thread: this ends after the opening screen's read queued above; the pulse after
            // its rows reached the FX thread draws them, then both compilers work again
            QuickCompiler.StartOnly compiler = startCompiler;
            startCompiler = null;
            Scene shown = scene;
            runner.run(() -> null, ignored -> {
                afterFirstPulse(shown, () -> compiler.release());
                Platform.requestNextPulse(); // a pulse even when the rows' was already drawn
            }, e -> compiler.release()); // a failed read shows its error; the compilers as usual
        }
        if (database.soundness() == Database.Soundness.CHECKING) {
            // the opening screen's rows first (queued on the runner while the window was built), then the check
            Scene shown = scene;
            CheckAfterRows.afterRows(database, context.access(), runner, dialogs, database::completeCheck,
                    () -> LedgerOpener.afterCheck(database), begin -> {
                        afterFirstPulse(shown, begin); // after the pulse that draws the rows
                        Platform.requestNextPulse();
                    });
        }
        if (previous != null && previous != database) {
            runner.run(() -> {
                previous.close(); // after any work still queued for it: the runner has one thread
                return null;
            }, ignored -> { }, e -> log().warn("Closing {} failed", previous.location(), e));
        }
    }

    /** Runs {@code work} on the FX thread once the scene's next pulse is done. */
    private static void afterFirstPulse(Scene scene, Runnable work) {
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            scene.removePostLayoutPulseListener(listener[0]);
            Platform.runLater(work);
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }

    /** Taken when needed, not when the class loads: logging starts after the first frame (see Launcher). */
    private static Logger log() {
        return LoggerFactory.getLogger(DubanApp.class);
    }

    @Override
    public void stop() {
        stopped = true;
        if (prefetch != null) {
            prefetch.discard();
        }
        if (runner != null) {
            runner.close();
        }
        if (db != null) {
            db.close();
        }
    }
}
