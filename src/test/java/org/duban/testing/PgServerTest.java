package org.duban.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import org.duban.persistence.contract.Engines;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tests' clean-up on the server works with the administrator CI has (CREATEDB CREATEROLE, not a superuser):
 * a database that a test role is still connected to is dropped, and the role with it.
 */
class PgServerTest {

    @BeforeAll
    static void server() {
        Assumptions.assumeTrue(Engines.POSTGRESQL.available() || "1".equals(System.getenv("DUBAN_REQUIRE_PG")),
                "a PostgreSQL server answers");
    }

    @Test
    void dropsADatabaseThatAnotherRoleIsStillConnectedTo() throws Exception {
        String database = Engines.POSTGRESQL.newDatabase();
        String role = PgServer.unique("duban_pgserver_");
        PgServer.sql("postgres", "CREATE ROLE " + role + " LOGIN PASSWORD 'pw'",
                "GRANT CONNECT ON DATABASE " + database + " TO " + role);
        Properties p = new Properties();
        p.setProperty("user", role);
        p.setProperty("password", "pw");
        try (Connection open = DriverManager.getConnection("jdbc:" + Engines.POSTGRESQL.url(database), p)) {
            assertTrue(open.isValid(5), "the role's session is open while the database is dropped");
            PgServer.dropDatabaseAndRole(database, role);
        } catch (java.sql.SQLException expected) {
            // closing a connection whose server process was ended reports that; the drop is what is checked
        }
        assertFalse(exists("pg_database", "datname", database), "the database is gone");
        assertFalse(exists("pg_roles", "rolname", role), "the role is gone");
    }

    private static boolean exists(String catalog, String column, String name) throws Exception {
        Properties p = new Properties();
        p.setProperty("user", Engines.POSTGRESQL.credentials().user());
        p.setProperty("password", Engines.POSTGRESQL.credentials().password());
        try (Connection c = DriverManager.getConnection("jdbc:" + Engines.POSTGRESQL.url("postgres"), p);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + catalog + " WHERE " + column + " = '" + name
                     + "'")) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }
}
