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
 * Two seats change the same record at the same moment on PostgreSQL, both from the same reading. The first seat's
 * transaction is still open when the second's begins; the second waits (for the writers' turn, PostgresEngine's
 * advisory lock, or else for the row the first holds) and, once the first commits, is refused: a task's save with the
 * conflict naming the first seat (its version moved), a 销号 step with the conflict or, having read the step already
 * taken, the step's own refusal. Nothing of the second is written. No sleeping: the first seat commits once the
 * server says the other session is waiting for a lock.
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
                awaitSomeoneWaitingForALock(server); // the second seat's save, waiting for this one
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

    @Test
    void theSecondOfTwoVerificationsOfOneApplicationWaitsThenIsRefused() throws Exception {
        Engines.all();
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
                    "INSERT INTO assignment (id, task_id, unit_id) VALUES (1, 1, 1)",
                    "INSERT INTO close_out (id, assignment_id, applied_on, explanation) VALUES "
                            + "(1, 1, '2026-05-01', '已完成整改')");
            Services first = Services.over(a, FIRST).operatedBy("秘书甲");
            Services second = Services.over(b, FIRST).operatedBy("秘书乙");
            java.time.LocalDate may5 = java.time.LocalDate.of(2026, 5, 5);

            CountDownLatch firstWrote = new CountDownLatch(1);
            Future<?> firstStep = seats.submit(() -> first.repositories().unitOfWork().inTransaction(() -> {
                first.closeOuts().verify(1, org.duban.model.VerificationLevel.CITY, "市督查室", may5, true, "");
                firstWrote.countDown();
                awaitSomeoneWaitingForALock(server);
                return null;
            }));
            firstWrote.await();
            Future<?> secondStep = seats.submit(() -> second.closeOuts().verify(1,
                    org.duban.model.VerificationLevel.COUNTY, "区督查室", may5, false, "资料不全"));

            firstStep.get();
            ExecutionException e = assertThrows(ExecutionException.class, secondStep::get);
            org.duban.i18n.LocalizedException refused = assertInstanceOf(org.duban.i18n.LocalizedException.class,
                    e.getCause());
            if (refused instanceof EditConflictException conflict) { // it read before the first committed
                assertEquals("秘书甲", conflict.operator());
                String message = conflict.getLocalizedMessage();
                assertTrue(message.startsWith("这项销号申请已由“秘书甲”于 2026-05-06 10:30 修改过")
                        && message.endsWith(org.duban.i18n.Messages.tr("edit.next.detail")), message);
            } else { // it waited for its turn, then read the verification already there
                assertEquals("closeOut.error.notAwaitingVerification", refused.key());
            }
            var stored = second.repositories().closeOuts().findById(1).orElseThrow();
            assertEquals("市督查室", stored.verification().verifiers(), "the first seat's verification stays");
            assertTrue(stored.verification().passed());
            assertEquals(0, Services.over(a).repositories().audit().findAll().stream()
                    .filter(x -> x.operator().equals("秘书乙")).count(), "nothing of the second seat's step");
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
