package org.duban.service.seats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.duban.model.AuditAction;
import org.duban.model.AuditEntity;
import org.duban.model.AuditEntry;
import org.duban.model.Task;
import org.duban.persistence.Database;
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
 * Two seats save the same task at the same moment on PostgreSQL: both read version 0 and both pass the service's
 * check; the first seat's UPDATE holds the row until it commits, the second's waits for it and then finds the version
 * moved (WHERE row_version = :seen matches no row). The second is refused naming the first seat, nothing of it is
 * written. No sleeping: the first seat commits once the server says the second is waiting for its lock.
 */
class TwoSavesInFlightTest {
    private static final Clock FIRST = Clock.fixed(Instant.parse("2026-05-06T02:30:00Z"), ZoneId.of("Asia/Shanghai"));

    @TempDir
    Path dir;

    @Test
    void theSecondSaveWaitsForTheFirstThenIsRefused() throws Exception {
        Engines.all(); // with DUBAN_REQUIRE_PG=1, an absent server fails here
        Assumptions.assumeTrue(Engines.POSTGRESQL.available(), "no PostgreSQL server");
        String url = Engines.POSTGRESQL.url(Engines.POSTGRESQL.newDatabase());
        ExecutorService seats = Executors.newFixedThreadPool(2);
        try (Database a = Database.connect(url, Engines.POSTGRESQL.credentials());
             Database b = Database.connect(url, Engines.POSTGRESQL.credentials());
             Database server = Database.connect(url, Engines.POSTGRESQL.credentials())) {
            Engines.POSTGRESQL.seed(a,
                    "INSERT INTO unit (id, name, short_name, kind, sort_order) VALUES (1, '蕉城区', '蕉城', 'DISTRICT', 1)",
                    "INSERT INTO meeting (id, kind, held_on, title) VALUES (1, 'ASSIGNMENT', '2026-03-19', '交办会')",
                    "INSERT INTO task (id, meeting_id, seq, source, problem, deadline) VALUES "
                            + "(1, 1, 1, '市级排查', '问题一', '2026年底前')",
                    "INSERT INTO assignment (id, task_id, unit_id) VALUES (1, 1, 1)");
            Services first = Services.over(a, FIRST).operatedBy("秘书甲");
            TaskService second = Services.over(b, FIRST).operatedBy("秘书乙").tasks();
            TaskService.Editing readByFirst = first.tasks().forEditing(1).orElseThrow();
            TaskService.Editing readBySecond = second.forEditing(1).orElseThrow();

            CountDownLatch firstWrote = new CountDownLatch(1);
            Future<Task> firstSave = seats.submit(() -> first.repositories().unitOfWork().inTransaction(() -> {
                Task t = first.tasks().update(1, with(readByFirst.input(), "问题一（甲）"), readByFirst.version());
                firstWrote.countDown();
                awaitSomeoneWaitingForALock(server); // the second seat's UPDATE, on the row this one holds
                return t;
            }));
            firstWrote.await();
            Future<Task> secondSave = seats.submit(() -> second.update(1, with(readBySecond.input(), "问题一（乙）"),
                    readBySecond.version()));

            assertEquals(1, firstSave.get().version(), "the first seat's save lands");
            ExecutionException e = assertThrows(ExecutionException.class, secondSave::get);
            EditConflictException conflict = assertInstanceOf(EditConflictException.class, e.getCause());
            assertEquals("秘书甲", conflict.operator());
            assertTrue(conflict.getLocalizedMessage().contains("2026-05-06 10:30"), conflict.getLocalizedMessage());

            assertEquals("问题一（甲）", second.forEditing(1).orElseThrow().input().problem(), "the first seat's value");
            assertEquals(1, second.forEditing(1).orElseThrow().version());
            List<AuditEntry> changes = Services.over(a).repositories().audit().findAll().stream()
                    .filter(x -> x.entity() == AuditEntity.TASK && x.action() == AuditAction.UPDATE).toList();
            assertEquals(1, changes.size(), "one change in the trail: " + changes);
            assertEquals("秘书甲", changes.get(0).operator());
        } finally {
            seats.shutdownNow();
        }
    }

    /** Returns once another session of this database waits for a lock (asks the server, again and again). */
    private static void awaitSomeoneWaitingForALock(Database server) {
        long giveUp = System.nanoTime() + 60_000_000_000L; // a safety net, not a timing: a hung test fails
        while (System.nanoTime() < giveUp) {
            int waiting = server.read(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM "
                        + "pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            if (waiting > 0) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the second seat never waited for the first seat's row");
    }

    private static TaskInput with(TaskInput in, String problem) {
        Map<TaskField, String> m = new EnumMap<>(TaskField.class);
        for (TaskField f : TaskField.values()) {
            m.put(f, in.get(f));
        }
        m.put(TaskField.PROBLEM, problem);
        return TaskInput.of(m);
    }
}
