package org.duban.persistence.postgresql;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.duban.persistence.Database;
import org.duban.persistence.LedgerIdentity;
import org.duban.persistence.Migrations;
import org.duban.persistence.PersistenceException;
import org.duban.persistence.ServerCredentials;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opening a shared ledger on a PostgreSQL server, {@code postgresql://host:port/database}: one connection with the
 * given credentials (the password goes to the driver only: never into a URL, a message or a log), then Flyway with
 * {@link Migrations#POSTGRESQL}, which brings a new (empty) database to the current schema and a shared ledger of an
 * older version up to date. A database with tables of its own but no Flyway history is not a ledger: refused,
 * unchanged. So is one written by a newer version. Flyway takes PostgreSQL's advisory lock, so two seats opening a
 * new ledger at once migrate it once.
 */
public final class PostgresOpening {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresOpening.class);
    private static final int DEFAULT_PORT = 5432;

    private PostgresOpening() {
    }

    /** Whether {@code location} names a PostgreSQL ledger rather than a file. */
    public static boolean isServerUrl(String location) {
        return location != null && (location.startsWith("postgresql://") || location.startsWith("postgres://"));
    }

    /** A server ledger's address parsed: the JDBC URL and the location shown to the user (no user, no password). */
    record Address(String jdbcUrl, String location) {
        /** {@code postgresql://host:port}, for a message about the server rather than the database. */
        String serverPart() {
            return location.substring(0, location.lastIndexOf('/'));
        }

        /** The database's name. */
        String databaseName() {
            return location.substring(location.lastIndexOf('/') + 1);
        }

        static Address parse(String url) {
            if (!isServerUrl(url)) {
                throw new PersistenceException("db.error.server.badUrl", url);
            }
            try {
                URI uri = new URI(url);
                String host = uri.getHost();
                String path = uri.getPath() == null ? "" : uri.getPath();
                if (host == null || path.length() < 2 || path.indexOf('/', 1) >= 0) {
                    throw new PersistenceException("db.error.server.badUrl", withoutUser(uri));
                }
                int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
                String hostPort = (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
                String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
                return new Address("jdbc:postgresql://" + hostPort + path + query,
                        "postgresql://" + hostPort + path);
            } catch (URISyntaxException e) {
                throw new PersistenceException(e, "db.error.server.badUrl", url.replaceAll("//[^@/]*@", "//"));
            }
        }

        private static String withoutUser(URI uri) {
            return uri.toString().replaceAll("//[^@/]*@", "//");
        }
    }

    /** See {@link Database#connect}. */
    public static Database connect(String url, ServerCredentials credentials) {
        Address address = Address.parse(url);
        Connection connection = open(address, credentials);
        Database db = null;
        try {
            boolean made = migrate(connection, address, credentials);
            // A login granted SELECT only (a read-only seat) gets a read-only ledger: every write refused with a
            // sentence, the window's writing actions off. The connection itself is read-only too, for safety.
            boolean writable = mayWrite(connection);
            if (!writable) {
                connection.setReadOnly(true);
            }
            db = new Database(new PostgresEngine(address.location(), made), connection, !writable);
            if (writable) {
                LedgerIdentity.ensure(db);
            }
            LOG.info("Opened the shared ledger {} as {}{}", address.location(), credentials.user(),
                    writable ? "" : " (read-only: the login may not write)");
            return db;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new PostgresEngine(address.location()).translate(e);
        } catch (RuntimeException e) {
            if (db != null) {
                db.close();
            } else {
                closeQuietly(connection);
            }
            throw e;
        }
    }

    private static Connection open(Address address, ServerCredentials credentials) {
        Properties props = new Properties();
        props.setProperty("user", credentials.user());
        props.setProperty("password", credentials.password());
        props.setProperty("ApplicationName", "Duban Desk");
        props.setProperty("connectTimeout", "10");
        try {
            return DriverManager.getConnection(address.jdbcUrl(), props);
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            if (state.startsWith("28")) {
                throw new PersistenceException(e, "db.error.server.login", address.location(), credentials.user());
            }
            if ("3D000".equals(state)) { // invalid catalog name: no such database
                throw new PersistenceException(e, "db.error.server.noDatabase", address.serverPart(),
                        address.databaseName());
            }
            if (e.getCause() instanceof java.net.UnknownHostException) {
                throw new PersistenceException(e, "db.error.server.unknownHost", address.serverPart());
            }
            if (e.getCause() instanceof java.net.ConnectException
                    || e.getCause() instanceof java.net.SocketTimeoutException
                    || e.getCause() instanceof java.net.NoRouteToHostException) {
                throw new PersistenceException(e, "db.error.server.noAnswer", address.location());
            }
            throw new PersistenceException(e, "db.error.server.unreachable", address.location(), e.getMessage());
        }
    }

    /**
     * What a login to {@code url} finds, without changing anything (the settings' 测试连接): whether the database is
     * empty (a new ledger would be made in it), the ledger's schema version, and whether the login may write.
     *
     * @param version  the ledger's schema version, 0 for an empty database
     * @param latest   the version this program writes
     * @param writable whether the login may change the ledger ({@link #mayWrite})
     */
    public record Probe(String location, int version, int latest, boolean writable) {
        public boolean empty() {
            return version == 0;
        }
    }

    /**
     * Logs in to {@code url} and looks, as {@link #connect} would before it migrates; the same refusals (login, no
     * answer, no such database, not a ledger, a newer ledger), and nothing written.
     */
    public static Probe probe(String url, ServerCredentials credentials) {
        Address address = Address.parse(url);
        Connection c = open(address, credentials);
        try {
            int latest = Database.latestSchemaVersion();
            int version = ledgerVersion(c, address);
            boolean writable = version == 0 ? mayCreate(c) : mayWrite(c);
            return new Probe(address.location(), version, latest, writable);
        } catch (SQLException e) {
            throw new PostgresEngine(address.location()).translate(e);
        } finally {
            closeQuietly(c);
        }
    }

    /**
     * The ledger's schema version in the database (0: an empty database), refusing a database that holds other tables
     * (not a ledger) or a ledger newer than this program.
     */
    private static int ledgerVersion(Connection c, Address address) throws SQLException {
        boolean history = historyExists(c);
        if (!history && tableCount(c) > 0) {
            throw new PersistenceException("db.error.server.notLedger", address.location());
        }
        int latest = Database.latestSchemaVersion();
        int version = history ? historyVersion(c) : 0;
        if (version > latest) {
            throw new PersistenceException("db.error.newerVersion", address.location(), version, latest);
        }
        return version;
    }

    /**
     * Whether the login may change the ledger: insert, update and delete on its tasks and append to its audit trail.
     * A role granted SELECT only (an office's read-only seat) opens the ledger read-only.
     */
    static boolean mayWrite(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT has_table_privilege('task', 'INSERT') AND has_table_privilege('task', 'UPDATE') "
                        + "AND has_table_privilege('task', 'DELETE') AND has_table_privilege('audit_log', 'INSERT')")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** Whether the login may make the ledger's tables in an empty database. */
    private static boolean mayCreate(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT has_schema_privilege(current_schema(), 'CREATE')")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /**
     * Refuses what is not a ledger of this version, then lets Flyway bring the schema up to date.
     *
     * @return true when the database was empty and now holds the ledger's schema
     */
    private static boolean migrate(Connection c, Address address, ServerCredentials credentials) {
        boolean made;
        try {
            int latest = Database.latestSchemaVersion();
            int version = ledgerVersion(c, address);
            if (version == latest) {
                return false; // the usual opening: nothing to migrate, Flyway not started
            }
            if (version > 0 && !mayWrite(c)) {
                throw new PersistenceException("db.error.server.readOnlyOlder", address.location(),
                        credentials.user(), version, latest);
            }
            made = !historyExists(c); // an empty database: this opening makes the schema
        } catch (SQLException e) {
            throw new PostgresEngine(address.location()).translate(e);
        }
        Flyway flyway = Flyway.configure(PostgresOpening.class.getClassLoader())
                .dataSource(address.jdbcUrl(), credentials.user(), credentials.password())
                .locations(Migrations.POSTGRESQL)
                .placeholderReplacement(false)
                .group(true)
                .load();
        try {
            flyway.migrate();
        } catch (FlywayException e) {
            LOG.warn("Upgrading the schema of {} failed", address.location(), e);
            throw new PersistenceException(e, "db.error.generic", address.location(), e.getMessage());
        }
        try {
            int now = historyVersion(c);
            if (now != Database.latestSchemaVersion()) {
                throw new IllegalStateException("The PostgreSQL migrations end at version " + now + ", the SQLite ones at "
                        + Database.latestSchemaVersion() + ": a migration is missing in " + Migrations.POSTGRESQL);
            }
        } catch (SQLException e) {
            throw new PostgresEngine(address.location()).translate(e);
        }
        return made;
    }

    static boolean historyExists(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, Migrations.HISTORY);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** The last version Flyway's history records as applied; 0 without a history. */
    static int historyVersion(Connection c) throws SQLException {
        if (!historyExists(c)) {
            return 0;
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT version FROM "
                + Migrations.HISTORY + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
            return rs.next() ? Integer.parseInt(rs.getString(1)) : 0;
        }
    }

    private static int tableCount(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            LOG.debug("Closing the connection failed", e);
        }
    }
}
