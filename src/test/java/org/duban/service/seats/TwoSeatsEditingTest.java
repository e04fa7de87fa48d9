package org.duban.service.seats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.duban.i18n.Messages;
import org.duban.model.AuditAction;
import org.duban.model.AuditEntity;
import org.duban.model.AuditEntry;
import org.duban.model.Task;
import org.duban.persistence.Database;
import org.duban.persistence.contract.Engine;
import org.duban.persistence.contract.Engines;
import org.duban.service.Services;
import org.duban.service.audit.EditConflictException;
import org.duban.service.tasks.TaskField;
import org.duban.service.tasks.TaskInput;
import org.duban.service.tasks.TaskService;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two seats (秘书甲, 秘书乙) on one ledger (issue 16): edits of different tasks both land; of the same task, from the
 * same reading, the second is refused with a message naming the first seat's operator and time (local), the stored
 * values are the first seat's, and the audit trail has the first change only. On a real PostgreSQL server with two
 * connections, and on one SQLite file with two stale forms in one program.
 */
class TwoSeatsEditingTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** 10:30 in Shanghai: the first seat saves then. */
    private static final Clock FIRST = Clock.fixed(Instant.parse("2026-05-06T02:30:00Z"), ZONE);
    private static final Clock SECOND = Clock.fixed(Instant.parse("2026-05-06T02:41:00Z"), ZONE);

    @TempDir
    Path dir;

    @Test
    void twoConnectionsToOnePostgresqlLedger() {
        Engines.all(); // with DUBAN_REQUIRE_PG=1, an absent server fails here
        Assumptions.assumeTrue(Engines.POSTGRESQL.available(), "no PostgreSQL server");
        String url = Engines.POSTGRESQL.url(Engines.POSTGRESQL.newDatabase());
        try (Database first = Database.connect(url, Engines.POSTGRESQL.credentials());
             Database second = Database.connect(url, Engines.POSTGRESQL.credentials())) {
            seed(Engines.POSTGRESQL, first);
            twoSeats(first, second);
        }
    }

    @Test
    void twoStaleFormsOnOneSqliteFile() {
        try (Database db = Engines.SQLITE.create(dir)) {
            seed(Engines.SQLITE, db);
            twoSeats(db, db); // one program, two forms opened on the same reading
        }
    }

    private static void twoSeats(Database firstDb, Database secondDb) {
        TaskService first = Services.over(firstDb, FIRST).operatedBy("秘书甲").tasks();
        TaskService second = Services.over(secondDb, SECOND).operatedBy("秘书乙").tasks();

        TaskService.Editing firstOfOne = first.forEditing(1).orElseThrow();
        TaskService.Editing secondOfOne = second.forEditing(1).orElseThrow();
        TaskService.Editing secondOfTwo = second.forEditing(2).orElseThrow();
        assertEquals(0, firstOfOne.version());
        assertEquals(firstOfOne, secondOfOne, "both seats read the same task");

        // different tasks: both land
        Task one = first.update(1, with(firstOfOne.input(), TaskField.PROBLEM, "问题一（甲补充）"), firstOfOne.version());
        Task two = second.update(2, with(secondOfTwo.input(), TaskField.PROBLEM, "问题二（乙补充）"),
                secondOfTwo.version());
        assertEquals(1, one.version());
        assertEquals("问题一（甲补充）", stored(second, 1).problem(), "the second seat sees the first seat's change");
        assertEquals("问题二（乙补充）", stored(first, 2).problem(), "and the first the second's");
        assertEquals(1, two.version());

        // the same task, from the same reading: the second is told who and when, and nothing of it is written
        int auditRows = trail(firstDb).size();
        EditConflictException e = assertThrows(EditConflictException.class, () -> second.update(1,
                with(with(secondOfOne.input(), TaskField.PROBLEM, "问题一（乙改写）"), TaskField.DEADLINE, "2027年上半年"),
                secondOfOne.version()));
        assertEquals("秘书甲", e.operator());
        assertEquals(Instant.parse("2026-05-06T02:30:00Z"), e.at());
        String message = e.getLocalizedMessage();
        assertTrue(message.contains("秘书甲") && message.contains("2026-05-06 10:30"),
                "who and when, in local time: " + message);
        assertTrue(message.contains("第1项任务") && message.contains(Messages.tr("edit.next.form")), message);

        Task now = stored(first, 1);
        assertEquals("问题一（甲补充）", now.problem(), "the first seat's values stay");
        assertEquals("2026年底前", now.deadline().phrase());
        assertEquals(1, now.version());
        List<AuditEntry> trail = trail(firstDb);
        assertEquals(auditRows, trail.size(), "the refused save left no audit row");
        List<AuditEntry> changes = trail.stream()
                .filter(a -> a.entity() == AuditEntity.TASK && a.entityId() == 1 && a.action() == AuditAction.UPDATE)
                .toList();
        assertEquals(1, changes.size(), "one change of task 1: " + changes);
        assertEquals("秘书甲", changes.get(0).operator());
        assertEquals("问题一（甲补充）", changes.get(0).newValue());

        // the second seat takes the newest values in and saves again: now it lands, on top of the first's
        TaskService.Editing fresh = second.forEditing(1).orElseThrow();
        assertEquals(1, fresh.version());
        assertEquals("问题一（甲补充）", fresh.input().problem(), "the newest values for the form");
        Task again = second.update(1, with(fresh.input(), TaskField.DEADLINE, "2027年上半年"), fresh.version());
        assertEquals(2, again.version());
        assertEquals("问题一（甲补充）", stored(first, 1).problem());
        assertEquals("2027年上半年", stored(first, 1).deadline().phrase());
        assertNotEquals(auditRows, trail(firstDb).size());
    }

    private static Task stored(TaskService tasks, long id) {
        return tasks.checklist(1).stream().filter(r -> r.task().id() == id).findFirst().orElseThrow().task();
    }

    private static List<AuditEntry> trail(Database db) {
        return Services.over(db).repositories().audit().findAll();
    }

    private static TaskInput with(TaskInput in, TaskField field, String value) {
        Map<TaskField, String> m = new EnumMap<>(TaskField.class);
        for (TaskField f : TaskField.values()) {
            m.put(f, in.get(f));
        }
        m.put(field, value);
        return TaskInput.of(m);
    }

    /** Two units, a meeting, two tasks (1: units 1 and 2; 2: unit 1). */
    private static void seed(Engine engine, Database db) {
        engine.seed(db,
                "INSERT INTO unit (id, name, short_name, kind, sort_order) VALUES "
                        + "(1, '蕉城区', '蕉城', 'DISTRICT', 1), (2, '市水利局', '水利局', 'CITY_DEPARTMENT', 2)",
                "INSERT INTO meeting (id, kind, held_on, title) VALUES (1, 'ASSIGNMENT', '2026-03-19', '交办会')",
                "INSERT INTO task (id, meeting_id, seq, source, problem, deadline) VALUES "
                        + "(1, 1, 1, '市级排查', '问题一', '2026年底前'), (2, 1, 2, '市级排查', '问题二', '2026年底前')",
                "INSERT INTO assignment (id, task_id, unit_id) VALUES (1, 1, 1), (2, 1, 2), (3, 2, 1)");
    }
}
