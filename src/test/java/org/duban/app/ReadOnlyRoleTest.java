package org.duban.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.duban.i18n.Messages;
import org.duban.model.Meeting;
import org.duban.model.MeetingKind;
import org.duban.persistence.Database;
import org.duban.persistence.PersistenceException;
import org.duban.persistence.ServerCredentials;
import org.duban.persistence.contract.Engines;
import org.duban.persistence.postgresql.PostgresOpening;
import org.duban.service.Services;
import org.duban.testing.PgServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A PostgreSQL role granted SELECT only (an office's read-only seat), made in the test on a fresh ledger: it opens the
 * ledger read-only, reads everything, and every write is refused with a sentence that names the reason, leaving the
 * ledger as it was. A role with write rights on the same ledger opens it for writing.
 */
class ReadOnlyRoleTest {
    private String database;
    private String url;
    private String reader;
    private String writer;
    private Database owner;

    @BeforeEach
    void ledger() {
        Assumptions.assumeTrue(Engines.POSTGRESQL.available() || "1".equals(System.getenv("DUBAN_REQUIRE_PG")),
                "a PostgreSQL server answers");
        database = Engines.POSTGRESQL.newDatabase();
        url = Engines.POSTGRESQL.url(database);
        owner = Database.connect(url, Engines.POSTGRESQL.credentials());
        Services services = Services.over(owner);
        services.roster().ensureDefaultRoster();
        services.meetings().create(new Meeting(0, MeetingKind.ASSIGNMENT, LocalDate.of(2026, 3, 19), "交办会", ""));
    }

    @AfterEach
    void drop() {
        if (owner != null) {
            owner.close();
        }
        PgServer.dropDatabaseAndRole(database, reader);
        PgServer.dropDatabaseAndRole(null, writer);
    }

    private String role(String prefix, String password, String... grants) {
        String role = PgServer.unique(prefix);
        PgServer.sql("postgres", "CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'",
                "GRANT CONNECT ON DATABASE " + database + " TO " + role);
        String[] sql = new String[grants.length + 1];
        sql[0] = "GRANT USAGE ON SCHEMA public TO " + role;
        for (int i = 0; i < grants.length; i++) {
            sql[i + 1] = grants[i].replace("ROLE", role);
        }
        PgServer.sql(database, sql);
        return role;
    }

    @Test
    void aSelectOnlyRoleOpensTheLedgerReadOnlyAndEveryWriteIsRefused() {
        reader = role("duban_reader_", "reader-pw", "GRANT SELECT ON ALL TABLES IN SCHEMA public TO ROLE");
        ServerCredentials login = new ServerCredentials(reader, "reader-pw");
        assertFalse(PostgresOpening.probe(url, login).writable(), "the test of the connection already says so");

        LedgerOpener.Opened opened = LedgerOpener.forServer(url, login);
        try (Database db = opened.db()) {
            assertTrue(db.isReadOnly());
            Services services = Services.over(db);
            assertEquals(1, services.meetings().all().size(), "it reads");
            assertFalse(services.roster().all().isEmpty(), "the roster too");
            PersistenceException refused = assertThrows(PersistenceException.class, () -> services.meetings()
                    .create(new Meeting(0, MeetingKind.ASSIGNMENT, LocalDate.of(2026, 4, 1), "另一次会议", "")));
            assertEquals("db.error.server.readOnlyRole", refused.key());
            assertEquals("共享台账 " + url + " 以只读方式打开：登录所用的数据库用户只有查看权限，不能修改。"
                    + "需要修改时，请管理员为该用户授予写入权限，或换用有写入权限的用户连接。", refused.getLocalizedMessage());
        }
        assertEquals(1, Services.over(owner).meetings().all().size(), "the ledger is as it was");
    }

    @Test
    void aRoleThatMayWriteOpensItForWriting() {
        writer = role("duban_writer_", "writer-pw",
                "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ROLE",
                "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ROLE");
        ServerCredentials login = new ServerCredentials(writer, "writer-pw");
        assertTrue(PostgresOpening.probe(url, login).writable());
        try (Database db = LedgerOpener.forServer(url, login).db()) {
            assertFalse(db.isReadOnly());
            Services.over(db).meetings().create(new Meeting(0, MeetingKind.ASSIGNMENT, LocalDate.of(2026, 4, 1),
                    "另一次会议", ""));
        }
        assertEquals(2, Services.over(owner).meetings().all().size());
        assertEquals(Messages.tr("settings.shared.test.ok", url, writer), new SharedLedgerSwitch(
                new SharedLedgers(new UserPreferences(java.nio.file.Path.of("unused")), java.nio.file.Path.of("unused")),
                o -> { }).test(new org.duban.ui.settings.SharedLedgerConnector.Server("localhost", 5432, database,
                writer), "writer-pw"));
    }
}
