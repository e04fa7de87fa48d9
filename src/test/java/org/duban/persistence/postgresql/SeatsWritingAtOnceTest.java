package org.duban.persistence.postgresql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.duban.model.AuditAction;
import org.duban.model.AuditEntity;
import org.duban.model.AuditEntry;
import org.duban.model.ProgressReport;
import org.duban.model.TaskStatus;
import org.duban.persistence.AuditChain;
import org.duban.persistence.AuditRepository;
import org.duban.persistence.BulkInsert;
import org.duban.persistence.Database;
import org.duban.persistence.LedgerCopy;
import org.duban.persistence.PersistenceException;
import org.duban.persistence.ReportRepository;
import org.duban.persistence.TaskRepository;
import org.duban.persistence.contract.Engines;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several seats, each with its own connection ({@link Database#connect}), writing audited changes to one shared
 * ledger at the same moment: every change lands once, the audit ids are unique and consecutive, and the hash chain
 * verifies (each audit row chained to the committed row before it, each tracked row's last audit row naming its state).
 */
class SeatsWritingAtOnceTest {
    private static final int SEATS = 6;
    private static final int CHANGES = 40;
    private static final Instant AT = Instant.parse("2026-03-19T08:30:00Z");

    @TempDir
    Path dir;

    @BeforeAll
    static void serverAtHand() {
        Engines.all(); // with DUBAN_REQUIRE_PG=1, an absent server fails here
        org.junit.jupiter.api.Assumptions.assumeTrue(Engines.POSTGRESQL.available(), "no PostgreSQL server");
    }

    @Test
    void auditedChangesOfSeveralSeatsAllLandOnOneUnbrokenChain() throws Exception {
        String url = Engines.POSTGRESQL.url(Engines.POSTGRESQL.newDatabase());
        try (Database first = Database.connect(url, Engines.POSTGRESQL.credentials())) {
            Engines.POSTGRESQL.seed(first,
                    "INSERT INTO unit (id, name, short_name, kind, sort_order) VALUES (1, '蕉城区', '蕉城', 'DISTRICT', 1)",
                    "INSERT INTO meeting (id, kind, held_on, title) VALUES (1, 'ASSIGNMENT', '2026-03-19', '交办会')",
                    "INSERT INTO task (id, meeting_id, seq, source, problem, deadline) VALUES "
                            + "(1, 1, 1, '市级排查', '问题一', '2026年底前')",
                    "INSERT INTO assignment (id, task_id, unit_id) VALUES (1, 1, 1)");
        }
        CountDownLatch ready = new CountDownLatch(SEATS);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(SEATS);
        List<Future<List<Long>>> seats = new ArrayList<>();
        for (int s = 0; s < SEATS; s++) {
            String operator = "席位" + s;
            Callable<List<Long>> seat = () -> {
                try (Database db = Database.connect(url, Engines.POSTGRESQL.credentials())) {
                    ReportRepository reports = new ReportRepository(db);
                    TaskRepository tasks = new TaskRepository(db);
                    AuditRepository audit = new AuditRepository(db);
                    List<Long> ids = new ArrayList<>();
                    ready.countDown();
                    go.await();
                    for (int i = 0; i < CHANGES; i++) {
                        int n = i;
                        db.inTransaction(() -> {
                            ProgressReport r = reports.insert(new ProgressReport(0, 1, LocalDate.of(2026, 4, 1),
                                    n % 101, operator + " 第" + n + "次", operator));
                            ids.add(audit.append(new AuditEntry(0, AT, operator, AuditEntity.REPORT, r.id(), 1L, 1L,
                                    AuditAction.CREATE, null, null, r.text())).id());
                            TaskStatus status = n % 2 == 0 ? TaskStatus.ON_SCHEDULE : TaskStatus.NOT_STARTED;
                            tasks.updateAssignmentStatus(1, status);
                            ids.add(audit.append(new AuditEntry(0, AT, operator, AuditEntity.ASSIGNMENT, 1, 1L, 1L,
                                    AuditAction.UPDATE, "status", null, status.name())).id());
                        });
                    }
                    return ids;
                }
            };
            seats.add(pool.submit(seat));
        }
        ready.await();
        go.countDown();
        Set<Long> auditIds = new HashSet<>();
        for (Future<List<Long>> f : seats) {
            for (long id : f.get()) { // a seat's failure comes out here
                assertTrue(auditIds.add(id), "audit id " + id + " handed out twice");
            }
        }
        pool.shutdown();

        try (Database db = Database.connect(url, Engines.POSTGRESQL.credentials())) {
            var counts = LedgerCopy.rowCounts(db);
            assertEquals(SEATS * CHANGES, counts.get("progress_report"), "every report once");
            assertEquals(2L * SEATS * CHANGES, counts.get("audit_log"), "every audit row once");
            List<Long> stored = new AuditRepository(db).timeline().stream().map(AuditRepository.Stamp::id).toList();
            for (int i = 0; i < stored.size(); i++) {
                assertEquals(i + 1L, stored.get(i), "audit ids consecutive");
            }
            assertEquals(auditIds, new HashSet<>(stored), "the ids the seats were told are the ids stored");
            AuditChain.Verification v = AuditChain.verify(db);
            assertEquals(List.of(), v.broken(), "no broken link");
            assertEquals(List.of(), v.mismatches(), "every tracked row as its last audit row says");
        }
    }

    @Test
    void aBulkChunkWhoseIdsAnotherSeatTookIsRefusedWhole() {
        String url = Engines.POSTGRESQL.url(Engines.POSTGRESQL.newDatabase());
        try (Database loader = Database.connect(url, Engines.POSTGRESQL.credentials());
             Database seat = Database.connect(url, Engines.POSTGRESQL.credentials())) {
            Engines.POSTGRESQL.seed(loader,
                    "INSERT INTO unit (id, name, short_name, kind, sort_order) VALUES (1, '蕉城区', '蕉城', 'DISTRICT', 1)",
                    "INSERT INTO meeting (id, kind, held_on, title) VALUES (1, 'ASSIGNMENT', '2026-03-19', '交办会')",
                    "INSERT INTO task (id, meeting_id, seq, source, problem, deadline) VALUES "
                            + "(1, 1, 1, '市级排查', '问题一', '2026年底前')",
                    "INSERT INTO assignment (id, task_id, unit_id) VALUES (1, 1, 1)");
            BulkInsert bulk = new BulkInsert(loader);
            BulkInsert.NextIds next = bulk.nextIds();
            assertEquals(1, next.report());
            ProgressReport taken = new ReportRepository(seat).insert(new ProgressReport(0, 1,
                    LocalDate.of(2026, 4, 1), 10, "另一席位的报告", "席位二"));
            assertEquals(1, taken.id(), "the other seat took the id the load planned");

            BulkInsert.Chunk chunk = new BulkInsert.Chunk(AT, List.of(), List.of(new ProgressReport(next.report(), 1,
                    LocalDate.of(2026, 4, 2), 20, "生成的报告", "生成数据")), List.of(), List.of(), List.of(), List.of(),
                    List.of(new AuditEntry(next.audit(), AT, "生成数据", AuditEntity.REPORT, next.report(), 1L, 1L,
                            AuditAction.CREATE, null, null, "生成的报告")));
            PersistenceException e = assertThrows(PersistenceException.class, () -> bulk.write(chunk));
            assertEquals("db.error.idsTaken", e.key());
            assertTrue(e.getLocalizedMessage().contains("progress_report"),
                    e.getLocalizedMessage());
            assertEquals(List.of(taken), new ReportRepository(loader).find(org.duban.persistence.TaskScope.all()),
                    "nothing of the chunk landed");
            assertEquals(0L, LedgerCopy.rowCounts(loader).get("audit_log"));
        }
    }
}
