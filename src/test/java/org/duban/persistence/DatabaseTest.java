package org.duban.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.duban.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void newFileIsMigratedToTheLatestSchema() {
        Path file = dir.resolve("sub/folder/new.db");
        try (Database db = Database.open(file)) {
            assertEquals(Database.latestSchemaVersion(), db.schemaVersion());
        }
        assertEquals(Database.APPLICATION_ID, TestDb.sqlLong(file, "PRAGMA application_id"));
        assertEquals(1, TestDb.sqlLong(file, "SELECT count(*) FROM sqlite_master WHERE name = 'task'"));
    }

    @Test
    void anEmptyFileBecomesALedgerOnlyWhenOneIsMadeOnPurpose() throws Exception {
        Path file = dir.resolve("empty.db");
        Files.createFile(file);
        PersistenceException e = assertThrows(PersistenceException.class, () -> Database.open(file));
        assertEquals("db.error.empty", e.key());
        assertEquals(0, Files.size(file), "left empty");
        try (Database db = Database.create(file)) {
            assertEquals(Database.latestSchemaVersion(), db.schemaVersion());
        }
    }

    @Test
    void reopeningKeepsDataAndDoesNotMigrateAgain() {
        Path file = dir.resolve("d.db");
        try (Database db = Database.open(file)) {
            new SettingsRepository(db).put("city", "宁德市");
        }
        try (Database db = Database.open(file)) {
            assertEquals("宁德市", new SettingsRepository(db).get("city").orElseThrow());
            assertEquals(Database.latestSchemaVersion(), db.schemaVersion());
        }
    }

    @Test
    void journalIsWalAndForeignKeysAreOn() {
        try (Database db = Database.open(dir.resolve("d.db"))) {
            assertEquals("wal", db.read(c -> {
                try (Statement st = c.createStatement(); var rs = st.executeQuery("PRAGMA journal_mode")) {
                    rs.next();
                    return rs.getString(1);
                }
            }));
            PersistenceException e = assertThrows(PersistenceException.class, () -> db.write(c -> {
                try (Statement st = c.createStatement()) {
                    return st.executeUpdate("INSERT INTO assignment (task_id, unit_id) VALUES (999, 999)");
                }
            }));
            assertEquals("db.error.constraint", e.key());
        }
    }

    @Test
    void refusesAFileThatIsNotSqliteAndLeavesItUntouched() throws Exception {
        Path file = dir.resolve("notes.db");
        byte[] content = "这是一份会议纪要，不是数据库。".repeat(50).getBytes(StandardCharsets.UTF_8);
        Files.write(file, content);
        PersistenceException e = assertThrows(PersistenceException.class, () -> Database.open(file));
        assertEquals("db.error.notDuban", e.key());
        assertTrue(e.getLocalizedMessage().contains("不是督办台数据库"), e.getLocalizedMessage());
        assertArrayEquals(content, Files.readAllBytes(file));
        assertTrue(Files.notExists(dir.resolve("notes.db-wal")));
    }

    @Test
    void refusesAnotherProgramsSqliteFileAndLeavesItUntouched() throws Exception {
        Path file = dir.resolve("other.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.executeUpdate("CREATE TABLE contacts (name TEXT)");
            st.executeUpdate("INSERT INTO contacts VALUES ('张三')");
        }
        byte[] before = Files.readAllBytes(file);
        PersistenceException e = assertThrows(PersistenceException.class, () -> Database.open(file));
        assertEquals("db.error.notDuban", e.key());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void refusesADatabaseFromANewerVersion() throws Exception {
        Path file = dir.resolve("future.db");
        Database.open(file).close();
        int future = Database.latestSchemaVersion() + 5;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("PRAGMA user_version = " + future);
        }
        byte[] before = Files.readAllBytes(file);
        PersistenceException e = assertThrows(PersistenceException.class, () -> Database.open(file));
        assertEquals("db.error.newerVersion", e.key());
        assertTrue(e.getLocalizedMessage().contains("更新版本"), e.getLocalizedMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void refusesAFolder() {
        PersistenceException e = assertThrows(PersistenceException.class, () -> Database.open(dir));
        assertEquals("db.error.isFolder", e.key());
    }

    @Test
    void failedWriteRollsBackEverything() {
        try (Database db = Database.open(dir.resolve("d.db"))) {
            SettingsRepository settings = new SettingsRepository(db);
            assertThrows(IllegalStateException.class, () -> db.inTransaction(() -> {
                settings.put("a", "1");
                settings.put("b", "2");
                throw new IllegalStateException("power cut");
            }));
            assertTrue(settings.get("a").isEmpty());
            assertTrue(settings.get("b").isEmpty());
            settings.put("c", "3"); // the connection is usable afterwards
            assertEquals("3", settings.get("c").orElseThrow());
        }
    }

    @Test
    void nestedWritesJoinTheOuterTransaction() {
        try (Database db = Database.open(dir.resolve("d.db"))) {
            SettingsRepository settings = new SettingsRepository(db);
            db.inTransaction(() -> {
                settings.put("x", "1");
                assertEquals(0, TestDb.sqlLong(db.file(), "SELECT count(*) FROM setting WHERE key = 'x'"),
                        "not visible to another connection before the outer commit");
            });
            assertEquals(1, TestDb.sqlLong(db.file(), "SELECT count(*) FROM setting WHERE key = 'x'"));
        }
    }

    @Test
    void migrationScriptsAreNumberedInOrder() {
        var all = Migrations.all();
        for (int i = 0; i < all.size(); i++) {
            assertEquals(i + 1, all.get(i).version());
        }
    }

    @Test
    void checksConstraintsInTheSchemaItself() throws Exception {
        Path file = dir.resolve("d.db");
        Database.open(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             PreparedStatement ps = c.prepareStatement("INSERT INTO unit (name, short_name, kind) VALUES ('x', 'x', 'PLANET')")) {
            assertThrows(java.sql.SQLException.class, ps::executeUpdate);
        }
    }
}
