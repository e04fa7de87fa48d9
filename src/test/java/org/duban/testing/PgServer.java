package org.duban.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.duban.persistence.contract.Engines;

/**
 * The tests' PostgreSQL server ({@link Engines#POSTGRESQL}) for what needs more than a fresh database: SQL as the
 * administrator on a given database (roles, grants), and dropping a database and a role when a test is over.
 */
public final class PgServer {
    private PgServer() {
    }

    /** A name no other test uses: {@code prefix} and 16 hex digits. */
    public static String unique(String prefix) {
        return prefix + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }

    /** Runs {@code statements} on {@code database} as the tests' administrator ({@code duban}). */
    public static void sql(String database, String... statements) {
        Properties p = new Properties();
        p.setProperty("user", Engines.POSTGRESQL.credentials().user());
        p.setProperty("password", Engines.POSTGRESQL.credentials().password());
        try (Connection c = DriverManager.getConnection("jdbc:" + Engines.POSTGRESQL.url(database), p);
             Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL on " + database + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Drops {@code database} (its sessions ended) and then {@code role}, if they exist. {@code WITH (FORCE)} ends
     * the database's sessions, and a role that is not a superuser may end only the sessions of roles it is a member
     * of: a session of {@code role} that the server has not yet finished closing (closing a connection does not wait
     * for its server process to exit) would make the drop fail. So the administrator first joins {@code role}.
     */
    public static void dropDatabaseAndRole(String database, String role) {
        if (role != null && roleExists(role)) {
            sql("postgres", "GRANT " + role + " TO CURRENT_USER");
        }
        if (database != null) {
            sql("postgres", "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
        if (role != null) {
            sql("postgres", "DROP ROLE IF EXISTS " + role);
        }
    }

    private static boolean roleExists(String role) {
        Properties p = new Properties();
        p.setProperty("user", Engines.POSTGRESQL.credentials().user());
        p.setProperty("password", Engines.POSTGRESQL.credentials().password());
        try (Connection c = DriverManager.getConnection("jdbc:" + Engines.POSTGRESQL.url("postgres"), p);
             var st = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            st.setString(1, role);
            try (var rs = st.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL on postgres failed: " + e.getMessage(), e);
        }
    }
}
