package org.duban.persistence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.duban.model.BackupReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The one SQLite file that holds a secretariat's ledger.
 *
 * <p>Opening checks before it writes anything: a file that is not SQLite, an SQLite file of another program,
 * a file written by a newer version of this program, or a damaged file ({@code PRAGMA quick_check}) is refused
 * and left exactly as it was; so is a file or folder that cannot be written. Then the program takes the
 * {@linkplain WriterLock writer lock} (a second copy gets {@link DatabaseInUseException}), and pending numbered
 * migrations run in one transaction, after a backup of the existing file. Foreign keys are on, the journal is
 * WAL with {@code synchronous=FULL}, and a busy timeout covers short contention.
 *
 * <p>All access goes through one connection guarded by a lock: {@link #read} for queries and
 * {@link #write} for changes, which runs in a transaction; a {@code write} inside another joins it, so a
 * service can make several repository calls one all-or-nothing change. A database opened with
 * {@link #openReadOnly} refuses every write with a message.
 */
public final class Database implements AutoCloseable {
    /** {@code PRAGMA application_id} of every Duban database: "DBN1". */
    public static final int APPLICATION_ID = 0x44424E31;
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final Path file;
    private final Connection connection;
    private final boolean readOnly;
    private final ReentrantLock lock = new ReentrantLock();
    private WriterLock writerLock;
    private int transactionDepth;

    private Database(Path file, Connection connection, boolean readOnly) {
        this.file = file;
        this.connection = connection;
        this.readOnly = readOnly;
    }

    /** The schema version this program writes. */
    public static int latestSchemaVersion() {
        return Migrations.latestVersion();
    }

    /**
     * Opens (creating if needed) and migrates the database at {@code file} for reading and writing.
     *
     * @throws DatabaseInUseException when another copy of the program has it open for writing
     * @throws PersistenceException   with a message for the user when the file cannot be used
     */
    public static Database open(Path file) {
        return open(file, Migrations.all());
    }


    /**
     * Opens a ledger to replace its contents with a backup ({@link Backups#restore}): like {@link #open}, but a
     * damaged file is accepted (restoring is how it gets repaired) and nothing is migrated; the restore
     * migrates what it brings in.
     */
    public static Database openForRestore(Path file) {
        return open(file, null);
    }

    /** {@code migrations} null: open for a restore (no soundness check, no migration). */
    static Database open(Path file, List<Migrations.Migration> migrations) {
        Path absolute = file.toAbsolutePath().normalize();
        DatabaseFileChecks.refuseIfNotSqlite(absolute);
        Path parent = absolute.getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new PersistenceException(e, "db.error.cannotCreateFolder", parent);
        }
        DatabaseFileChecks.refuseIfNotWritable(absolute);
        boolean existing = DatabaseFileChecks.sizeOf(absolute) > 0;
        Connection connection = connect(absolute, false);
        Database db = new Database(absolute, connection, false);
        try {
            db.checkOwnership(latestSchemaVersion());
            if (existing && migrations != null) {
                db.refuseIfDamaged(db.check("quick_check"));
            }
            db.writerLock = WriterLock.acquire(absolute);
            db.configure();
            if (migrations != null) {
                db.migrate(migrations);
            }
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * Opens an existing database for reading only: no lock, no migration, no change to the file; every
     * {@link #write} is refused with a message. For a second copy of the program, {@code check} and backups.
     * A file from an older version opens too; {@link #requireCurrentSchema()} tells whether its tables can be read.
     */
    public static Database openReadOnly(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            throw new PersistenceException("db.error.notFound", absolute);
        }
        DatabaseFileChecks.refuseIfNotSqlite(absolute);
        if (DatabaseFileChecks.sizeOf(absolute) == 0) {
            throw new PersistenceException("db.error.empty", absolute);
        }
        Connection connection = connect(absolute, true);
        Database db = new Database(absolute, connection, true);
        try {
            db.checkOwnership(latestSchemaVersion());
            if (db.schemaVersion() == 0) {
                throw new PersistenceException("db.error.empty", absolute);
            }
            return db;
        } catch (RuntimeException e) {
            db.close();
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

    private void checkOwnership(int latest) {
        try (Statement st = connection.createStatement()) {
            int appId = intPragma(st, "application_id");
            int version = intPragma(st, "user_version");
            int objects;
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master")) {
                objects = rs.next() ? rs.getInt(1) : 0;
            }
            boolean empty = objects == 0 && appId == 0 && version == 0;
            if (!empty && appId != APPLICATION_ID) {
                throw new PersistenceException("db.error.notDuban", file);
            }
            if (version > latest) {
                throw new PersistenceException("db.error.newerVersion", file, version, latest);
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e, file);
        }
    }

    private void refuseIfDamaged(List<String> problems) {
        if (!problems.isEmpty()) {
            LOG.warn("{} is damaged: {}", file, problems);
            throw new PersistenceException("db.error.corrupt", file);
        }
    }

    private void configure() {
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("PRAGMA synchronous=FULL");
            // 32 MB of page cache instead of SQLite's 2 MB: a 10,000-task import (one transaction) no longer spills
            // index pages to the log and reads them back, and a large ledger's reads stay in memory.
            st.execute("PRAGMA cache_size=-32768");
        } catch (SQLException e) {
            throw SqlErrors.translate(e, file);
        }
    }

    /** Brings the schema up to date; an existing ledger is backed up first, and refused if that fails. */
    private void migrate(List<Migrations.Migration> migrations) {
        int current = schemaVersion();
        var pending = migrations.stream().filter(m -> m.version() > current).toList();
        if (pending.isEmpty()) {
            return;
        }
        if (current > 0) {
            try {
                BackupFolder.besides(file).write(this, BackupReason.MIGRATION);
            } catch (PersistenceException e) {
                throw new PersistenceException(e, "db.error.backupBeforeMigration", file, e.getLocalizedMessage());
            }
        }
        // SQLite's way to rebuild a table that others point at (V4 rebuilds the roster to widen a CHECK): foreign
        // keys off for the migration (the pragma only takes effect outside a transaction), and every reference
        // checked before the migration commits.
        setForeignKeys(false);
        try {
            write(c -> {
                try (Statement st = c.createStatement()) {
                    // a ledger that some other tool left with dangling rows still opens (check names them);
                    // only a reference the migration itself broke stops it
                    java.util.Set<String> dangling = danglingReferences(st);
                    for (var m : pending) {
                        LOG.info("Applying migration {} to {}", m.name(), file);
                        st.executeUpdate(m.sql());
                    }
                    java.util.Set<String> after = danglingReferences(st);
                    after.removeAll(dangling);
                    if (!after.isEmpty()) {
                        throw new SQLException("A migration left dangling references: " + after);
                    }
                    st.execute("PRAGMA application_id=" + APPLICATION_ID);
                    st.execute("PRAGMA user_version=" + pending.get(pending.size() - 1).version());
                }
                return null;
            });
        } finally {
            setForeignKeys(true);
        }
    }

    private static java.util.Set<String> danglingReferences(Statement st) throws SQLException {
        java.util.Set<String> set = new java.util.HashSet<>();
        try (ResultSet rs = st.executeQuery("PRAGMA foreign_key_check")) {
            while (rs.next()) {
                set.add(rs.getString(1) + "#" + rs.getLong(2) + "->" + rs.getString(3));
            }
        }
        return set;
    }

    private void setForeignKeys(boolean on) {
        lock.lock();
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA foreign_keys=" + (on ? "ON" : "OFF"));
        } catch (SQLException e) {
            throw SqlErrors.translate(e, file);
        } finally {
            lock.unlock();
        }
    }

    /** After a restore brought in an older ledger: the same migrations as at open. */
    void migrateAfterRestore() {
        migrate(Migrations.all());
    }

    private static int intPragma(Statement st, String pragma) throws SQLException {
        try (ResultSet rs = st.executeQuery("PRAGMA " + pragma)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    public Path file() {
        return file;
    }

    /** True when opened with {@link #openReadOnly}: every write is refused. */
    public boolean isReadOnly() {
        return readOnly;
    }

    /** The schema version stored in the file ({@code PRAGMA user_version}). */
    public int schemaVersion() {
        return read(c -> {
            try (Statement st = c.createStatement()) {
                return intPragma(st, "user_version");
            }
        });
    }

    /**
     * For read-only use of the tables: refuses a ledger written by an older version, whose tables this version
     * cannot read until it has been opened once for writing (which upgrades it).
     */
    public void requireCurrentSchema() {
        int version = schemaVersion();
        if (version < latestSchemaVersion()) {
            throw new PersistenceException("db.error.olderVersion", file, version, latestSchemaVersion());
        }
    }

    /**
     * How many rows this connection has inserted, changed or deleted since it was opened ({@code total_changes()}).
     * Only this program writes while it holds the writer lock, so two equal readings mean nothing was written in
     * between: what "undo the last import" asks before it restores the backup taken before the import.
     */
    public long changeCount() {
        return read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT total_changes()")) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        });
    }

    /** SQLite's full {@code PRAGMA integrity_check}: the problems it lists, none when the file is sound. */
    public List<String> integrityCheck() {
        return check("integrity_check");
    }

    private List<String> check(String pragma) {
        return read(c -> {
            List<String> problems = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + pragma)) {
                while (rs.next()) {
                    String line = rs.getString(1);
                    if (!"ok".equals(line)) {
                        problems.add(line);
                    }
                }
            }
            return problems;
        });
    }

    /** Runs a query under the lock. */
    public <T> T read(SqlWork<T> work) {
        lock.lock();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, file);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs a change in a transaction: all of it lands or none of it. Nested calls join the outer
     * transaction, which commits or rolls back as a whole.
     *
     * @throws PersistenceException {@code db.error.readOnlyMode} on a database opened read-only
     */
    public <T> T write(SqlWork<T> work) {
        if (readOnly) {
            throw new PersistenceException("db.error.readOnlyMode", file);
        }
        lock.lock();
        boolean outermost = transactionDepth == 0;
        transactionDepth++;
        try {
            if (outermost) {
                connection.setAutoCommit(false);
            }
            T result = work.run(connection);
            if (outermost) {
                connection.commit();
            }
            return result;
        } catch (SQLException e) {
            if (outermost) {
                rollbackQuietly();
            }
            throw SqlErrors.translate(e, file);
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

    /** Runs several repository calls as one transaction. */
    public void inTransaction(Runnable work) {
        write(c -> {
            work.run();
            return null;
        });
    }

    /**
     * Work on the whole file (a backup copy, a restore) under the lock and outside any transaction: SQLite
     * cannot copy a database from inside a transaction on it.
     *
     * @throws IllegalStateException when called inside {@link #write}: take backups before the transaction
     */
    <T> T exclusive(SqlWork<T> work) {
        lock.lock();
        try {
            if (transactionDepth > 0) {
                throw new IllegalStateException("A backup or restore cannot run inside a transaction");
            }
            return work.run(connection);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, file);
        } finally {
            lock.unlock();
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.warn("Rollback failed on {}", file, e);
        }
    }

    private void restoreAutoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            LOG.warn("Could not leave the transaction on {}", file, e);
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
            if (writerLock != null) {
                writerLock.close();
                writerLock = null;
            }
        } finally {
            lock.unlock();
        }
    }
}
