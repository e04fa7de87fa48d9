package org.duban.persistence.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.duban.io.Leftovers;
import org.duban.persistence.Database;
import org.duban.persistence.LedgerIdentity;
import org.duban.persistence.Migrations;
import org.duban.persistence.PersistenceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The care of the SQLite file around opening it, in this order, for {@link Database}'s ways of opening:
 * <ol>
 *   <li>checks that need no SQLite: a folder, not SQLite at all, an empty file where none is welcome, a file or
 *       folder that cannot be written;</li>
 *   <li>the {@linkplain WriterLock writer lock}, before SQLite or anything else touches the file;</li>
 *   <li>whose file it is (Duban's, not newer than this version) and {@code quick_check}, on a read-only
 *       connection: SQLite merges a log into the database when the last connection that may write closes, which
 *       for another program's file would be a change;</li>
 *   <li>a log left by a crash, kept and examined ({@link WalRecovery});</li>
 *   <li>the connection that writes: WAL, {@code synchronous=FULL}, foreign keys; pending migrations in one
 *       transaction after a backup ({@link FlywayMigrations}); the ledger's id ({@link LedgerIdentity}).</li>
 * </ol>
 *
 * <p>For the window ({@link Database#openCheckingLater}) the {@code quick_check} of step 3 waits until the first rows
 * show, when nothing before then would write: the schema is this version's (no migration), the file is in WAL mode
 * already ({@code journal_mode=WAL} changes nothing), no log is left beside it (nothing to recover or merge), and it
 * has its id. The ledger is then opened with every write refused until {@link Database#completeCheck} has run the
 * check on a read-only connection of its own and it passed; a file that fails it is never written.
 */
public final class DatabaseOpening {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseOpening.class);

    /** What an opening is for: what it accepts and what it does beyond opening. */
    public enum Purpose {
        /** A ledger in use. */
        LEDGER,
        /** A ledger the user chose to make: an empty file is welcome. */
        NEW_LEDGER,
        /** A ledger about to be replaced by a backup: damaged or empty files too, no migration. */
        RESTORE_TARGET,
        /** A restore's staged copy of a backup ({@link Backups#restore}). */
        CANDIDATE;

        boolean acceptsEmpty() {
            return this == NEW_LEDGER || this == RESTORE_TARGET;
        }

        boolean isLedger() {
            return this != CANDIDATE;
        }
    }

    private DatabaseOpening() {
    }

    /** {@code migrations} null: open for a restore (no soundness check, no migration). */
    public static Database open(Path file, List<Migrations.Migration> migrations, Purpose purpose) {
        return open(file, migrations, purpose, false);
    }

    /**
     * As {@link #open(Path, List, Purpose)}; with {@code checkLater}, the {@code quick_check} of a file that needs
     * nothing written before it is read is left for {@link Database#completeCheck} (see the class comment).
     */
    public static Database open(Path file, List<Migrations.Migration> migrations, Purpose purpose,
                                boolean checkLater) {
        Path absolute = file.toAbsolutePath().normalize();
        DatabaseFileChecks.refuseIfNotSqlite(absolute);
        boolean exists = Files.exists(absolute);
        boolean existing = DatabaseFileChecks.sizeOf(absolute) > 0;
        if (exists && !existing && !purpose.acceptsEmpty()) {
            throw new PersistenceException("db.error.empty", absolute);
        }
        Path parent = absolute.getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new PersistenceException(e, "db.error.cannotCreateFolder", parent);
        }
        DatabaseFileChecks.refuseIfNotWritable(absolute);
        // The lock before anything else: a second program (by whatever name it reached the file) is told "in use",
        // not what it would make of the first one's half-made file.
        WriterLock writerLock = WriterLock.acquire(absolute);
        Database db = null;
        try {
            if (purpose.isLedger()) { // the start of this ledger's work: what a killed run left in its backups
                Leftovers.removeOrphans(BackupFolder.besides(absolute).path(), Backups.TEMP_GLOB);
            }
            boolean deferred = false;
            if (existing) {
                DatabaseFileChecks.SideFiles side = DatabaseFileChecks.SideFiles.before(absolute);
                try {
                    deferred = checkBeforeWriting(absolute, migrations != null,
                            checkLater && migrations != null && purpose == Purpose.LEDGER,
                            purpose == Purpose.RESTORE_TARGET);
                } catch (RuntimeException e) {
                    side.removeNew();
                    throw e;
                }
            }
            Optional<WalRecovery.Kept> kept = existing && purpose.isLedger()
                    ? WalRecovery.keep(absolute, Clock.systemDefaultZone()) : Optional.empty();
            SqliteEngine engine = new SqliteEngine(absolute);
            db = new Database(engine, connect(absolute, false), false);
            if (deferred) { // before anything could write: every write is refused until the check passed
                db.checkLater(() -> quickCheck(absolute), c -> queryOnly(c, false));
            }
            writerLock.bindIdentity(absolute); // a new file exists now
            engine.hold(writerLock, purpose == Purpose.CANDIDATE);
            kept.flatMap(WalRecovery::examine).ifPresent(engine::noteDroppedLog);
            configure(db, purpose == Purpose.RESTORE_TARGET);
            if (migrations != null) {
                FlywayMigrations.migrate(db, migrations, purpose.isLedger());
            }
            if (migrations != null && purpose.isLedger()) {
                LedgerIdentity.ensure(db);
            }
            if (deferred) { // and SQLite refuses them too, whatever path a write would take, until the check passed
                db.read(c -> queryOnly(c, true));
            }
            return db;
        } catch (RuntimeException e) {
            if (db != null) {
                db.close();
            } else {
                writerLock.closeAndRemoveIfNew(); // a refused file keeps nothing of this visit
            }
            throw e;
        }
    }

    /**
     * The checks of an existing file before writing, on a connection that cannot write. With {@code mayDefer}, the
     * {@code quick_check} is not run when nothing would be written before a later check (the class comment): true
     * then, and the caller leaves it to {@link Database#completeCheck}.
     */
    private static boolean checkBeforeWriting(Path file, boolean quickCheck, boolean mayDefer,
                                              boolean damageAccepted) {
        try (Database probe = new Database(new SqliteEngine(file), connect(file, true), true)) {
            try {
                checkOwnership(probe);
            } catch (PersistenceException e) {
                if (!damageAccepted || !"db.error.corrupt".equals(e.key())) {
                    throw e;
                }
                // too damaged to tell whose it is: a restore replaces it, and keeps it byte for byte first
                LOG.warn("{} is too damaged to read its header tables; opening it to be restored", file, e);
                return false;
            }
            if (quickCheck && mayDefer && readsWriteNothing(probe)) {
                return true;
            }
            if (quickCheck) {
                List<String> problems = probe.read(c -> SqliteEngine.check(c, "quick_check"));
                if (!problems.isEmpty()) {
                    LOG.warn("{} is damaged: {}", file, problems);
                    throw new PersistenceException("db.error.corrupt", file);
                }
            }
            return false;
        }
    }

    /**
     * Whether opening {@code probe}'s file for writing and reading it writes nothing: this version's schema (no
     * migration, Flyway's history at the same version), WAL mode already (the file header's read and write versions
     * are 2), no log beside it, its id set.
     */
    private static boolean readsWriteNothing(Database probe) {
        Path file = probe.file();
        int version = probe.schemaVersion();
        if (WalRecovery.walSize(file) > 0 || version != Database.latestSchemaVersion()
                || !FlywayMigrations.historyExists(probe) || FlywayMigrations.historyVersion(probe) != version) {
            return false; // a log to recover, or a migration or Flyway's baseline to write
        }
        byte[] header = new byte[20];
        try (java.io.InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(header, 0, header.length) < header.length || header[18] != 2 || header[19] != 2) {
                return false;
            }
        } catch (IOException e) {
            return false;
        }
        return LedgerIdentity.of(probe).isPresent();
    }

    /** SQLite's {@code query_only} on this connection: with it on, every statement that would write fails. */
    private static Void queryOnly(Connection c, boolean on) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA query_only = " + (on ? 1 : 0));
        }
        return null;
    }

    /** {@code quick_check} of {@code file} on a read-only connection of its own: its problems, none when sound. */
    private static List<String> quickCheck(Path file) {
        try (Database probe = new Database(new SqliteEngine(file), connect(file, true), true)) {
            return probe.read(c -> SqliteEngine.check(c, "quick_check"));
        }
    }

    /** See {@link Database#openReadOnly}. */
    public static Database openReadOnly(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            throw new PersistenceException("db.error.notFound", absolute);
        }
        DatabaseFileChecks.refuseIfNotSqlite(absolute);
        if (DatabaseFileChecks.sizeOf(absolute) == 0) {
            throw new PersistenceException("db.error.empty", absolute);
        }
        DatabaseFileChecks.SideFiles side = DatabaseFileChecks.SideFiles.before(absolute);
        Optional<WalRecovery.Kept> kept = Optional.empty();
        // A log beside a ledger nobody writes is a crash's leftover; beside one being written it is the writer's own.
        if (WalRecovery.walSize(absolute) > 0 && !WriterLock.heldElsewhere(absolute)) {
            try {
                kept = WalRecovery.keep(absolute, Clock.systemDefaultZone());
            } catch (PersistenceException e) {
                LOG.warn("Could not keep the log beside {} (reading goes on; the file is not changed)", absolute, e);
            }
        }
        Database db = null;
        try {
            SqliteEngine engine = new SqliteEngine(absolute);
            db = new Database(engine, connect(absolute, true), true);
            checkOwnership(db);
            if (db.schemaVersion() == 0) {
                throw new PersistenceException("db.error.empty", absolute);
            }
            kept.flatMap(WalRecovery::examine).ifPresent(engine::noteDroppedLog);
            return db;
        } catch (RuntimeException e) {
            if (db != null) {
                db.close();
            }
            side.removeNew();
            throw e;
        }
    }

    private static Connection connect(Path file, boolean readOnly) {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout(5000);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setReadOnly(readOnly);
        config.setGetGeneratedKeys(false); // Rows.insert reads the row id where one is wanted
        try {
            return DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
        } catch (SQLException e) {
            throw SqlErrors.translate(e, file);
        }
    }

    /** A Duban ledger (or an empty SQLite file), not written by a newer version. */
    private static void checkOwnership(Database db) {
        db.read(c -> {
            try (Statement st = c.createStatement()) {
                int appId = intPragma(st, "application_id");
                int version = intPragma(st, "user_version");
                int objects;
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master")) {
                    objects = rs.next() ? rs.getInt(1) : 0;
                }
                boolean empty = objects == 0 && appId == 0 && version == 0;
                if (!empty && appId != Database.APPLICATION_ID) {
                    throw new PersistenceException("db.error.notDuban", db.file());
                }
                int latest = Database.latestSchemaVersion();
                if (version > latest) {
                    throw new PersistenceException("db.error.newerVersion", db.file(), version, latest);
                }
            }
            return null;
        });
    }

    /** WAL, full sync, a larger cache; on a file to be restored that is too damaged for them, as it is. */
    private static void configure(Database db, boolean damageAccepted) {
        try {
            configure(db);
        } catch (PersistenceException e) {
            if (!damageAccepted || !"db.error.corrupt".equals(e.key())) {
                throw e;
            }
            LOG.warn("{} is too damaged to configure; the restore replaces it", db.file(), e);
        }
    }

    private static void configure(Database db) {
        db.read(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA synchronous=FULL");
                // 32 MB of page cache instead of SQLite's 2 MB: a 10,000-task import (one transaction) no longer
                // spills index pages to the log and reads them back, and a large ledger's reads stay in memory.
                st.execute("PRAGMA cache_size=-32768");
            }
            return null;
        });
    }

    private static int intPragma(Statement st, String pragma) throws SQLException {
        try (ResultSet rs = st.executeQuery("PRAGMA " + pragma)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
