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
    private Launcher() {
    }

    public static void main(String[] args) {
        System.setProperty("duban.log.dir", AppPaths.logDir().toString());
        Messages.use(Messages.localeFor(language(args)));
        java.util.Optional<java.util.Optional<Path>> window = windowOnly(args);
        if (window.isPresent()) {
            // The window starts logging itself once its first frame is drawn (DubanApp): configuring logback took
            // a core for a third of a second while JavaFX started.
            System.exit(DubanApp.launchOn(window.get().orElseGet(AppPaths::preferredDatabase)));
        }
        initLoggingInBackground();
        System.exit(Cli.run(DubanApp::launchOn, args));
    }

    /**
     * The window's own start: when the arguments are only {@code --db FILE} and {@code --lang X} (or nothing), the
     * window opens without building the command line, whose dozen subcommands and help texts took a quarter of a
     * second of the start (BENCHMARKS.md). Anything else (a subcommand, --help, a malformed option) goes to picocli
     * as before. Present: open the window, on the named file or (empty) the preferred one.
     */
    static java.util.Optional<java.util.Optional<Path>> windowOnly(String[] args) {
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
        try {
            return java.util.Optional.of(java.util.Optional.ofNullable(db == null ? null : Path.of(db)));
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
        Thread t = new Thread(org.slf4j.LoggerFactory::getILoggerFactory, "duban-logging-init");
        t.setDaemon(true);
        t.start();
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
