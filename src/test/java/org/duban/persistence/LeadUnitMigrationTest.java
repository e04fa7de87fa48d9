package org.duban.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import org.duban.model.Task;
import org.duban.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ledger from before the lead unit (牵头单位, issue 14) opens and upgrades: every task and share kept, none with a
 * lead unit; a lead unit can then be stored, read back and changed, and must be a unit of the roster.
 */
class LeadUnitMigrationTest {
    @TempDir
    Path dir;

    /** The version just before the lead-unit migration, looked up by name (the lead renumbers at merge). */
    private static int versionBefore() {
        List<Migrations.Migration> all = Migrations.all();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).name().contains("task_lead_unit")) {
                return i;
            }
        }
        throw new AssertionError("no lead-unit migration");
    }

    @Test
    void anOlderLedgerOpensWithItsTasksAndNoLeadUnitAndThenTakesOne() {
        Path file = dir.resolve("old.db");
        try (Database db = Database.open(file, Migrations.all().subList(0, versionBefore()))) {
            db.write(c -> {
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("INSERT INTO unit (id, name, short_name, kind, sort_order) VALUES "
                            + "(1, '蕉城区', '蕉城', 'DISTRICT', 1), (2, '市水利局', '水利局', 'CITY_DEPARTMENT', 2)");
                    st.executeUpdate("INSERT INTO meeting (id, kind, held_on, title) VALUES "
                            + "(1, 'ASSIGNMENT', '2026-03-19', '交办会')");
                    st.executeUpdate("INSERT INTO task (id, meeting_id, seq, source, problem, deadline) VALUES "
                            + "(1, 1, 1, '市级排查', '问题一', '2026年底前')");
                    st.executeUpdate("INSERT INTO assignment (id, task_id, unit_id) VALUES (1, 1, 1)");
                }
                return null;
            });
        }
        try (Database db = Database.open(file)) {
            assertEquals(Migrations.latestVersion(), db.schemaVersion());
            TaskRepository tasks = new TaskRepository(db);
            Task t = tasks.findByMeeting(1).get(0);
            assertEquals(0, t.leadUnitId());
            assertEquals(1, t.assignments().size());
            Task led = new Task(t.id(), t.meetingId(), t.seq(), t.source(), t.category(), t.problem(), t.target(),
                    t.measures(), t.leader(), t.supportingUnits(), t.deadline(), t.remarks(), t.assignments(), 2);
            tasks.update(led, java.time.LocalDate.of(2026, 4, 1), null);
            assertEquals(2, tasks.findByMeeting(1).get(0).leadUnitId());
            assertEquals(2, tasks.findForCounting(TaskScope.meeting(1L)).get(0).leadUnitId(), "statistics see it too");
            assertEquals(1, tasks.findByMeeting(1).get(0).assignments().size(), "leading gives no share");
            Task none = new Task(t.id(), t.meetingId(), t.seq(), t.source(), t.category(), t.problem(), t.target(),
                    t.measures(), t.leader(), t.supportingUnits(), t.deadline(), t.remarks(), t.assignments(), 99);
            assertThrows(PersistenceException.class, () -> tasks.update(none, java.time.LocalDate.of(2026, 4, 1), null),
                    "the lead unit must be in the roster");
            assertEquals(0, TestDb.sqlLong(file, "SELECT count(*) FROM pragma_foreign_key_check"));
            assertTrue(TestDb.sqlString(file, "PRAGMA integrity_check").equals("ok"));
        }
    }
}
