package org.duban.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.duban.i18n.LocalizedException;
import org.duban.ui.settings.DatabaseSwitcher;
import org.duban.ui.welcome.WelcomeChoice;

/**
 * The settings' "数据库文件": opens (as {@link LedgerOpener} does at start: writer lock, the day's backup,
 * warnings) or creates another file in the background, remembers it in the user's preferences for the next
 * start, and hands it to {@code activate}, which moves the window over to it.
 */
public final class DatabaseSwitch implements DatabaseSwitcher {
    private final Path current;
    private final String location;
    private final Path defaultFile;
    private final UserPreferences preferences;
    private final Consumer<LedgerOpener.Opened> activate;

    /** {@code current} is null for a shared ledger (it has no file); {@link #currentLocation} names it then. */
    public DatabaseSwitch(Path current, Path defaultFile, UserPreferences preferences,
                          Consumer<LedgerOpener.Opened> activate) {
        this(current, null, defaultFile, preferences, activate);
    }

    /** The switch of a window on the ledger at {@code location} ({@link org.duban.persistence.Database#location}). */
    public DatabaseSwitch(Path current, String location, Path defaultFile, UserPreferences preferences,
                          Consumer<LedgerOpener.Opened> activate) {
        this.current = current == null ? null : current.toAbsolutePath().normalize();
        this.location = location != null ? location : String.valueOf(this.current);
        this.defaultFile = defaultFile.toAbsolutePath().normalize();
        this.preferences = preferences;
        this.activate = activate;
    }

    @Override
    public Path current() {
        return current;
    }

    @Override
    public String currentLocation() {
        return location;
    }

    @Override
    public Path defaultFile() {
        return defaultFile;
    }

    @Override
    public Runnable open(Path file, Intent intent) {
        Path target = file.toAbsolutePath().normalize();
        boolean exists = Files.exists(target);
        if (intent == Intent.OPEN_EXISTING && !exists) {
            throw new LocalizedException("database.error.missing", target);
        }
        if (intent == Intent.CREATE_NEW && DatabaseFiles.holdsSomething(target)) {
            throw new LocalizedException("database.error.exists", target);
        }
        // an empty (0-byte) file is made a ledger only when the user asked for a new one
        LedgerOpener.Opened opened = exists && intent != Intent.CREATE_NEW ? LedgerOpener.forWriting(target)
                : DatabaseFiles.opened(DatabaseFiles.create(target, WelcomeChoice.EMPTY));
        try {
            preferences.setDatabase(target.equals(defaultFile) ? null : target);
        } catch (RuntimeException e) {
            opened.db().close();
            throw e;
        }
        return () -> activate.accept(opened);
    }

}
