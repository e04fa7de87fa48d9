package org.duban.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the program keeps its data: {@code %APPDATA%\Duban} on Windows, {@code $XDG_DATA_HOME/duban} or
 * {@code ~/.local/share/duban} on Linux, {@code ~/Library/Application Support/Duban} on macOS. The system
 * property {@code duban.data.dir} or the environment variable {@code DUBAN_DATA_DIR} override it (tests,
 * portable installs).
 */
public final class AppPaths {
    public static final String DATABASE_FILE = "duban.db";

    private AppPaths() {
    }

    public static Path dataDir() {
        return dataDir(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home", "."),
                System.getProperty("duban.data.dir"));
    }

    static Path dataDir(Map<String, String> env, String osName, String home, String override) {
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String fromEnv = env.get("DUBAN_DATA_DIR");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return appData != null && !appData.isBlank()
                    ? Path.of(appData, "Duban")
                    : Path.of(home, "AppData", "Roaming", "Duban");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Application Support", "Duban");
        }
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "duban");
        }
        return Path.of(home, ".local", "share", "duban");
    }

    /** {@code duban.db} in the data folder: where a new installation keeps its ledger. */
    public static Path defaultDatabase() {
        return dataDir().resolve(DATABASE_FILE);
    }

    /**
     * The database opened when no {@code --db} is given: the file chosen in the settings (remembered in
     * {@link UserPreferences}) while it exists, else {@link #defaultDatabase()}.
     */
    public static Path preferredDatabase() {
        return UserPreferences.load().databaseOr(defaultDatabase());
    }

    /** Log files. */
    public static Path logDir() {
        return dataDir().resolve("logs");
    }
}
