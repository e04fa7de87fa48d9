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

    /** Drops {@code database} (its sessions ended) and then {@code role}, if they exist. */
    public static void dropDatabaseAndRole(String database, String role) {
        if (database != null) {
            sql("postgres", "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
        if (role != null) {
            sql("postgres", "DROP ROLE IF EXISTS " + role);
        }
    }
}
