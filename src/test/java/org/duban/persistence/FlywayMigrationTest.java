package org.duban.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.duban.model.Backup;
import org.duban.model.BackupReason;
import org.duban.persistence.sqlite.BackupFolder;
import org.duban.persistence.sqlite.SqliteDataSource;
import org.duban.testing.TestDb;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flyway keeps the ledger's schema: a ledger from before Flyway is adopted with a baseline at its
 * {@code PRAGMA user_version} and upgraded after a backup; a new ledger gets every migration with its checksum; a
 * ledger at the newest version is left alone; an upgrade is all or nothing.
 */
class FlywayMigrationTest {
    @TempDir
    Path dir;

    /** One row of flyway_schema_history: version, type, script, checksum, success. */
    record Row(String version, String type, String script, Integer checksum, boolean success, String installedOn) {
    }

    private static List<Row> history(Path file) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version, type, script, checksum, success, installed_on FROM "
                     + Migrations.HISTORY + " ORDER BY installed_rank")) {
            while (rs.next()) {
                Object checksum = rs.getObject(4);
                rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3),
                        checksum == null ? null : ((Number) checksum).intValue(), rs.getInt(5) == 1, rs.getString(6)));
            }
        }
        return rows;
    }

    private static boolean hasHistory(Path file) {
        return TestDb.sqlLong(file, "SELECT count(*) FROM sqlite_master WHERE name = '"
                + Migrations.HISTORY + "'") == 1;
    }

    /** Flyway's own verdict: every applied migration's stored checksum matches the script on the class path. */
    private static boolean checksumsMatch(Path file) {
        return Flyway.configure(FlywayMigrationTest.class.getClassLoader())
                .dataSource("jdbc:sqlite:" + file, null, null)
                .locations(Migrations.SQLITE)
                .load()
                .validateWithResult()
                .validationSuccessful;
    }

    private static List<Migrations.Migration> withExtra(String sql) {
        List<Migrations.Migration> list = new ArrayList<>(Migrations.all());
        int next = list.size() + 1;
        list.add(new Migrations.Migration(next, "V" + next + "__test_extra.sql", sql));
        return list;
    }

    @Test
    void theListOfMigrationsIsWhatFlywayResolves() {
        List<String> flyway = java.util.Arrays.stream(Flyway.configure(FlywayMigrationTest.class.getClassLoader())
                        .dataSource(SqliteDataSource.inMemory())
                        .locations(Migrations.SQLITE)
                        .load()
                        .info()
                        .all())
                .map(org.flywaydb.core.api.MigrationInfo::getScript)
                .toList();
        assertEquals(flyway, Migrations.all().stream().map(Migrations.Migration::name).toList());
        assertEquals(flyway.size(), Database.latestSchemaVersion());
    }

    @Test
    void aLedgerFromBeforeFlywayIsBackedUpAdoptedAtItsVersionAndUpgraded() throws Exception {
        Path file = OlderLedgers.beforeFlyway(dir.resolve("old.db"), 4);
        TestDb.otherTool(file, "INSERT INTO unit (id, name, short_name, kind, sort_order) "
                + "VALUES (1, '蕉城区', '蕉城', 'DISTRICT', 1)");
        assertFalse(hasHistory(file));

        try (Database db = Database.open(file)) {
            assertEquals(Database.latestSchemaVersion(), db.schemaVersion());
        }

        List<Backup> backups = BackupFolder.besides(file).list();
        assertEquals(1, backups.size(), "one backup, before the upgrade");
        Backup b = backups.get(0);
        assertEquals(BackupReason.MIGRATION, b.reason());
        assertEquals(4, TestDb.sqlLong(b.file(), "PRAGMA user_version"), "the backup holds the old schema");
        assertFalse(hasHistory(b.file()), "and was taken before Flyway wrote anything");
        assertEquals(1, TestDb.sqlLong(b.file(), "SELECT count(*) FROM unit"));

        List<Row> rows = history(file);
        assertEquals("4", rows.get(0).version());
        assertEquals("BASELINE", rows.get(0).type(), "adopted at its user_version");
        assertEquals(Database.latestSchemaVersion() - 4, rows.size() - 1, "then every later migration");
        for (int i = 1; i < rows.size(); i++) {
            Row r = rows.get(i);
            assertEquals(String.valueOf(4 + i), r.version());
            assertEquals("SQL", r.type());
            assertTrue(r.script().startsWith("V" + (4 + i) + "__"), r.script());
            assertNotNull(r.checksum(), "its checksum stored");
            assertTrue(r.success());
        }
        assertTrue(checksumsMatch(file));
        assertEquals(1, TestDb.sqlLong(file, "SELECT count(*) FROM unit"), "the data kept");
        assertEquals(Database.APPLICATION_ID, TestDb.sqlLong(file, "PRAGMA application_id"));
    }

    @Test
    void aLedgerAtAnOlderFlywayVersionGetsOnlyTheMigrationsItLacks() throws Exception {
        Path file = OlderLedgers.ofVersion(dir.resolve("v5.db"), 5);
        List<Row> before = history(file);
        assertEquals(5, before.size());
        try (Database db = Database.open(file)) {
            assertEquals(Database.latestSchemaVersion(), db.schemaVersion());
        }
        List<Row> after = history(file);
        assertEquals(before, after.subList(0, 5), "what was applied stays as it was");
        assertEquals(Database.latestSchemaVersion(), after.size());
        assertEquals(BackupReason.MIGRATION, BackupFolder.besides(file).list().get(0).reason());
        assertTrue(checksumsMatch(file));
    }

    @Test
    void aNewLedgerGetsEveryMigrationWithItsChecksumAndNoBackup() throws Exception {
        Path file = dir.resolve("new.db");
        Database.create(file).close();
        List<Row> rows = history(file);
        assertEquals(Database.latestSchemaVersion(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(String.valueOf(i + 1), rows.get(i).version());
            assertEquals("SQL", rows.get(i).type(), "no baseline for a new ledger");
            assertEquals(Migrations.all().get(i).name(), rows.get(i).script());
            assertNotNull(rows.get(i).checksum());
        }
        assertEquals(Database.latestSchemaVersion(), TestDb.sqlLong(file, "PRAGMA user_version"));
        assertEquals(Database.APPLICATION_ID, TestDb.sqlLong(file, "PRAGMA application_id"));
        assertTrue(checksumsMatch(file));
        assertFalse(Files.exists(dir.resolve(BackupFolder.NAME)));
    }

    @Test
    void aLedgerAtTheNewestVersionIsLeftUntouched() throws Exception {
        TestDb.withSample(dir).close();
        Path file = dir.resolve("test.db");
        List<Row> before = history(file);
        String digest = TestDb.contentDigest(file);
        byte[] bytes = Files.readAllBytes(file);

        Database.open(file).close();

        assertEquals(before, history(file), "no migration, no new row, the same times");
        assertEquals(digest, TestDb.contentDigest(file));
        assertArrayEquals(bytes, Files.readAllBytes(file), "not a byte changed");
        assertFalse(Files.exists(dir.resolve(BackupFolder.NAME)), "no backup");
    }

    @Test
    void aLedgerFromBeforeFlywayAtTheNewestVersionIsOnlyAdopted() throws Exception {
        Path file = OlderLedgers.beforeFlyway(dir.resolve("current.db"), Database.latestSchemaVersion());
        String digest;
        try (Database db = Database.openReadOnly(file)) {
            digest = ContentDigest.sha256(db);
        }
        try (Database db = Database.open(file)) {
            assertEquals(digest, ContentDigest.sha256(db), "the content as it was");
        }
        List<Row> rows = history(file);
        assertEquals(1, rows.size());
        assertEquals("BASELINE", rows.get(0).type());
        assertEquals(String.valueOf(Database.latestSchemaVersion()), rows.get(0).version());
        assertFalse(Files.exists(dir.resolve(BackupFolder.NAME)), "nothing to upgrade, no backup");
    }

    @Test
    void aFailingMigrationChangesNothing() throws Exception {
        TestDb.withSample(dir).close();
        Path file = dir.resolve("test.db");
        List<Row> before = history(file);
        String digest = TestDb.contentDigest(file);

        PersistenceException e = assertThrows(PersistenceException.class, () -> Database.open(file,
                withExtra("CREATE TABLE extra (id INTEGER PRIMARY KEY); INSERT INTO nowhere VALUES (1);")));
        assertTrue(e.getLocalizedMessage().contains("nowhere"), e.getLocalizedMessage());

        assertEquals(before, history(file), "no row for a migration that did not land");
        assertEquals(digest, TestDb.contentDigest(file));
        assertEquals(0, TestDb.sqlLong(file, "SELECT count(*) FROM sqlite_master WHERE name = 'extra'"));
        assertEquals(Database.latestSchemaVersion(), TestDb.sqlLong(file, "PRAGMA user_version"));
        Database.open(file).close(); // and it still opens
    }

    @Test
    void anAppliedMigrationWhoseScriptChangedStopsTheNextUpgradeBeforeItsBackup() throws Exception {
        TestDb.withSample(dir).close();
        Path file = dir.resolve("test.db");
        TestDb.otherTool(file, "UPDATE " + Migrations.HISTORY + " SET checksum = checksum + 1 WHERE version = '2'");
        assertFalse(checksumsMatch(file));

        assertThrows(PersistenceException.class,
                () -> Database.open(file, withExtra("CREATE TABLE extra (id INTEGER PRIMARY KEY);")));

        assertEquals(0, TestDb.sqlLong(file, "SELECT count(*) FROM sqlite_master WHERE name = 'extra'"));
        assertEquals(Database.latestSchemaVersion(), TestDb.sqlLong(file, "PRAGMA user_version"));
        assertFalse(Files.exists(dir.resolve(BackupFolder.NAME)), "refused before anything, the backup too");
    }

    @Test
    void userVersionAndHistoryThatDisagreeAreRefused() {
        TestDb.withSample(dir).close();
        Path file = dir.resolve("test.db");
        TestDb.otherTool(file, "PRAGMA user_version = 3");
        PersistenceException e = assertThrows(PersistenceException.class, () -> Database.open(file));
        assertTrue(e.getLocalizedMessage().contains(Migrations.HISTORY), e.getLocalizedMessage());
        assertEquals(3, TestDb.sqlLong(file, "PRAGMA user_version"), "left as it was");
    }
}
