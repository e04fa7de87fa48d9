package org.duban.persistence;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What {@link Database} leaves to the engine that keeps the ledger: the SQLite file
 * ({@code persistence.sqlite.SqliteEngine}) or a PostgreSQL database ({@code persistence.postgresql.PostgresEngine}).
 * Everything else (reading, writing, transactions, the repositories' SQL) is the same on both.
 *
 * <p>For the engine adapters only: the layers above persistence open a ledger through {@link Database}'s static
 * methods and never see an engine.
 */
public interface LedgerEngine {
    /** The ledger's file, or null for a ledger on a server. */
    Path file();

    /** Where the ledger is, for messages and logs: the file's path, or a server URL without any password. */
    String location();

    /** The schema version the ledger holds. */
    int schemaVersion(Connection c) throws SQLException;

    /**
     * Puts committed work where a crash cannot take it (SQLite: the log into the file). Called outside any
     * transaction; an engine with nothing to do does nothing.
     */
    default void checkpoint(Connection c) throws SQLException {
        // nothing to do
    }

    /**
     * Keeps this connection's page cache to at most {@code kib} KiB, releasing what it holds beyond that (an engine
     * without a per-connection cache of its own, as a server's, does nothing).
     */
    default void limitPageCache(Connection c, int kib) throws SQLException {
        // nothing to do
    }

    /**
     * First thing in every change's transaction ({@link Database#write}, outermost): what makes the writers of one
     * ledger take turns where the engine does not already. The audit chain ({@link AuditChain}) reads the newest
     * row and appends after it, so two transactions appending at once must not both read the same newest row.
     * SQLite has one writer per file (the writer lock): nothing to do.
     */
    default void beginWrite(Connection c) throws SQLException {
        // one writer already
    }

    /**
     * Before the transaction of one change of thousands of rows ({@link Database#writeMany}), outside it: settings for
     * its length, which {@link #endBulkWrite} takes back. Nothing by default.
     */
    default void beginBulkWrite(Connection c) throws SQLException {
        // nothing to change
    }

    /** After that transaction ended, committed or rolled back: the settings {@link #beginBulkWrite} changed, back. */
    default void endBulkWrite(Connection c) throws SQLException {
        // nothing changed
    }

    /** The engine's own soundness check: the problems it lists, none when the ledger is sound. */
    List<String> integrityCheck(Connection c) throws SQLException;

    /**
     * A number that grows with every change this connection makes (SQLite: {@code total_changes()});
     * {@code commits} is how many changes {@link Database#write} committed on it, for an engine that keeps no count.
     */
    long changeCount(Connection c, long commits) throws SQLException;

    /** A driver error in the user's words. */
    PersistenceException translate(SQLException e);

    /**
     * After rows came in with their own ids ({@link LedgerCopy}), in the same transaction: the ids the engine hands out
     * next come after them. SQLite takes the next rowid after the largest by itself.
     */
    default void idsTaken(Connection c) throws SQLException {
        // nothing to do
    }

    /**
     * The ids of {@code n} new rows of {@code table} (key column {@code id}), in order, for a change that gives its
     * rows their ids itself (so a batch needs no key read back per row), inside its transaction, which holds the
     * writers' turn ({@link #beginWrite}). By default the ones SQLite gives rows of a table without AUTOINCREMENT by
     * itself: on from one more than the largest id. {@code table} is one of the schema's, never the user's text.
     */
    default long[] newIds(Connection c, String table, int n) throws SQLException {
        long first;
        try (java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT coalesce(max(id), 0) + 1 FROM " + table)) {
            rs.next();
            first = rs.getLong(1);
        }
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = first + i;
        }
        return ids;
    }

    /**
     * After a copy into this ledger failed (its rows already rolled back), inside a transaction: removes what this
     * opening made, when it made the ledger's schema in an empty database, so that the database is left as it was.
     * A ledger that existed before the opening is left alone; so is a new file, which its maker deletes whole.
     */
    default void discardMadeOnOpening(Connection c) throws SQLException {
        // nothing made that a file's removal does not take
    }

    /** What the user should read about this opening; empty on almost every opening. */
    default List<String> openingWarnings() {
        return List.of();
    }

    /** After the connection has closed: lets go of what the engine holds besides it (a lock). */
    default void close() {
        // nothing held
    }
}
