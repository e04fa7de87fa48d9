package org.duban.persistence;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.duban.persistence.sqlite.DatabaseOpening;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger of a secretariat: one connection to the engine that keeps it, the SQLite file of one seat
 * ({@code persistence.sqlite}) or a shared PostgreSQL database ({@code persistence.postgresql}). What differs between
 * the two is the engine's ({@link LedgerEngine}); the repositories and everything above them see this façade only.
 *
 * <p>Opening a file ({@code sqlite.DatabaseOpening}) checks before it writes anything: a file that is not SQLite, an
 * SQLite file of another program, a file written by a newer version of this program, or a damaged file
 * ({@code PRAGMA quick_check}) is refused and left exactly as it was; so is a file or folder that cannot be written,
 * and an empty (0-byte) file, which only {@link #create} takes as a new ledger. The writer lock comes first, keyed
 * on the file itself (a second copy, by whatever name, gets {@link DatabaseInUseException}); a log left by a crash
 * is kept and examined ({@code WalRecovery}); pending numbered migrations run in one transaction, after a backup of
 * the existing file ({@code FlywayMigrations}).
 * Foreign keys are on, the journal is WAL with {@code synchronous=FULL}, and a busy timeout
 * covers short contention.
 *
 * <p>All access goes through one connection guarded by a lock: {@link #read} for queries and
 * {@link #write} for changes, which runs in a transaction; a {@code write} inside another joins it, so a
 * service can make several repository calls one all-or-nothing change. A database opened with
 * {@link #openReadOnly} refuses every write with a message; it is a WAL reader, which works while another
 * program writes.
 */
public final class Database implements AutoCloseable {
    /** {@code PRAGMA application_id} of every Duban database: "DBN1". */
    public static final int APPLICATION_ID = 0x44424E31;
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final LedgerEngine engine;
    private final Connection connection;
    private final boolean readOnly;
    private final ReentrantLock lock = new ReentrantLock();
    private int transactionDepth;
    private long commits;
    private org.jdbi.v3.core.Jdbi jdbi;
    /** The soundness check an opening left for after the first reads ({@link #openCheckingLater}), or null. */
    private volatile java.util.concurrent.Callable<List<String>> laterCheck;
    /** What lifts the engine's own refusal of writes once the check left for later passed. */
    private volatile SqlWork<?> whenSound;
    private volatile Soundness soundness = Soundness.SOUND;

    /**
     * What is known of the file's soundness. {@link #open} checks before it returns ({@code SOUND}); a window's
     * opening may leave the check until its first rows show ({@link #openCheckingLater}): {@code CHECKING} until
     * {@link #completeCheck} has run it, then {@code SOUND} or {@code DAMAGED}. Only a sound ledger is written.
     */
    public enum Soundness {
        SOUND, CHECKING, DAMAGED
    }

    /**
     * A ledger over {@code connection}, which it owns from now on: for the engine adapters, which open the
     * connection and make the engine.
     */
    public Database(LedgerEngine engine, Connection connection, boolean readOnly) {
        this.engine = engine;
        this.connection = connection;
        this.readOnly = readOnly;
    }

    /** The schema version this program writes. */
    public static int latestSchemaVersion() {
        return Migrations.latestVersion();
    }

    /**
     * Opens and migrates the ledger at {@code file} for reading and writing; a file that does not exist yet is made
     * (callers that must not make one, such as every command but {@code init}, {@code sample} and {@code generate},
     * check first). An empty (0-byte) file is refused: it may be a ledger a failed copy or sync left empty, and only
     * {@link #create} takes it as a new one.
     *
     * @throws DatabaseInUseException when another copy of the program has it open for writing
     * @throws PersistenceException   with a message for the user when the file cannot be used
     */
    public static Database open(Path file) {
        return DatabaseOpening.open(file, Migrations.all(), DatabaseOpening.Purpose.LEDGER);
    }

    /**
     * Like {@link #open}, for the window: when the file needs nothing written before it can be read (its schema is
     * this version's, it is in WAL mode with no log left by a crash, it has its id), its soundness check
     * ({@code PRAGMA quick_check}, seconds on a large ledger) is left for {@link #completeCheck}, which the window
     * runs once its first rows show; until that check has passed, every write is refused
     * ({@link Soundness#CHECKING}). Reading first is safe: reading changes nothing in the file (no migration, no id
     * to give, no log to merge, and SQLite writes a WAL file only in a write transaction), and a damaged page read
     * before the check is reported by SQLite as damage ({@code db.error.corrupt}), not written back. Any other file
     * is checked before this returns, as by {@link #open}.
     */
    public static Database openCheckingLater(Path file) {
        return DatabaseOpening.open(file, Migrations.all(), DatabaseOpening.Purpose.LEDGER, true);
    }

    /**
     * Like {@link #open}, but an empty (0-byte) file is taken as a new ledger: for {@code init}, the welcome and
     * "新建数据库", which the user chose in order to make one.
     */
    public static Database create(Path file) {
        return DatabaseOpening.open(file, Migrations.all(), DatabaseOpening.Purpose.NEW_LEDGER);
    }

    /**
     * Opens a ledger to replace its contents with a backup ({@code Backups#restore}): like {@link #open}, but a
     * damaged or empty file is accepted (restoring is how it gets repaired) and nothing is migrated; the restore
     * brings in a copy already migrated.
     */
    public static Database openForRestore(Path file) {
        return DatabaseOpening.open(file, null, DatabaseOpening.Purpose.RESTORE_TARGET);
    }

    static Database open(Path file, List<Migrations.Migration> migrations) {
        return DatabaseOpening.open(file, migrations, DatabaseOpening.Purpose.LEDGER);
    }

    /**
     * Opens an existing database for reading only: no lock, no migration, no change to the file; every
     * {@link #write} is refused with a message. A WAL reader: it sees what the writer has committed, while a window
     * or another command writes. A file from an older version opens too; {@link #requireCurrentSchema()} tells
     * whether its tables can be read. When no program has the ledger open for writing and a log is left beside it
     * (a crash), the log is kept and examined as by {@link #open}.
     */
    public static Database openReadOnly(Path file) {
        return DatabaseOpening.openReadOnly(file);
    }

    /**
     * Opens the shared ledger at {@code url} ({@code postgresql://host:5432/duban}) on a PostgreSQL server, logging
     * in with {@code credentials}; a new (empty) database is given the ledger's schema, an older one is migrated.
     * The password goes to the driver only: it is in no message and no log.
     *
     * @throws PersistenceException with a message for the user when the server cannot be reached, refuses the login,
     *                              or the database is not a ledger of this version
     */
    public static Database connect(String url, ServerCredentials credentials) {
        return org.duban.persistence.postgresql.PostgresOpening.connect(url, credentials);
    }

    /**
     * What the user should read about this opening: saved changes that a damaged log lost, with where its copy
     * is kept. Empty on almost every opening.
     */
    public List<String> openingWarnings() {
        return List.copyOf(engine.openingWarnings());
    }

    /**
     * Copies what the log holds into the database file and empties the log, so that committed work does not wait
     * there for SQLite's automatic checkpoint (a damaged log could take it with it). Called after every change of
     * many rows: an import, returns, the sample, a restore, a generated ledger. A reader still using the log leaves
     * it for later: the work is committed either way. Inside a transaction it does nothing; on a server, nothing.
     */
    public void checkpoint() {
        lock.lock();
        try {
            if (readOnly || soundness != Soundness.SOUND || transactionDepth > 0) {
                return; // inside a larger change: its end is the place; an unchecked file is not touched
            }
            engine.checkpoint(connection);
        } catch (SQLException e) {
            throw engine.translate(e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Keeps the page cache of this connection to {@code kib} KiB (SQLite's own default is 2 MB), for a command that
     * reads the ledger about once (the handouts, the meeting pack): the 32 MB the opening gives a ledger's connection
     * (for an import's one large transaction and the window's repeated reads) would only hold pages it does not read
     * again, and count in its peak memory (issue 24). On a server, nothing.
     */
    public void limitPageCache(int kib) {
        lock.lock();
        try {
            engine.limitPageCache(connection, kib);
        } catch (SQLException e) {
            throw engine.translate(e);
        } finally {
            lock.unlock();
        }
    }

    /** The ledger's file; null for a ledger on a server ({@link #location()} names both). */
    public Path file() {
        return engine.file();
    }

    /**
     * For the engine adapters: leaves the soundness check {@code check} (its problems, none when sound) for
     * {@link #completeCheck}; writes are refused until then, here and by the engine (SQLite: {@code query_only}),
     * whose refusal {@code whenSound} lifts, on this connection, once the check passed.
     */
    public void checkLater(java.util.concurrent.Callable<List<String>> check, SqlWork<?> whenSound) {
        this.laterCheck = check;
        this.whenSound = whenSound;
        soundness = Soundness.CHECKING;
    }

    /** See {@link Soundness}. */
    public Soundness soundness() {
        return soundness;
    }

    /**
     * Runs the soundness check the opening left for later (on a connection of its own: reads go on meanwhile) and
     * records what it found; once it passed, writes are allowed. Its problems, none when sound; nothing when no check
     * was left. Called once, off the FX thread.
     */
    public List<String> completeCheck() {
        java.util.concurrent.Callable<List<String>> check = laterCheck;
        if (check == null) {
            return soundness == Soundness.DAMAGED ? List.of("damaged") : List.of();
        }
        List<String> problems;
        try {
            problems = List.copyOf(check.call());
        } catch (PersistenceException e) {
            if (!"db.error.corrupt".equals(e.key())) {
                throw e; // the check could not run: still unchecked, still not written
            }
            problems = List.of(e.getMessage() == null ? "damaged" : e.getMessage());
        } catch (Exception e) {
            throw new PersistenceException(e, "db.error.checkFailed", location(), e.getMessage());
        }
        if (problems.isEmpty()) {
            read(whenSound); // the engine takes writes again, then this façade does
            soundness = Soundness.SOUND;
        } else {
            LOG.warn("{} is damaged: {}", location(), problems);
            soundness = Soundness.DAMAGED;
        }
        laterCheck = null;
        return problems;
    }

    /**
     * Refuses, with the user's message, a restore into a ledger opened read-only or one whose soundness check is still
     * to run. A ledger whose check found it damaged may be restored: that is how it gets repaired
     * ({@code Backups#restore}, then {@link #repaired}).
     */
    public void requireRestorable() {
        if (soundness == Soundness.DAMAGED && !readOnly) {
            return;
        }
        requireWritable();
    }

    /**
     * A restore replaced the contents of a ledger found damaged with a copy that passed its own check: the ledger
     * takes writes again, here and in the engine. Nothing happens to a ledger that was not found damaged.
     */
    public void repaired() {
        if (soundness != Soundness.DAMAGED) {
            return;
        }
        if (whenSound != null) {
            read(whenSound);
        }
        LOG.info("{} was restored from a checked copy; writes are allowed again", location());
        soundness = Soundness.SOUND;
    }

    /**
     * Refuses, with the user's message, what would change a ledger opened read-only, or one whose soundness check
     * has not passed ({@link Soundness}).
     */
    public void requireWritable() {
        if (readOnly) {
            // a file is read-only because another window holds it; a shared ledger because the login may only read
            throw new PersistenceException(isShared() ? "db.error.server.readOnlyRole" : "db.error.readOnlyMode",
                    location());
        }
        Soundness s = soundness;
        if (s == Soundness.CHECKING) {
            throw new PersistenceException("db.error.checkPending", location());
        }
        if (s == Soundness.DAMAGED) {
            throw new PersistenceException("db.error.corrupt", location());
        }
    }

    /** Where the ledger is, for messages: the file's path, or the server's URL (never with a password). */
    public String location() {
        return engine.location();
    }

    /** The engine, for the engine-neutral work of this package that needs one of its hooks. */
    LedgerEngine engine() {
        return engine;
    }

    /** True for a ledger on a server (PostgreSQL), false for the SQLite file. */
    public boolean isShared() {
        return engine.file() == null;
    }

    /** True when opened with {@link #openReadOnly}: every write is refused. */
    public boolean isReadOnly() {
        return readOnly;
    }

    /** The schema version the ledger holds ({@code PRAGMA user_version} in a file). */
    public int schemaVersion() {
        return read(engine::schemaVersion);
    }

    /**
     * For read-only use of the tables: refuses a ledger written by an older version, whose tables this version
     * cannot read until it has been opened once for writing (which upgrades it).
     */
    public void requireCurrentSchema() {
        int version = schemaVersion();
        if (version < latestSchemaVersion()) {
            throw new PersistenceException("db.error.olderVersion", location(), version, latestSchemaVersion());
        }
    }

    /**
     * How many rows this connection has inserted, changed or deleted since it was opened ({@code total_changes()}).
     * Only this program writes while it holds the writer lock, so two equal readings mean nothing was written in
     * between: what "undo the last import" asks before it restores the backup taken before the import.
     */
    public long changeCount() {
        return read(c -> engine.changeCount(c, commits));
    }

    /** The engine's full soundness check ({@code PRAGMA integrity_check}): its problems, none when sound. */
    public List<String> integrityCheck() {
        return read(engine::integrityCheck);
    }

    /** Runs a query under the lock with a JDBI handle on this connection ({@link JdbiSupport}). */
    <T> T query(JdbiSupport.HandleWork<T> work) {
        return read(c -> JdbiSupport.with(jdbi(), work));
    }

    /** Runs a change like {@link #write} with a JDBI handle on this connection, in (or joining) its transaction. */
    <T> T update(JdbiSupport.HandleWork<T> work) {
        return write(c -> JdbiSupport.with(jdbi(), work));
    }

    private org.jdbi.v3.core.Jdbi jdbi() {
        if (jdbi == null) { // under the lock: read and write hold it
            jdbi = JdbiSupport.over(() -> connection);
        }
        return jdbi;
    }

    /** Runs a query under the lock. */
    public <T> T read(SqlWork<T> work) {
        lock.lock();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw engine.translate(e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs a change in a transaction: all of it lands or none of it. Nested calls join the outer
     * transaction, which commits or rolls back as a whole.
     *
     * @throws PersistenceException {@code db.error.readOnlyMode} on a database opened read-only;
     *                              {@code db.error.checkPending} before its soundness check passed,
     *                              {@code db.error.corrupt} when it failed ({@link #requireWritable})
     */
    public <T> T write(SqlWork<T> work) {
        requireWritable();
        lock.lock();
        boolean outermost = transactionDepth == 0;
        transactionDepth++;
        try {
            if (outermost) {
                connection.setAutoCommit(false);
                engine.beginWrite(connection);
            }
            T result = work.run(connection);
            if (outermost) {
                connection.commit();
                commits++;
            }
            return result;
        } catch (SQLException e) {
            if (outermost) {
                rollbackQuietly();
            }
            throw engine.translate(e);
        } catch (RuntimeException | Error e) {
            if (outermost) {
                rollbackQuietly();
            }
            throw e;
        } finally {
            transactionDepth--;
            if (outermost) {
                restoreAutoCommit();
            }
            lock.unlock();
        }
    }

    /**
     * {@link #write} for one change of thousands of rows (a task import): the engine may work otherwise for its
     * length ({@link LedgerEngine#beginBulkWrite}), and goes back to its usual ways after it, committed or not. Inside
     * another transaction it joins that one as {@link #write} does, without changing anything.
     */
    public <T> T writeMany(SqlWork<T> work) {
        requireWritable();
        lock.lock();
        try {
            if (transactionDepth > 0) {
                return write(work);
            }
            engine.beginBulkWrite(connection);
            try {
                return write(work);
            } finally {
                engine.endBulkWrite(connection);
            }
        } catch (SQLException e) {
            throw engine.translate(e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs several repository calls as one transaction. */
    public void inTransaction(Runnable work) {
        write(c -> {
            work.run();
            return null;
        });
    }

    /**
     * Work on the whole file (a backup copy, a restore) under the lock and outside any transaction: SQLite
     * cannot copy a database from inside a transaction on it. For the engine adapters.
     *
     * @throws IllegalStateException when called inside {@link #write}: take backups before the transaction
     */
    public <T> T exclusive(SqlWork<T> work) {
        lock.lock();
        try {
            if (transactionDepth > 0) {
                throw new IllegalStateException("A backup or restore cannot run inside a transaction");
            }
            return work.run(connection);
        } catch (SQLException e) {
            throw engine.translate(e);
        } finally {
            lock.unlock();
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.warn("Rollback failed on {}", location(), e);
        }
    }

    private void restoreAutoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            LOG.warn("Could not leave the transaction on {}", location(), e);
        }
    }

    /** Whether {@link #close} has been called (a background reader such as the seats' watcher stops then). */
    public boolean isClosed() {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.warn("Closing the connection failed", e);
            }
            engine.close();
        } finally {
            lock.unlock();
        }
    }
}
