package org.duban.persistence.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.duban.model.AuditAction;
import org.duban.model.AuditEntity;
import org.duban.model.AuditEntry;
import org.duban.persistence.AuditRepository;
import org.duban.persistence.Database;
import org.duban.persistence.PersistenceException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link AuditRepository} on every engine: rows appended one by one and many at once, read back whole (the whole
 * trail oldest first, a task's history newest first, the timeline), and the table's refusal of changes.
 */
class AuditRepositoryContractTest {
    @TempDir
    Path dir;

    private static final Instant AT = Instant.parse("2026-03-19T08:30:00.125Z");

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void appendedRowsReadBackInTheirOrders(Engine engine) {
        try (Database db = engine.create(dir)) {
            Engines.seedTasks(engine, db);
            AuditRepository audit = new AuditRepository(db);
            assertEquals(List.of(), audit.findAll(), "an empty trail");
            assertEquals(List.of(), audit.findByTask(1));
            assertEquals(List.of(), audit.timeline());

            AuditEntry created = audit.append(new AuditEntry(0, AT, "张三", AuditEntity.TASK, 1, 1L, null,
                    AuditAction.CREATE, null, null, "问题一"));
            assertTrue(created.id() > 0, "the key comes back");
            assertEquals(new AuditEntry(created.id(), AT, "张三", AuditEntity.TASK, 1, 1L, null, AuditAction.CREATE, "",
                    null, "问题一"), created);
            audit.appendAll(List.of(
                    new AuditEntry(0, AT.plusSeconds(1), "李四", AuditEntity.ASSIGNMENT, 2, 1L, 2L, AuditAction.UPDATE,
                            "status", "NOT_STARTED", "COMPLETED"),
                    new AuditEntry(0, AT.plusSeconds(2), "李四", AuditEntity.TASK, 2, 2L, null, AuditAction.UPDATE,
                            "problem", "问题二", "问题二（改）"),
                    new AuditEntry(0, AT.plusSeconds(3), "王五", AuditEntity.SETTING, 0, null, null,
                            AuditAction.UPDATE, "city.name", null, "宁德市")));
            audit.appendAll(List.of());

            List<AuditEntry> all = audit.findAll();
            assertEquals(4, all.size());
            assertEquals(created, all.get(0), "oldest first");
            for (int i = 1; i < all.size(); i++) {
                assertTrue(all.get(i).id() > all.get(i - 1).id());
            }
            assertEquals(new AuditEntry(all.get(1).id(), AT.plusSeconds(1), "李四", AuditEntity.ASSIGNMENT, 2, 1L, 2L,
                    AuditAction.UPDATE, "status", "NOT_STARTED", "COMPLETED"), all.get(1), "every field, nulls kept");
            assertEquals(List.of(all.get(1), created), audit.findByTask(1), "a task's history newest first");
            assertEquals(List.of(all.get(2)), audit.findByTask(2));
            assertEquals(List.of(), audit.findByTask(99));

            engine.seed(db, "DELETE FROM task WHERE id = 1");
            assertEquals(List.of(all.get(1), created), audit.findByTask(1), "kept after the task went");

            assertEquals(all.stream().map(e -> new AuditRepository.Stamp(e.id(), e.at().toString())).toList(),
                    audit.timeline(), "ids and times as stored, in id order");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void theTableRefusesChangesThroughItsTriggers(Engine engine) {
        try (Database db = engine.create(dir)) {
            AuditRepository audit = new AuditRepository(db);
            AuditEntry row = audit.append(new AuditEntry(0, AT, "张三", AuditEntity.SETTING, 0, null, null,
                    AuditAction.UPDATE, "city.name", "福州市", "宁德市"));
            assertTrue(audit.triggers().keySet().containsAll(List.of("audit_log_no_update", "audit_log_no_delete")),
                    "the triggers by name: " + audit.triggers().keySet());
            assertTrue(audit.triggers().get("audit_log_no_delete").toUpperCase().contains("BEFORE DELETE"));

            assertThrows(PersistenceException.class,
                    () -> engine.seed(db, "UPDATE audit_log SET operator = '某人' WHERE id = " + row.id()));
            assertThrows(PersistenceException.class, () -> engine.seed(db, "DELETE FROM audit_log"));
            assertEquals(List.of(row), audit.findAll(), "the row as it was");
        }
    }
}
