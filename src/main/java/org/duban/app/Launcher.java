package org.duban.app;

import java.nio.file.Path;
import org.duban.app.cli.Cli;
import org.duban.i18n.Messages;

/**
 * The entry point of {@code duban-desk.jar}. A separate class from {@link DubanApp}: a main class that
 * extends {@code Application} cannot start from the class path. Without arguments (or with only global
 * options) the window opens; with a subcommand the work runs headless.
 */
public final class Launcher {
    /** SLF4J's switch for its own messages (since 2.0.10): DEBUG, INFO, WARN or ERROR. */
    static final String SLF4J_VERBOSITY = "slf4j.internal.verbosity";

    /**
     * JavaFX's logger (java.util.logging "javafx"), held here so that the filter {@link #quietJavaFx()} sets stays
     * set: java.util.logging keeps its loggers only weakly.
     */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    private Launcher() {
    }

    /**
     * Drops JavaFX's start-up notice "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'",
     * which it prints to standard error (two lines) whenever it runs from the class path, as the jar and the
     * installers run it: a remark on Oracle's support terms, not a fault, that users would read as an error. Every
     * other JavaFX message is kept.
     */
    static void quietJavaFx() {
        JAVAFX_LOG.setFilter(r -> r.getMessage() == null
                || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
    }

    public static void main(String[] args) {
        System.setProperty("duban.log.dir", AppPaths.logDir().toString());
        quietSlf4j(); // the window configures logging late too (DubanApp): the same stand-ins, the same replay
        quietJavaFx();
        Messages.use(Messages.localeFor(language(args)));
        java.util.Optional<java.util.Optional<String>> window = windowOnly(args);
        if (window.isPresent()) {
            // The window starts logging itself once its first frame is drawn (DubanApp): configuring logback took
            // a core for a third of a second while JavaFX started. No --db: the ledger the settings chose.
            System.exit(DubanApp.launchOn(window.get().orElse(null)));
        }
        initLoggingInBackground();
        // A helper thread's failure (a font read ahead, a unit laid out on another core) reaches the command through
        // its own thread's result and is said there in a sentence; the log keeps the trace, the terminal gets none.
        Thread.setDefaultUncaughtExceptionHandler((thread, e) ->
                org.slf4j.LoggerFactory.getLogger(Launcher.class).error("Uncaught in {}", thread.getName(), e));
        System.exit(Cli.run(DubanApp::launchOn, args));
    }

    /**
     * The window's own start: when the arguments are only {@code --db FILE} and {@code --lang X} (or nothing), the
     * window opens without building the command line, whose dozen subcommands and help texts took a quarter of a
     * second of the start (BENCHMARKS.md). Anything else (a subcommand, --help, a malformed option) goes to picocli
     * as before. Present: open the window, on the named file or shared ledger ({@code postgresql://…}), or (empty)
     * the one the settings chose.
     */
    static java.util.Optional<java.util.Optional<String>> windowOnly(String[] args) {
        String db = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = null;
            if ((a.equals("--db") || a.equals("--lang")) && i + 1 < args.length && !args[i + 1].startsWith("-")) {
                value = args[++i];
            } else if (a.startsWith("--db=") || a.startsWith("--lang=")) {
                value = a.substring(a.indexOf('=') + 1);
            }
            if (value == null || value.isEmpty()) {
                return java.util.Optional.empty();
            }
            if (a.startsWith("--db")) {
                if (db != null) {
                    return java.util.Optional.empty(); // given twice: picocli says so
                }
                db = value;
            }
        }
        if (db == null || SharedLedgers.isServer(db)) {
            return java.util.Optional.of(java.util.Optional.ofNullable(db));
        }
        try {
            return java.util.Optional.of(java.util.Optional.of(Path.of(db).toString()));
        } catch (java.nio.file.InvalidPathException e) {
            return java.util.Optional.empty(); // picocli reports it as a usage error
        }
    }

    /**
     * Configures logging (logback reads its file and opens the log) on another thread, while the command line is
     * parsed (or, for the window, after its first frame): it took a third of a second of the start on the bench's
     * machine. SLF4J hands out stand-in loggers meanwhile and replays what they logged. A class that logs before
     * this starts would configure logging on its own thread, there and then: the classes of the window's first
     * frame ({@link DubanApp}, {@link UserPreferences}, the opening view) take their logger only when they log.
     */
    static void initLoggingInBackground() {
        // The stand-ins' replay is expected here, not a fault: SLF4J's notice of it ("A number (1) of logging calls
        // during the initialization phase have been intercepted…") went to standard error of a command that
        // happened to log early, which a script reads as an error. Only SLF4J's own errors are printed.
        quietSlf4j();
        Thread t = new Thread(org.slf4j.LoggerFactory::getILoggerFactory, "duban-logging-init");
        t.setDaemon(true);
        t.start();
    }

    static void quietSlf4j() {
        if (System.getProperty(SLF4J_VERBOSITY) == null) {
            System.setProperty(SLF4J_VERBOSITY, "ERROR");
        }
    }

    /** {@code --lang X} / {@code --lang=X}, else {@code duban.lang}, else {@code DUBAN_LANG}, else Chinese. */
    static String language(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--lang") && i + 1 < args.length) {
                return args[i + 1];
            }
            if (args[i].startsWith("--lang=")) {
                return args[i].substring("--lang=".length());
            }
        }
        String prop = System.getProperty("duban.lang");
        return prop != null ? prop : System.getenv("DUBAN_LANG");
    }
}
