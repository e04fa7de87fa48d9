package org.duban.persistence.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.duban.model.AuditAction;
import org.duban.model.AuditEntity;
import org.duban.model.AuditEntry;
import org.duban.model.ImportRun;
import org.duban.persistence.AuditRepository;
import org.duban.persistence.Database;
import org.duban.persistence.ImportRunRepository;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ImportRunRepository} on every engine: an import recorded and finished, the newest of a kind, and what the
 * audit trail holds after a row.
 */
class ImportRunRepositoryContractTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void recordFinishAndFindTheNewest(Engine engine) {
        try (Database db = engine.create(dir)) {
            Engines.seedTasks(engine, db);
            ImportRunRepository runs = new ImportRunRepository(db);
            assertTrue(runs.latest(ImportRun.Kind.TASKS).isEmpty(), "none yet");

            Instant at = Instant.parse("2026-03-19T08:30:15.250Z");
            ImportRun first = runs.insert(new ImportRun(0, ImportRun.Kind.TASKS, "清单.xlsx", 1L, at, "张三",
                    "备份.db", null, null));
            ImportRun returns = runs.insert(new ImportRun(0, ImportRun.Kind.RETURNS, "回执.docx", null,
                    at.plusSeconds(60), "李四", null, 5L, null));
            ImportRun second = runs.insert(new ImportRun(0, ImportRun.Kind.TASKS, "修订清单.xlsx", 1L,
                    at.plusSeconds(120), "张三", "", null, null));
            assertTrue(first.id() > 0 && first.id() < returns.id() && returns.id() < second.id(), "keys in order");
            assertEquals(new ImportRun(first.id(), ImportRun.Kind.TASKS, "清单.xlsx", 1L, at, "张三", "备份.db", null,
                    null), first);

            assertEquals(first, runs.findById(first.id()).orElseThrow(), "the instant to its millisecond");
            assertEquals(returns, runs.findById(returns.id()).orElseThrow(), "no meeting, no backup: \"\"");
            assertEquals("", runs.findById(returns.id()).orElseThrow().backupFile());
            assertTrue(runs.findById(second.id() + 10).isEmpty());
            assertEquals(second, runs.latest(ImportRun.Kind.TASKS).orElseThrow());
            assertEquals(returns, runs.latest(ImportRun.Kind.RETURNS).orElseThrow());

            ImportRun finished = runs.finish(first, 11L, 42L);
            assertEquals(new ImportRun(first.id(), ImportRun.Kind.TASKS, "清单.xlsx", 1L, at, "张三", "备份.db", 11L,
                    42L), finished);
            assertEquals(finished, runs.findById(first.id()).orElseThrow());
            runs.finish(finished, null, null);
            assertEquals(first, runs.findById(first.id()).orElseThrow(), "back to none");
            assertEquals(second, runs.findById(second.id()).orElseThrow(), "the others untouched");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void whatTheTrailHoldsAfterARow(Engine engine) {
        try (Database db = engine.create(dir)) {
            ImportRunRepository runs = new ImportRunRepository(db);
            assertEquals(0, runs.lastAuditId(), "an empty trail");
            assertEquals(new ImportRunRepository.WrittenSince(0, null, null, null), runs.writtenSince(0));
            assertTrue(runs.writtenSince(0).isEmpty());

            AuditRepository audit = new AuditRepository(db);
            Instant at = Instant.parse("2026-03-19T08:30:00Z");
            List<AuditEntry> rows = List.of(
                    new AuditEntry(0, at, "张三", AuditEntity.SETTING, 1, null, null, AuditAction.UPDATE, "city",
                            "福州市", "宁德市"),
                    new AuditEntry(0, at.plusSeconds(1), "李四", AuditEntity.MEETING, 2, null, null,
                            AuditAction.CREATE, "", null, "交办会"),
                    new AuditEntry(0, at.plusSeconds(2), "王五", AuditEntity.IMPORT, 3, null, null,
                            AuditAction.CREATE, "", null, "清单.xlsx"));
            audit.appendAll(rows);
            long last = runs.lastAuditId();
            List<AuditEntry> stored = audit.findAll();
            assertEquals(stored.get(2).id(), last);

            assertEquals(new ImportRunRepository.WrittenSince(3, at.plusSeconds(2).toString(), "王五", "IMPORT"),
                    runs.writtenSince(0), "every row; the newest one's time, operator and entity");
            assertEquals(new ImportRunRepository.WrittenSince(1, at.plusSeconds(2).toString(), "王五", "IMPORT"),
                    runs.writtenSince(stored.get(1).id()));
            ImportRunRepository.WrittenSince none = runs.writtenSince(last);
            assertTrue(none.isEmpty(), "nothing after the last row");
            assertEquals(new ImportRunRepository.WrittenSince(0, null, null, null), none);
        }
    }
}
