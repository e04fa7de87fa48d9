package org.duban.app;

import java.io.IOException;
import java.io.Reader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.duban.i18n.LocalizedException;
import org.duban.service.io.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What this user chose for this computer, kept in {@code preferences.properties} in the data folder, not in a
 * database: which database file the program opens when no {@code --db} is given, and where the main window was left
 * (per screen layout). A ledger's own settings live in its database ({@code SettingsRepository}); this file only
 * says where the ledger is and how the window sits.
 */
public final class UserPreferences {
    public static final String FILE_NAME = "preferences.properties";
    static final String DATABASE = "database";
    /** "true" while the program starts on the saved shared ledger ({@link #server()}) rather than a file. */
    static final String SHARED = "shared";
    static final String SERVER_URL = "server.url";
    static final String SERVER_USER = "server.user";
    /** This seat's name in the audit trail of a shared ledger (every seat has its own). */
    static final String SEAT_OPERATOR = "seat.operator";
    static final String WINDOW = "window.";
    static final String VIEW = "view.";

    private final Path file;

    public UserPreferences(Path file) {
        this.file = file;
    }

    /** The preferences of this user: {@code preferences.properties} in the data folder. */
    public static UserPreferences load() {
        return new UserPreferences(AppPaths.dataDir().resolve(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    /** The database file chosen in the settings, if one was chosen. */
    public Optional<Path> database() {
        String value = read().getProperty(DATABASE);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Path.of(value.strip()));
    }

    /**
     * The file to open when no {@code --db} is given: the chosen one while it exists, else {@code fallback}. A
     * chosen file that is missing (a USB stick not plugged in, a network drive not mounted) is not created
     * anew somewhere else: the program opens the fallback and says so.
     */
    public Path databaseOr(Path fallback) {
        Optional<Path> chosen = database();
        if (chosen.isPresent() && !Files.isRegularFile(chosen.get())) {
            log().warn("The chosen database {} is missing; opening {}", chosen.get(), fallback);
            return fallback;
        }
        return chosen.orElse(fallback);
    }

    /** The database file chosen in the settings when it is not there any more. */
    public Optional<Path> missingDatabase() {
        return database().filter(chosen -> !Files.isRegularFile(chosen));
    }

    /**
     * Remembers {@code database} for the next start; {@code null} forgets the choice (the data folder's
     * {@code duban.db} is opened again). Written to a temporary file first, so a failed write leaves the old
     * preferences as they were.
     *
     * @throws LocalizedException when the file cannot be written
     */
    public void setDatabase(Path database) {
        Properties p = read();
        p.remove(SHARED); // a file chosen: the next start opens it, the saved connection stays for another time
        if (database == null) {
            p.remove(DATABASE);
        } else {
            p.setProperty(DATABASE, database.toAbsolutePath().normalize().toString());
        }
        write(p);
    }

    /**
     * A shared ledger's connection saved in the settings (连接共享台账): its address
     * ({@code postgresql://host:port/database}, never a user or password) and the user who logs in. The password is
     * not here: it is in the data folder's password file ({@code SharedLedgers}).
     */
    public record SavedServer(String url, String user) {
    }

    /** The saved connection to a shared ledger, if there is one. */
    public Optional<SavedServer> server() {
        Properties p = read();
        String url = p.getProperty(SERVER_URL, "").strip();
        String user = p.getProperty(SERVER_USER, "").strip();
        return url.isEmpty() || user.isEmpty() ? Optional.empty() : Optional.of(new SavedServer(url, user));
    }

    /** The saved shared ledger when the program is to start on it (the last choice was it, not a file). */
    public Optional<SavedServer> startServer() {
        return Boolean.parseBoolean(read().getProperty(SHARED, "false")) ? server() : Optional.empty();
    }

    /** Saves the connection to a shared ledger and starts on it from now on. */
    public void setServer(SavedServer server) {
        Properties p = read();
        p.setProperty(SERVER_URL, server.url());
        p.setProperty(SERVER_USER, server.user());
        p.setProperty(SHARED, "true");
        write(p);
    }

    /** This seat's name for the audit trail of a shared ledger, if the user set one. */
    public Optional<String> seatOperator() {
        String v = read().getProperty(SEAT_OPERATOR, "").strip();
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    /** Sets this seat's name (blank: back to the default). */
    public void setSeatOperator(String name) {
        Properties p = read();
        String v = name == null ? "" : name.strip();
        if (v.isEmpty()) {
            p.remove(SEAT_OPERATOR);
        } else {
            p.setProperty(SEAT_OPERATOR, v);
        }
        write(p);
    }

    /** Where the main window was left on this screen layout ({@link WindowPlacement#layoutKey}), if it was. */
    public Optional<WindowPlacement.Place> windowPlace(String layout) {
        Properties p = read();
        String bounds = p.getProperty(WINDOW + layout + ".bounds");
        if (bounds == null) {
            return Optional.empty();
        }
        try {
            String[] v = bounds.split(",");
            double w = Double.parseDouble(v[2].strip());
            double h = Double.parseDouble(v[3].strip());
            if (w <= 0 || h <= 0) {
                return Optional.empty();
            }
            return Optional.of(new WindowPlacement.Place(new javafx.geometry.Rectangle2D(Double.parseDouble(v[0].strip()),
                    Double.parseDouble(v[1].strip()), w, h),
                    Boolean.parseBoolean(p.getProperty(WINDOW + layout + ".maximised"))));
        } catch (RuntimeException e) {
            log().warn("Ignoring the remembered window place {}", bounds, e);
            return Optional.empty();
        }
    }

    /** Remembers where the main window was left on this screen layout. */
    public void setWindowPlace(String layout, WindowPlacement.Place place) {
        Properties p = read();
        var b = place.bounds();
        p.setProperty(WINDOW + layout + ".bounds", String.format(java.util.Locale.ROOT, "%.0f,%.0f,%.0f,%.0f",
                b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight()));
        p.setProperty(WINDOW + layout + ".maximised", Boolean.toString(place.maximised()));
        write(p);
    }

    /** How the user left a screen ({@code ViewMemory}): the checklist's columns, say. */
    public Optional<String> view(String key) {
        return Optional.ofNullable(read().getProperty(VIEW + key));
    }

    /** Remembers how the user left a screen; the file is rewritten only when the value changed. */
    public void setView(String key, String value) {
        Properties p = read();
        if (value.equals(p.getProperty(VIEW + key))) {
            return;
        }
        p.setProperty(VIEW + key, value);
        write(p);
    }

    /** These preferences as the screens' memory; a failed write is logged, the screen works on. */
    public org.duban.ui.common.ViewMemory viewMemory() {
        return new org.duban.ui.common.ViewMemory() {
            @Override
            public Optional<String> get(String key) {
                return view(key);
            }

            @Override
            public void put(String key, String value) {
                try {
                    setView(key, value);
                } catch (RuntimeException e) {
                    log().warn("Could not remember {}", key, e);
                }
            }
        };
    }

    private Properties read() {
        Properties p = new Properties();
        if (!Files.isRegularFile(file)) {
            return p;
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            log().warn("Could not read {}; using the defaults", file, e);
        }
        return p;
    }

    private void write(Properties p) {
        try {
            AtomicFiles.write(file, out -> {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                p.store(w, "Duban Desk user preferences");
                w.flush();
            });
        } catch (IOException e) {
            throw new LocalizedException(e, "preferences.error.write", file, e.getMessage());
        }
    }

    /** Taken when needed: the window reads the preferences before logging is set up (see Launcher). */
    private static Logger log() {
        return LoggerFactory.getLogger(UserPreferences.class);
    }
}
