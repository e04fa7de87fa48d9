package org.duban.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.duban.i18n.LocalizedException;
import org.duban.i18n.Messages;
import org.duban.persistence.Database;
import org.duban.persistence.DatabaseInUseException;
import org.duban.persistence.PersistenceException;
import org.duban.persistence.ServerCredentials;
import org.duban.persistence.sqlite.NetworkShare;
import org.duban.service.Services;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the ledger the way the window and the commands need it: for writing (one writer, see
 * {@link Database#open}), with the day's first backup of an existing ledger, and with the warnings the user
 * should read (a network share, a backup that failed). The window falls back to read-only when another copy
 * of the program has the ledger open.
 */
public final class LedgerOpener {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerOpener.class);

    /**
     * @param db           the open ledger
     * @param warnings     texts to show the user (never a reason not to go on)
     * @param inUseMessage why the ledger is read-only (another copy has it open), or null when writable
     * @param login        the user a shared ledger was logged in to as (the seat's default operator), or null
     */
    public record Opened(Database db, List<String> warnings, String inUseMessage, String login) {
        public Opened {
            warnings = List.copyOf(warnings);
        }

        /** A ledger file's: no login. */
        public Opened(Database db, List<String> warnings, String inUseMessage) {
            this(db, warnings, inUseMessage, null);
        }
    }

    /** Whether an opening may make a new ledger. Only the ways of making one do: elsewhere a missing file is refused. */
    public enum Creation {
        /** Every command and screen that works on an existing ledger. */
        NEVER,
        /** {@code sample} and {@code generate}: a file that is not there yet is made (an empty one is refused). */
        IF_MISSING,
        /** {@code init}: also an empty (0-byte) file becomes a new ledger. */
        IF_MISSING_OR_EMPTY
    }

    private LedgerOpener() {
    }

    /**
     * Opens an existing ledger for writing and takes the day's backup.
     *
     * @throws DatabaseInUseException when another copy of the program has it open
     */
    public static Opened forWriting(Path file) {
        return forWriting(file, Creation.NEVER);
    }

    /**
     * Opens for writing, making the ledger where {@code creation} allows, and takes the day's backup when the
     * ledger existed before.
     *
     * @throws DatabaseInUseException when another copy of the program has it open
     */
    public static Opened forWriting(Path file, Creation creation) {
        return forWriting(file, creation, false);
    }

    private static Opened forWriting(Path file, Creation creation, boolean checkLater) {
        if (creation == Creation.NEVER && !Files.exists(file)) {
            throw new PersistenceException("db.error.noLedger", file.toAbsolutePath().normalize());
        }
        boolean existing = sizeOf(file) > 0;
        Database db = creation == Creation.IF_MISSING_OR_EMPTY ? Database.create(file)
                : checkLater ? Database.openCheckingLater(file) : Database.open(file);
        List<String> warnings = new ArrayList<>(networkWarning(db.file()));
        warnings.addAll(db.openingWarnings());
        if (existing && db.soundness() == Database.Soundness.SOUND) { // else after the check: afterCheck
            warnings.addAll(dailyBackup(db));
        }
        return new Opened(db, warnings, null);
    }

    /**
     * Once the soundness check the window's opening left for later has passed ({@link LedgerCheck}): the day's
     * backup, which an opening takes before anything else is written. What the user should read: a failed backup.
     */
    static List<String> afterCheck(Database db) {
        return db.soundness() == Database.Soundness.SOUND ? dailyBackup(db) : List.of();
    }

    private static List<String> dailyBackup(Database db) {
        try {
            Services.over(db).backups().dailyIfDue();
            return List.of();
        } catch (LocalizedException e) {
            LOG.warn("The daily backup of {} failed", db.file(), e);
            return List.of(Messages.tr("backup.warning.dailyFailed", e.getLocalizedMessage()));
        }
    }

    /**
     * For the window: like {@link #forWriting}, but a ledger open in another copy opens read-only, and the soundness
     * check of a ledger that needs nothing written first runs after the first rows show ({@link LedgerCheck},
     * {@link Database#openCheckingLater}), the day's backup after it.
     */
    public static Opened forWindow(Path file) {
        try {
            return forWriting(file, Creation.NEVER, true);
        } catch (DatabaseInUseException e) {
            LOG.info("{} is open in another copy; offering read-only", file);
            Database db = Database.openReadOnly(file);
            try {
                db.requireCurrentSchema();
            } catch (RuntimeException x) {
                db.close();
                throw x;
            }
            List<String> warnings = new ArrayList<>(networkWarning(db.file()));
            warnings.addAll(db.openingWarnings());
            return new Opened(db, warnings, e.getLocalizedMessage());
        }
    }

    /**
     * Opens a shared ledger on its server: no writer lock (every seat writes) and no daily backup into a folder
     * beside a file (a shared ledger's backup is a copy to a file, {@code copy-to}); read-only when the login may
     * only read ({@link Database#connect}).
     */
    public static Opened forServer(String url, ServerCredentials credentials) {
        Database db = Database.connect(url, credentials);
        return new Opened(db, db.openingWarnings(), null, credentials.user());
    }

    /** The advice for a ledger on a network share, if it is on one. */
    public static List<String> networkWarning(Path file) {
        return NetworkShare.of(file).map(type -> List.of(Messages.tr("db.warning.networkShare", file, type)))
                .orElse(List.of());
    }

    private static long sizeOf(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
