package org.duban.app;

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
        System.exit(Cli.run(DubanApp::launchOn, args));
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
