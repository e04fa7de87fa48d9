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
    void fileOperationsOnASharedLedgerAreRefusedWithAMessage() {
        assertEquals(0, CliRunner.run("--db", sample(), "copy-to", url).code());
        CliRunner.Result r = CliRunner.run("--db", url, "backup", dir.resolve("b.db").toString());
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("共享台账"), r.err());
        assertFalse(Files.exists(dir.resolve("b.db")));
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
