package org.duban.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import org.duban.persistence.sqlite.BackupFolder;
import org.duban.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ledger written by the previous schema (version 3) opens with this version: the roster is rebuilt (kind 其他,
 * retirement) with every unit, alias and share intact, the sources and categories become a vocabulary in the order
 * the tasks first used them, and no share is withdrawn.
 */
class SchemaV4MigrationTest {
    @TempDir
    Path dir;

    /** A version-3 ledger with two units, one task with two shares, a report and a bulletin line. */
    private Path version3Ledger() {
        Path file = dir.resolve("v3.db");
        try (Database db = Database.open(file, Migrations.all().subList(0, 3))) {
            assertEquals(3, db.schemaVersion());
            db.write(c -> {
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("INSERT INTO unit (id, name, short_name, kind, sort_order) VALUES "
                            + "(1, '蕉城区', '蕉城', 'DISTRICT', 1), (2, '市水利局', '水利局', 'CITY_DEPARTMENT', 2)");
                    st.executeUpdate("INSERT INTO unit_alias (unit_id, alias) VALUES (1, '蕉城区人民政府')");
                    st.executeUpdate("INSERT INTO meeting (id, kind, held_on, title) VALUES "
                            + "(1, 'ASSIGNMENT', '2026-03-19', '交办会')");
                    st.executeUpdate("INSERT INTO task (id, meeting_id, seq, source, category, problem, deadline) VALUES "
                            + "(1, 1, 1, '中央生态环境保护督察', '水环境', '问题一', '2026年底前'), "
                            + "(2, 1, 2, '省级督察', '海洋', '问题二', '2026年底前'), "
                            + "(3, 1, 3, '中央生态环境保护督察', '', '问题三', '2026年底前')");
                    st.executeUpdate("INSERT INTO assignment (id, task_id, unit_id) VALUES (1, 1, 1), (2, 1, 2), (3, 2, 1), "
                            + "(4, 3, 2)");
                    st.executeUpdate("INSERT INTO progress_report (assignment_id, reported_on, percent, text) VALUES "
                            + "(2, '2026-04-01', 30, '已启动')");
                    st.executeUpdate("INSERT INTO bulletin (id, meeting_id, as_of, issued_at, tasks, assignments, "
                            + "completed_tasks, completed_assignments, closed_assignments, overdue_tasks, "
                            + "overdue_assignments, supervised_tasks) VALUES (1, 1, '2026-05-01', '2026-05-01T00:00:00Z', "
                            + "3, 4, 0, 0, 0, 0, 0, 0)");
                    st.executeUpdate("INSERT INTO bulletin_unit VALUES (1, 2, '市水利局', 2, 0, 0, 0, 0, 1)");
                }
                return null;
            });
        }
        return file;
    }

    @Test
    void aVersion3LedgerOpensWithEveryRowKept() {
        Path file = version3Ledger();
        try (Database db = Database.open(file)) {
            assertEquals(Database.latestSchemaVersion(), db.schemaVersion());
            var units = new UnitRepository(db).findAll();
            assertEquals(List.of("蕉城区", "市水利局"), units.stream().map(u -> u.name()).toList());
            assertEquals(List.of("蕉城区人民政府"), units.get(0).aliases());
            assertEquals(4, TestDb.sqlLong(file, "SELECT count(*) FROM assignment WHERE withdrawn_on IS NULL"));
            assertEquals(1, TestDb.sqlLong(file, "SELECT count(*) FROM progress_report"));
            assertEquals(1, TestDb.sqlLong(file, "SELECT count(*) FROM bulletin_unit"), "a roster rebuild cascades nothing");
            assertEquals(1, TestDb.sqlLong(file, "SELECT count(*) FROM unit_alias"));
            assertEquals(0, TestDb.sqlLong(file, "SELECT count(*) FROM unit WHERE retired_on IS NOT NULL"));
            assertEquals("中央生态环境保护督察,省级督察", TestDb.sqlString(file,
                    "SELECT group_concat(name) FROM (SELECT name FROM vocabulary WHERE kind = 'SOURCE' ORDER BY sort_order)"));
            assertEquals("水环境,海洋", TestDb.sqlString(file,
                    "SELECT group_concat(name) FROM (SELECT name FROM vocabulary WHERE kind = 'CATEGORY' ORDER BY sort_order)"));
            assertEquals(0, TestDb.sqlLong(file, "SELECT count(*) FROM pragma_foreign_key_check"), "no dangling reference");
            assertEquals(1L, (long) db.read(c -> {
                try (Statement st = c.createStatement(); var rs = st.executeQuery("PRAGMA foreign_keys")) {
                    rs.next();
                    return rs.getLong(1);
                }
            }), "foreign keys are on again after the migration");
            // the rebuilt roster still guards its shares
            assertThrows(PersistenceException.class, () -> db.write(c -> {
                try (Statement st = c.createStatement()) {
                    return st.executeUpdate("DELETE FROM unit WHERE id = 1");
                }
            }));
        }
        assertTrue(BackupFolder.besides(file).list().stream().anyMatch(b -> b.reason().tag().equals("migration")),
                "the version-3 file was backed up before the upgrade");
    }
}
