package org.duban.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duban.persistence.Database;
import org.duban.persistence.ServerCredentials;
import org.duban.persistence.contract.Engines;
import org.duban.persistence.postgresql.PasswordFile;
import org.duban.testing.CliRunner;
import org.duban.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code copy-to} and {@code --db postgresql://…} against the real PostgreSQL server (a fresh database per test,
 * made by {@link Engines#POSTGRESQL}; skipped when no server answers, unless {@code DUBAN_REQUIRE_PG=1}). The login
 * comes from a password file this test writes, named by the system property {@value PasswordFile#PROPERTY}.
 */
class CopyToCommandTest {
    private static final Pattern TABLE_ROW = Pattern.compile("(?m)^\\s+(\\w+)：([\\d,]+) 行$");
    private static final Pattern HEAD = Pattern.compile("留痕校验 (\\S+) / 第 (\\d+) 条");

    @TempDir
    Path dir;

    private Path pgpass;
    private String url;

    @BeforeEach
    void server() throws Exception {
        boolean up = Engines.POSTGRESQL.available();
        if (!up && "1".equals(System.getenv("DUBAN_REQUIRE_PG"))) {
            throw new IllegalStateException("DUBAN_REQUIRE_PG=1, but no PostgreSQL server answers");
        }
        assumeTrue(up, "no PostgreSQL server answers");
        url = Engines.POSTGRESQL.url(Engines.POSTGRESQL.newDatabase());
        pgpass = dir.resolve("pgpass");
        writePassword(Engines.POSTGRESQL.credentials().password());
        System.setProperty(PasswordFile.PROPERTY, pgpass.toString());
    }

    @AfterEach
    void forgetPasswordFile() {
        System.clearProperty(PasswordFile.PROPERTY);
    }

    private void writePassword(String password) throws Exception {
        URI uri = URI.create(url);
        ServerCredentials c = Engines.POSTGRESQL.credentials();
        Files.writeString(pgpass, "# written by the test\n" + uri.getHost() + ":" + uri.getPort() + ":*:" + c.user()
                + ":" + password.replace("\\", "\\\\").replace(":", "\\:") + "\n");
    }

    private String sample() {
        Path db = dir.resolve("sample.db");
        CliRunner.Result r = CliRunner.run("--db", db.toString(), "sample");
        assertEquals(0, r.code(), r.err());
        return db.toString();
    }

    @Test
    void copiesTheSampleToTheServerAndBackWithEqualCountsAndCleanChecks() {
        String file = sample();
        CliRunner.Result there = CliRunner.run("--db", file, "copy-to", url);
        assertEquals(0, there.code(), there.err());
        Map<String, Long> toServer = counts(there.out());
        assertTrue(toServer.get("audit_log") > 0 && toServer.get("evidence") > 0, there.out());

        Path back = dir.resolve("back.db");
        CliRunner.Result home = CliRunner.run("--db", url, "copy-to", back.toString());
        assertEquals(0, home.code(), home.err());
        assertEquals(toServer, counts(home.out()));
        assertEquals(head(there.out()), head(home.out()));
        assertFalse(there.out().contains(Engines.POSTGRESQL.credentials().password() + "@"));

        for (String ledger : new String[] {file, url, back.toString()}) {
            CliRunner.Result check = CliRunner.run("--db", ledger, "check");
            assertEquals(0, check.code(), ledger + "\n" + check.out() + check.err());
            assertTrue(check.out().contains(head(there.out())), check.out());
        }
        CliRunner.Result stats = CliRunner.run("--db", url, "stats", "--json", "--as-of", "2026-11-29");
        CliRunner.Result fileStats = CliRunner.run("--db", back.toString(), "stats", "--json", "--as-of",
                "2026-11-29");
        assertEquals(0, stats.code(), stats.err());
        assertTrue(stats.out().contains("\"database\": \"" + url + "\""), stats.out());
        assertEquals(withoutDatabase(fileStats.out()), withoutDatabase(stats.out()));
    }

    @Test
    void aTargetThatIsNotEmptyIsRefusedAndLeftAsItWas() {
        String file = sample();
        assertEquals(0, CliRunner.run("--db", file, "copy-to", url).code());
        long before = auditRows();
        CliRunner.Result again = CliRunner.run("--db", file, "copy-to", url);
        assertNotEquals(0, again.code());
        assertTrue(again.err().contains("不是空的"), again.err());
        assertEquals(before, auditRows());
    }

    @Test
    void aWrongPasswordIsRefusedWithoutWritingAnythingOrShowingIt() throws Exception {
        String file = sample();
        writePassword("not-the-password");
        CliRunner.Result r = CliRunner.run("--db", file, "copy-to", url);
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("拒绝了用户"), r.err());
        assertFalse(r.err().contains("not-the-password"), r.err());
        writePassword(Engines.POSTGRESQL.credentials().password());
        try (Database db = Database.connect(url, Engines.POSTGRESQL.credentials())) {
            assertEquals(0L, (long) db.read(c -> {
                try (var st = c.createStatement();
                     var rs = st.executeQuery("SELECT count(*) FROM information_schema.tables "
                             + "WHERE table_schema = 'public' AND table_name = 'audit_log'")) {
                    rs.next();
                    return rs.getLong(1) == 0 ? 0L : countAudit(c);
                }
            }));
        }
    }

    @Test
    void aPasswordInTheAddressIsRefused() {
        String file = sample();
        String withPassword = url.replace("postgresql://", "postgresql://duban:secret@");
        CliRunner.Result r = CliRunner.run("--db", file, "copy-to", withPassword);
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("含有密码"), r.err());
        assertFalse(r.err().contains("secret"), r.err());
    }

    @Test
    void anExistingTargetFileIsRefusedAndUnchanged() throws Exception {
        String file = sample();
        Path existing = dir.resolve("existing.db");
        Files.writeString(existing, "not to be overwritten");
        byte[] before = Files.readAllBytes(existing);
        CliRunner.Result r = CliRunner.run("--db", file, "copy-to", existing.toString());
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("已存在"), r.err());
        assertArrayEquals(before, Files.readAllBytes(existing));
    }

    @Test
    void aBackupOfASharedLedgerIsASqliteCopyAndRestoreIsRefused() throws Exception {
        String file = sample();
        CliRunner.Result there = CliRunner.run("--db", file, "copy-to", url);
        assertEquals(0, there.code(), there.err());
        Path backup = dir.resolve("b.db");
        CliRunner.Result r = CliRunner.run("--db", url, "backup", backup.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains(head(there.out())), "the copy's head, read from the copy: " + r.out());
        assertEquals("SQLite format 3\u0000", new String(Files.readAllBytes(backup), 0, 16,
                java.nio.charset.StandardCharsets.ISO_8859_1), "a SQLite file");
        assertEquals(java.util.List.of(), java.util.Arrays.stream(dir.toFile().list())
                .filter(n -> n.contains("b.db") && !n.equals("b.db")).toList(), "no temporary or lock file left");
        CliRunner.Result back = CliRunner.run("--db", backup.toString(), "copy-to", dir.resolve("c.db").toString());
        assertEquals(0, back.code(), back.err());
        assertEquals(counts(there.out()), counts(back.out()), "every row of the shared ledger in the backup");
        CliRunner.Result check = CliRunner.run("--db", backup.toString(), "check");
        assertEquals(0, check.code(), check.out() + check.err());
        assertTrue(check.out().contains(head(there.out())), check.out());

        CliRunner.Result again = CliRunner.run("--db", url, "backup", backup.toString());
        assertNotEquals(0, again.code(), "never over an existing file");

        CliRunner.Result restore = CliRunner.run("--db", url, "restore", backup.toString());
        assertNotEquals(0, restore.code());
        assertTrue(restore.err().contains("共享台账"), restore.err());
    }

    @Test
    void checkOnASharedLedgerNamesTheServersCheckNotSqlites() {
        assertEquals(0, CliRunner.run("--db", sample(), "copy-to", url).code());
        CliRunner.Result r = CliRunner.run("--db", url, "check");
        assertEquals(0, r.code(), r.out() + r.err());
        String[] lines = r.out().split("\\R");
        assertTrue(lines[1].contains("PostgreSQL") && lines[1].contains("保护触发器"), r.out());
        assertFalse(r.out().contains("integrity_check") || r.out().contains("SQLite"), r.out());

        CliRunner.Result file = CliRunner.run("--db", dir.resolve("sample.db").toString(), "check");
        assertTrue(file.out().split("\\R")[1].contains("SQLite integrity_check"), file.out());
    }

    @Test
    void aCopyToTheServerThatFailsLeavesTheDatabaseEmpty() throws Exception {
        String file = sample();
        // a share whose unit another tool deleted with foreign keys off: SQLite kept it, the server refuses it
        long unit = TestDb.sqlLong(Path.of(file), "SELECT min(unit_id) FROM assignment");
        TestDb.otherTool(Path.of(file), "DELETE FROM unit WHERE id = " + unit);
        CliRunner.Result r = CliRunner.run("--db", file, "copy-to", url);
        assertNotEquals(0, r.code(), r.out());
        assertTrue(r.err().contains("unit"), r.err());
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:" + url, Engines.POSTGRESQL.credentials()
                .user(), Engines.POSTGRESQL.credentials().password());
             var st = c.createStatement()) {
            try (var rs = st.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")) {
                rs.next();
                assertEquals(0, rs.getLong(1), "no table left, Flyway's history included");
            }
            try (var rs = st.executeQuery("SELECT count(*) FROM pg_proc WHERE pronamespace = 'public'::regnamespace")) {
                rs.next();
                assertEquals(0, rs.getLong(1), "no function left");
            }
        }
        TestDb.otherTool(Path.of(file), "INSERT INTO unit (id, name, short_name, kind, sort_order) "
                + "VALUES (" + unit + ", '补回单位', '补回', 'DISTRICT', 99)");
        CliRunner.Result again = CliRunner.run("--db", file, "copy-to", url);
        assertEquals(0, again.code(), "the emptied database takes the copy: " + again.err());
    }

    private long auditRows() {
        try (Database db = Database.connect(url, Engines.POSTGRESQL.credentials())) {
            return db.read(CopyToCommandTest::countAudit);
        }
    }

    private static long countAudit(java.sql.Connection c) throws java.sql.SQLException {
        try (var st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM audit_log")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<String, Long> counts(String out) {
        Map<String, Long> m = new TreeMap<>();
        Matcher matcher = TABLE_ROW.matcher(out);
        while (matcher.find()) {
            m.put(matcher.group(1), Long.parseLong(matcher.group(2).replace(",", "")));
        }
        assertTrue(m.size() > 20, out);
        return m;
    }

    private static String withoutDatabase(String json) {
        return json.replaceAll("(?m)^.*\"database\":.*$", "");
    }

    private static String head(String out) {
        Matcher m = HEAD.matcher(out);
        assertTrue(m.find(), out);
        return m.group();
    }
}
