package org.duban.persistence.postgresql;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.duban.persistence.LedgerEngine;
import org.duban.persistence.PersistenceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A shared ledger in a PostgreSQL database as {@link org.duban.persistence.Database}'s engine: the schema version is
 * Flyway's history, there is no file to checkpoint, and the server's SQLSTATEs become the user's words.
 */
public final class PostgresEngine implements LedgerEngine {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresEngine.class);

    private final String location;
    private final boolean schemaMadeOnOpening;

    PostgresEngine(String location) {
        this(location, false);
    }

    /** {@code schemaMadeOnOpening}: the opening found an empty database and Flyway made the ledger's schema in it. */
    PostgresEngine(String location, boolean schemaMadeOnOpening) {
        this.location = location;
        this.schemaMadeOnOpening = schemaMadeOnOpening;
    }

    @Override
    public Path file() {
        return null;
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public int schemaVersion(Connection c) throws SQLException {
        return PostgresOpening.historyVersion(c);
    }

    /**
     * The writers' turn on a shared ledger: every change of every seat takes the transaction-scoped advisory lock
     * ({@code pg_advisory_xact_lock}) keyed {@code (APPLICATION_ID "DBN1", 1)} before its first statement, and the
     * server lets it go at commit or rollback. So changes of several seats run one after another, as on SQLite's
     * single writer, and each one reads what the one before committed (READ COMMITTED: every statement sees what
     * was committed when it began, and it begins after the turn was given): the audit chain's newest row
     * ({@code AuditChain.append}), the first free ids of a bulk load ({@code BulkInsert}), the next number of a
     * task in its meeting. A change that waits for its turn waits for the other seat's commit (milliseconds; no
     * timeout, as a row lock would wait). Reads take no turn. Flyway's own lock uses a single bigint key, which
     * never equals a two-int key.
     */
    @Override
    public void beginWrite(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SELECT pg_advisory_xact_lock(" + org.duban.persistence.Database.APPLICATION_ID + ", 1)");
        }
    }

    /**
     * The schema this opening made in an empty database, dropped: every table of the current schema (the ledger's and
     * Flyway's history; the database had none before, or the opening would have refused it as not a ledger) and the
     * two trigger functions of {@code V8__ledger_schema.sql}. Transactional DDL: all of it goes, or none.
     */
    @Override
    public void discardMadeOnOpening(Connection c) throws SQLException {
        if (!schemaMadeOnOpening) {
            return;
        }
        List<String> tables = new java.util.ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")) {
            while (rs.next()) {
                tables.add(PostgresIdentities.quote(rs.getString(1)));
            }
        }
        try (Statement st = c.createStatement()) {
            if (!tables.isEmpty()) {
                st.execute("DROP TABLE " + String.join(", ", tables) + " CASCADE");
            }
            st.execute("DROP FUNCTION IF EXISTS audit_log_refuse_change(), audit_log_require_hash()");
        }
        LOG.info("Removed the schema made on opening {} after a copy into it failed", location);
    }

    @Override
    public List<String> integrityCheck(Connection c) throws SQLException {
        // The server keeps its own pages sound; what a ledger can lose is a guard: the audit trail's triggers.
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT count(*) FROM pg_trigger t JOIN pg_class r ON r.oid = t.tgrelid "
                        + "WHERE r.relname = 'audit_log' AND NOT t.tgisinternal AND t.tgenabled <> 'D' "
                        + "AND r.relnamespace = current_schema()::regnamespace")) {
            int triggers = rs.next() ? rs.getInt(1) : 0;
            return triggers == 3 ? List.of() : List.of("audit_log has " + triggers + " of its 3 guard triggers");
        }
    }

    @Override
    public void idsTaken(Connection c) throws SQLException {
        PostgresIdentities.reset(c);
    }

    /**
     * The next {@code n} values of the table's identity, in order: what {@code INSERT} without an id would have
     * taken, so ids go on as before and another seat's insert after this change takes none of them.
     */
    @Override
    public long[] newIds(Connection c, String table, int n) throws SQLException {
        long[] ids = new long[n];
        if (n == 0) {
            return ids;
        }
        try (java.sql.PreparedStatement ps = c.prepareStatement(
                "SELECT nextval(pg_get_serial_sequence(?, 'id')) FROM generate_series(1, ?)")) {
            ps.setString(1, table);
            ps.setInt(2, n);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                for (int i = 0; i < n; i++) {
                    if (!rs.next()) {
                        throw new SQLException("Only " + i + " of " + n + " ids for " + table);
                    }
                    ids[i] = rs.getLong(1);
                }
            }
        }
        return ids;
    }

    @Override
    public long changeCount(Connection c, long commits) {
        return commits;
    }

    @Override
    public PersistenceException translate(SQLException e) {
        LOG.debug("SQL error on {}", location, e);
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("23")) { // integrity constraint violation
            return new PersistenceException(e, "db.error.constraint", e.getMessage());
        }
        if (state.startsWith("08") || "57P01".equals(state) || "57P03".equals(state)) { // connection lost, shut down
            return new PersistenceException(e, "db.error.server.unreachable", location, e.getMessage());
        }
        if (state.startsWith("28")) { // invalid authorization
            return new PersistenceException(e, "db.error.server.login", location, "");
        }
        if ("25006".equals(state) || "42501".equals(state)) { // read-only transaction, insufficient privilege
            return new PersistenceException(e, "db.error.readOnly", location);
        }
        if ("40001".equals(state) || "40P01".equals(state) || "55P03".equals(state)) { // serialization, deadlock
            return new PersistenceException(e, "db.error.busy", location);
        }
        if ("53100".equals(state)) { // disk full
            return new PersistenceException(e, "db.error.diskFull", location);
        }
        return new PersistenceException(e, "db.error.generic", location, e.getMessage());
    }
}
