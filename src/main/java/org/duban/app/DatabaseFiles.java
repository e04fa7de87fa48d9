package org.duban.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.duban.i18n.LocalizedException;
import org.duban.persistence.Database;
import org.duban.service.Services;
import org.duban.service.sample.SampleMeeting;
import org.duban.ui.welcome.WelcomeChoice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * New ledger files: the one place where a database file is made and gets its first content, for the welcome
 * on first start and for "新建数据库" in the settings. Runs off the FX thread.
 */
public final class DatabaseFiles {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseFiles.class);

    private DatabaseFiles() {
    }

    /**
     * Creates {@code file} with the sample meeting (and the default roster) or with the default roster only.
     * If anything fails, the half-made file is removed again, so the next start offers the welcome anew.
     *
     * An empty (0-byte) file is taken over: the user chose to make a ledger there.
     *
     * @throws LocalizedException when the file already exists with content (it is left untouched) or cannot be made
     */
    public static Database create(Path file, WelcomeChoice choice) {
        Path target = file.toAbsolutePath().normalize();
        if (holdsSomething(target)) {
            throw new LocalizedException("database.error.exists", target);
        }
        Database db = null;
        try {
            db = Database.create(target);
            Services services = Services.over(db);
            if (choice == WelcomeChoice.SAMPLE) {
                SampleMeeting.load(services);
            } else {
                services.roster().ensureDefaultRoster();
            }
            LOG.info("Created {} ({})", target, choice);
            return db;
        } catch (RuntimeException e) {
            if (db != null) {
                db.close();
            }
            removeHalfMade(target);
            throw e;
        }
    }

    /** True when {@code file} exists and is not empty: not a place to make a new ledger. */
    static boolean holdsSomething(Path file) {
        try {
            return Files.exists(file) && (!Files.isRegularFile(file) || Files.size(file) > 0);
        } catch (IOException e) {
            return true;
        }
    }

    /** A file just made, as {@link LedgerOpener} hands out opened ledgers: with the network-share advice. */
    public static LedgerOpener.Opened opened(Database db) {
        return new LedgerOpener.Opened(db, LedgerOpener.networkWarning(db.file()), null);
    }

    private static void removeHalfMade(Path file) {
        for (String suffix : new String[] {"-wal", "-shm", ""}) {
            Path p = file.resolveSibling(file.getFileName() + suffix);
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                LOG.warn("Could not remove the half-made {}", p, e);
            }
        }
    }
}
