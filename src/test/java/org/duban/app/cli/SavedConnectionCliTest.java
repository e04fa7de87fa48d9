package org.duban.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.duban.app.SharedLedgers;
import org.duban.app.UserPreferences;
import org.duban.persistence.Database;
import org.duban.persistence.contract.Engines;
import org.duban.persistence.postgresql.PasswordFile;
import org.duban.testing.CliRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --db postgresql://…} with no user and no line in the standard password file logs in with the connection the
 * window saved for this computer (its user in the preferences, its password in the data folder's pgpass.conf).
 */
class SavedConnectionCliTest {
    @TempDir
    Path dir;
    private String previousDataDir;
    private String url;

    @BeforeEach
    void dataFolder() {
        assumeTrue(Engines.POSTGRESQL.available() || "1".equals(System.getenv("DUBAN_REQUIRE_PG")),
                "a PostgreSQL server answers");
        previousDataDir = System.getProperty("duban.data.dir");
        System.setProperty("duban.data.dir", dir.resolve("data").toString());
        System.setProperty(PasswordFile.PROPERTY, dir.resolve("no-such-pgpass").toString());
        url = Engines.POSTGRESQL.url(Engines.POSTGRESQL.newDatabase());
        Database.connect(url, Engines.POSTGRESQL.credentials()).close(); // the ledger's schema
    }

    @AfterEach
    void restore() {
        System.clearProperty(PasswordFile.PROPERTY);
        if (previousDataDir == null) {
            System.clearProperty("duban.data.dir");
        } else {
            System.setProperty("duban.data.dir", previousDataDir);
        }
    }

    @Test
    void theSavedConnectionLogsTheCommandIn() {
        CliRunner.Result before = CliRunner.run("--db", url, "stats");
        assertEquals(1, before.code(), "no login known yet: " + before.out());
        assertTrue(before.err().contains("需要用户名和密码"), before.err());

        SharedLedgers.load().save(url, Engines.POSTGRESQL.credentials());
        assertEquals(url, UserPreferences.load().startServer().orElseThrow().url());
        CliRunner.Result after = CliRunner.run("--db", url, "stats");
        assertEquals(0, after.code(), after.err());
    }

    @Test
    void withoutDbTheCommandsWorkOnTheLedgerTheWindowStartsOn() {
        CliRunner.Result local = CliRunner.run("sample");
        assertEquals(0, local.code(), local.err());
        CliRunner.Result localStats = CliRunner.run("stats");
        assertTrue(localStats.out().contains("任务 45 项"), () -> "the sample in the local file: " + localStats.out());

        SharedLedgers.load().save(url, Engines.POSTGRESQL.credentials());
        CliRunner.Result shared = CliRunner.run("stats");
        assertEquals(0, shared.code(), shared.err());
        assertFalse(shared.out().equals(localStats.out()), "the shared ledger (empty), not the local file: "
                + shared.out());
        CliRunner.Result restore = CliRunner.run("restore", dir.resolve("x.db").toString());
        assertEquals(1, restore.code(), restore.out());
        assertTrue(restore.err().contains(url.replaceFirst("^postgresql://", "")), () -> "names the shared ledger: "
                + restore.err());

        UserPreferences.load().setDatabase(dir.resolve("data").resolve("duban.db"));
        CliRunner.Result back = CliRunner.run("stats");
        assertEquals(localStats.out(), back.out(), "a file chosen again: the commands are back on it");
    }
}
