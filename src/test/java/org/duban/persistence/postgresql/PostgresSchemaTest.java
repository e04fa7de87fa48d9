package org.duban.persistence.postgresql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.duban.persistence.Database;
import org.duban.persistence.Migrations;
import org.duban.persistence.contract.Engines;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two engines' schemas are one schema: a new PostgreSQL ledger migrates to the version a new SQLite ledger has,
 * with the same tables, the same columns in the same order (of the same kind, the same NOT NULLs, the same primary
 * keys), the same indexes and the audit trail's triggers. A migration added to one folder only
 * ({@code db/migration/sqlite} or {@code …/postgresql}) fails here.
 */
class PostgresSchemaTest {
    @TempDir
    Path dir;

    /** One column as both engines can tell it: its name, its kind of value, NOT NULL, its place in the key. */
    record Column(String name, String kind, boolean notNull, int keyPosition) {
    }

    @BeforeAll
    static void serverAtHand() {
        Engines.all(); // with DUBAN_REQUIRE_PG=1, an absent server fails here
        org.junit.jupiter.api.Assumptions.assumeTrue(Engines.POSTGRESQL.available(), "no PostgreSQL server");
    }

    @Test
    void aNewLedgerOnEitherEngineHasTheSameVersionTablesColumnsIndexesAndTriggers() throws Exception {
        try (Database sqlite = Database.create(dir.resolve("schema.db"));
             Database pg = Engines.POSTGRESQL.create(dir)) {
            assertEquals(Migrations.latestVersion(), sqlite.schemaVersion());
            assertEquals(sqlite.schemaVersion(), pg.schemaVersion(), "the PostgreSQL migrations end where SQLite's do");

            Map<String, List<Column>> lite = sqlite.read(PostgresSchemaTest::sqliteTables);
            Map<String, List<Column>> post = pg.read(PostgresSchemaTest::postgresTables);
            assertEquals(lite.keySet(), post.keySet(), "the same tables");
            for (String table : lite.keySet()) {
                assertEquals(lite.get(table), post.get(table), "the columns of " + table);
            }
            List<String> liteIndexes = sqlite.read(c -> names(c, "SELECT name FROM sqlite_master WHERE type = 'index' "
                    + "AND sql IS NOT NULL AND tbl_name <> '" + Migrations.HISTORY + "'"));
            List<String> pgIndexes = pg.read(c -> names(c, "SELECT indexname FROM pg_indexes WHERE schemaname = "
                    + "current_schema() AND indexname NOT LIKE '%\\_pkey' AND indexname NOT LIKE '%\\_key' "
                    + "AND indexname NOT LIKE '" + Migrations.HISTORY + "%'"));
            assertEquals(liteIndexes, pgIndexes, "the same named indexes");
            List<String> liteTriggers = sqlite.read(c -> names(c, "SELECT name FROM sqlite_master WHERE type = 'trigger'"));
            List<String> pgTriggers = pg.read(c -> names(c, "SELECT DISTINCT trigger_name FROM information_schema.triggers "
                    + "WHERE trigger_schema = current_schema()"));
            assertEquals(liteTriggers, pgTriggers, "the same triggers");
            assertTrue(pg.integrityCheck().isEmpty(), "the audit trail's guards in place: " + pg.integrityCheck());
        }
    }

    @Test
    void theMigrationFoldersHoldTheSameVersionsFromPostgresqlsFirstOn() throws Exception {
        TreeSet<Integer> sqlite = versions(Migrations.SQLITE);
        TreeSet<Integer> pg = versions(Migrations.POSTGRESQL);
        assertEquals(sqlite.last(), pg.last(), "both folders end at the same version");
        assertEquals(new TreeSet<>(sqlite.tailSet(pg.first())), pg,
                "after PostgreSQL's first script every version is in both folders");
    }

    private static TreeSet<Integer> versions(String location) throws Exception {
        String folder = location.substring("classpath:".length());
        TreeSet<Integer> versions = new TreeSet<>();
        try (var files = java.nio.file.Files.list(Path.of(
                PostgresSchemaTest.class.getClassLoader().getResource(folder).toURI()))) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .forEach(n -> versions.add(Integer.parseInt(n.substring(1, n.indexOf("__")))));
        }
        return versions;
    }

    private static Map<String, List<Column>> sqliteTables(Connection c) throws SQLException {
        Map<String, List<Column>> tables = new TreeMap<>();
        for (String table : names(c, "SELECT name FROM sqlite_master WHERE type = 'table' "
                + "AND name NOT LIKE 'sqlite%' AND name <> '" + Migrations.HISTORY + "'")) {
            List<Column> columns = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("PRAGMA table_info(\"" + table + "\")")) {
                while (rs.next()) {
                    int pk = rs.getInt("pk");
                    // SQLite's INTEGER PRIMARY KEY is the rowid: never null, though table_info says nothing
                    columns.add(new Column(rs.getString("name"), kind(rs.getString("type")),
                            rs.getInt("notnull") == 1 || pk > 0, pk));
                }
            }
            tables.put(table, columns);
        }
        return tables;
    }

    private static Map<String, List<Column>> postgresTables(Connection c) throws SQLException {
        Map<String, List<Column>> tables = new TreeMap<>();
        for (String table : names(c, "SELECT table_name FROM information_schema.tables WHERE table_schema = "
                + "current_schema() AND table_type = 'BASE TABLE' AND table_name <> '" + Migrations.HISTORY + "'")) {
            List<Column> columns = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT c.column_name, c.data_type, c.is_nullable, coalesce(k.ordinal_position, 0) "
                            + "FROM information_schema.columns c "
                            + "LEFT JOIN information_schema.table_constraints t ON t.table_schema = c.table_schema "
                            + "AND t.table_name = c.table_name AND t.constraint_type = 'PRIMARY KEY' "
                            + "LEFT JOIN information_schema.key_column_usage k ON k.constraint_name = t.constraint_name "
                            + "AND k.table_schema = c.table_schema AND k.column_name = c.column_name "
                            + "WHERE c.table_schema = current_schema() AND c.table_name = '" + table + "' "
                            + "ORDER BY c.ordinal_position")) {
                while (rs.next()) {
                    columns.add(new Column(rs.getString(1), kind(rs.getString(2)), "NO".equals(rs.getString(3)),
                            rs.getInt(4)));
                }
            }
            tables.put(table, columns);
        }
        return tables;
    }

    /** SQLite's type affinity, or what PostgreSQL's type stands for: integer, real, text, bytes. */
    private static String kind(String type) {
        String t = type.toLowerCase(java.util.Locale.ROOT);
        if (t.contains("int")) {
            return "integer";
        }
        if (t.contains("real") || t.contains("double") || t.contains("float")) {
            return "real";
        }
        if (t.contains("blob") || t.contains("bytea")) {
            return "bytes";
        }
        if (t.contains("text") || t.contains("char")) {
            return "text";
        }
        return t;
    }

    private static List<String> names(Connection c, String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql + " ORDER BY 1")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
