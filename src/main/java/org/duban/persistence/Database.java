package org.duban.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The one SQLite file that holds a secretariat's ledger.
 *
 * <p>Opening checks before it writes anything: a file that is not SQLite, an SQLite file of another program,
 * or a file written by a newer version of this program is refused and left exactly as it was. Then the
 * numbered migrations run in one transaction. Foreign keys are on, the journal is WAL with
 * {@code synchronous=FULL}, and a busy timeout covers short contention.
 *
 * <p>All access goes through one connection guarded by a lock: {@link #read} for queries and
 * {@link #write} for changes, which runs in a transaction; a {@code write} inside another joins it, so a
 * service can make several repository calls one all-or-nothing change.
 */
public final class Database implements AutoCloseable {
    /** {@code PRAGMA application_id} of every Duban database: "DBN1". */
    public static final int APPLICATION_ID = 0x44424E31;
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private int transactionDepth;

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** The schema version this program writes. */
    public static int latestSchemaVersion() {
        return Migrations.latestVersion();
    }

    /**
     * Opens (creating if needed) and migrates the database at {@code file}.
     *
     * @throws PersistenceException with a message for the user when the file cannot be used
     */
    public static Database open(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        refuseIfNotSqlite(absolute);
        try {
            Path parent = absolute.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new PersistenceException(e, "db.error.cannotCreateFolder", absolute.getParent());
        }
        Connection connection = connect(absolute);
        try {
            Database db = new Database(absolute, connection);
            db.checkOwnership();
            db.configure();
            db.migrate();
            return db;
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private static void refuseIfNotSqlite(Path file) {
        if (!Files.exists(file)) {
            return;
        }
        if (Files.isDirectory(file)) {
            throw new PersistenceException("db.error.isFolder", file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(SQLITE_HEADER.length);
            if (head.length == 0) {
                return; // an empty file is an empty database: SQLite itself treats it so
            }
            if (!Arrays.equals(head, SQLITE_HEADER)) {
                throw new PersistenceException("db.error.notDuban", file);
            }
        } catch (IOException e) {
            throw new PersistenceException(e, "db.error.cannotRead", file, e.getMessage());
        }
    }

    private static Connection connect(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout(5000);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        try {
            return DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
        } catch (SQLException e) {
            throw translate(e, file);
        }
    }

    private void checkOwnership() {
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
            if (version > latestSchemaVersion()) {
                throw new PersistenceException("db.error.newerVersion", file, version, latestSchemaVersion());
            }
        } catch (SQLException e) {
            throw translate(e, file);
        }
    }

    private void configure() {
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("PRAGMA synchronous=FULL");
        } catch (SQLException e) {
            throw translate(e, file);
        }
    }

    private void migrate() {
        int current = schemaVersion();
        var pending = Migrations.all().stream().filter(m -> m.version() > current).toList();
        if (pending.isEmpty()) {
            return;
        }
        write(c -> {
            try (Statement st = c.createStatement()) {
                for (var m : pending) {
                    LOG.info("Applying migration {} to {}", m.name(), file);
                    st.executeUpdate(m.sql());
                }
                st.execute("PRAGMA application_id=" + APPLICATION_ID);
                st.execute("PRAGMA user_version=" + pending.get(pending.size() - 1).version());
            }
            return null;
        });
    }

    private static int intPragma(Statement st, String pragma) throws SQLException {
        try (ResultSet rs = st.executeQuery("PRAGMA " + pragma)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    public Path file() {
        return file;
    }

    /** The schema version stored in the file ({@code PRAGMA user_version}). */
    public int schemaVersion() {
        return read(c -> {
            try (Statement st = c.createStatement()) {
                return intPragma(st, "user_version");
            }
        });
    }

    /** Runs a query under the lock. */
    public <T> T read(SqlWork<T> work) {
        lock.lock();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw translate(e, file);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs a change in a transaction: all of it lands or none of it. Nested calls join the outer
     * transaction, which commits or rolls back as a whole.
     */
    public <T> T write(SqlWork<T> work) {
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
            throw translate(e, file);
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

    /** Turns a driver error into a message the user can act on. */
    static PersistenceException translate(SQLException e, Path file) {
        LOG.debug("SQL error on {}", file, e);
        if (e instanceof SQLiteException se) {
            SQLiteErrorCode code = se.getResultCode();
            switch (code.code & 0xff) {
                case 5, 6 -> { // SQLITE_BUSY, SQLITE_LOCKED
                    return new PersistenceException(e, "db.error.busy", file);
                }
                case 8 -> { // SQLITE_READONLY
                    return new PersistenceException(e, "db.error.readOnly", file);
                }
                case 13 -> { // SQLITE_FULL
                    return new PersistenceException(e, "db.error.diskFull", file);
                }
                case 11, 26 -> { // SQLITE_CORRUPT, SQLITE_NOTADB
                    return new PersistenceException(e, "db.error.corrupt", file);
                }
                case 14, 10 -> { // SQLITE_CANTOPEN, SQLITE_IOERR
                    return new PersistenceException(e, "db.error.cannotOpen", file);
                }
                case 19 -> { // SQLITE_CONSTRAINT
                    return new PersistenceException(e, "db.error.constraint", se.getMessage());
                }
                default -> {
                }
            }
        }
        return new PersistenceException(e, "db.error.generic", file, e.getMessage());
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            LOG.warn("Closing the connection failed", e);
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closeQuietly(connection);
        } finally {
            lock.unlock();
        }
    }
}
