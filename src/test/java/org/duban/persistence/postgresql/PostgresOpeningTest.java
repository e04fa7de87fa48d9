package org.duban.persistence.postgresql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import org.duban.persistence.Database;
import org.duban.persistence.PersistenceException;
import org.duban.persistence.ServerCredentials;
import org.duban.persistence.SettingsRepository;
import org.duban.persistence.contract.Engines;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Database#connect}: a new database becomes a ledger and a second seat opens the same one; a wrong password,
 * a database of another program and a malformed address are refused with the user's message, which never shows the
 * password, and leave the database as it was.
 */
class PostgresOpeningTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void serverAtHand() {
        Engines.all(); // with DUBAN_REQUIRE_PG=1, an absent server fails here
        org.junit.jupiter.api.Assumptions.assumeTrue(Engines.POSTGRESQL.available(), "no PostgreSQL server");
    }

    @Test
    void aNewDatabaseBecomesALedgerThatASecondSeatOpensAsItIs() {
        String url = Engines.POSTGRESQL.url(Engines.POSTGRESQL.newDatabase());
        ServerCredentials who = Engines.POSTGRESQL.credentials();
        try (Database first = Database.connect(url, who)) {
            assertTrue(first.isShared());
            assertNull(first.file());
            assertEquals(url, first.location());
            assertEquals(Database.latestSchemaVersion(), first.schemaVersion());
            new SettingsRepository(first).put("city.name", "宁德市");
            try (Database second = Database.connect(url, who)) {
                assertEquals("宁德市", new SettingsRepository(second).get("city.name").orElseThrow(),
                        "the second seat sees what the first wrote");
                assertEquals(first.schemaVersion(), second.schemaVersion());
            }
        }
    }

    @Test
    void aWrongPasswordIsRefusedWithoutShowingIt() {
        String url = Engines.POSTGRESQL.url(Engines.POSTGRESQL.newDatabase());
        String secret = "not-the-password-" + System.nanoTime();
        PersistenceException e = assertThrows(PersistenceException.class, () -> Database.connect(url,
                new ServerCredentials(Engines.POSTGRESQL.credentials().user(), secret)));
        assertEquals("db.error.server.login", e.key());
        assertFalse(e.getLocalizedMessage().contains(secret), e.getLocalizedMessage());
        assertTrue(e.getLocalizedMessage().contains(url), e.getLocalizedMessage());
        assertFalse(new ServerCredentials("duban", secret).toString().contains(secret));
    }

    @Test
    void aDatabaseOfAnotherProgramIsRefusedAndLeftAsItWas() throws Exception {
        String name = Engines.POSTGRESQL.newDatabase();
        try (Connection c = plain(name); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE customer (id INTEGER PRIMARY KEY, name TEXT)");
        }
        PersistenceException e = assertThrows(PersistenceException.class,
                () -> Database.connect(Engines.POSTGRESQL.url(name), Engines.POSTGRESQL.credentials()));
        assertEquals("db.error.server.notLedger", e.key());
        try (Connection c = plain(name); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT string_agg(table_name, ',') FROM information_schema.tables WHERE table_schema = 'public'")) {
            assertTrue(rs.next());
            assertEquals("customer", rs.getString(1), "nothing made, nothing migrated");
        }
    }

    @Test
    void aMalformedAddressIsRefused() {
        ServerCredentials who = Engines.POSTGRESQL.credentials();
        assertEquals("db.error.server.badUrl",
                assertThrows(PersistenceException.class, () -> Database.connect("postgresql://localhost:5432", who))
                        .key());
        PersistenceException e = assertThrows(PersistenceException.class,
                () -> Database.connect("postgresql://u:geheim@localhost:5432/a/b", who));
        assertEquals("db.error.server.badUrl", e.key());
        assertFalse(e.getLocalizedMessage().contains("geheim"), e.getLocalizedMessage());
    }

    private static Connection plain(String database) throws Exception {
        Properties p = new Properties();
        p.setProperty("user", Engines.POSTGRESQL.credentials().user());
        p.setProperty("password", Engines.POSTGRESQL.credentials().password());
        return DriverManager.getConnection("jdbc:" + Engines.POSTGRESQL.url(database), p);
    }
}
