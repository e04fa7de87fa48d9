package org.duban.persistence.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import org.duban.model.AuditEntity;
import org.duban.model.ReportingCycle;
import org.duban.model.Supervision;
import org.duban.persistence.Database;
import org.duban.persistence.StaleRowException;
import org.duban.persistence.SupervisionRepository;
import org.duban.persistence.TaskScope;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link SupervisionRepository} on every engine: put, read by task and by scope, put again to change, delete. */
class SupervisionRepositoryContractTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void putFindChangeAndDelete(Engine engine) {
        try (Database db = engine.create(dir)) {
            Engines.seedTasks(engine, db);
            SupervisionRepository supervision = new SupervisionRepository(db);
            Supervision one = new Supervision(1, "市长", LocalDate.of(2026, 3, 20), ReportingCycle.WEEKLY, "每周一报");
            Supervision two = new Supervision(2, "分管副市长", LocalDate.of(2026, 3, 21), ReportingCycle.MONTHLY, null);
            supervision.put(one, OptionalLong.empty());
            supervision.put(two, OptionalLong.empty());
            assertEquals(OptionalLong.of(0), supervision.version(1), "a new supervision's version");
            assertEquals(OptionalLong.empty(), supervision.version(3), "none for a task that has none");

            assertEquals(one, supervision.findByTask(1).orElseThrow());
            assertEquals(List.of(one, two), supervision.find(TaskScope.all()));
            assertEquals(List.of(one, two), supervision.find(TaskScope.meeting(1L)));
            assertEquals(List.of(two), supervision.find(TaskScope.task(2)));
            assertEquals(List.of(one), supervision.find(TaskScope.assignment(2)), "task 1's share");

            Supervision changed = new Supervision(1, "副市长", LocalDate.of(2026, 4, 1), ReportingCycle.HALF_MONTHLY,
                    "改为半月一报");
            supervision.put(changed, OptionalLong.of(0));
            assertEquals(changed, supervision.findByTask(1).orElseThrow());
            assertEquals(OptionalLong.of(1), supervision.version(1), "the change moved the version on");
            assertEquals(2, supervision.find(TaskScope.all()).size(), "changed, not doubled");

            supervision.delete(1);
            assertTrue(supervision.findByTask(1).isEmpty());
            assertEquals(List.of(two), supervision.find(TaskScope.all()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void aChangeFromAnOlderReadingChangesNothing(Engine engine) {
        try (Database db = engine.create(dir)) {
            Engines.seedTasks(engine, db);
            SupervisionRepository supervision = new SupervisionRepository(db);
            Supervision first = new Supervision(1, "市长", LocalDate.of(2026, 3, 20), ReportingCycle.WEEKLY, "");
            supervision.put(first, OptionalLong.empty());
            Supervision second = new Supervision(1, "副市长", LocalDate.of(2026, 3, 21), ReportingCycle.MONTHLY, "");

            StaleRowException e = assertThrows(StaleRowException.class,
                    () -> supervision.put(second, OptionalLong.empty()));
            assertEquals(AuditEntity.SUPERVISION, e.entity(), "supervised meanwhile: not put over it");
            assertEquals(1, e.entityId());
            supervision.put(first, OptionalLong.of(0));
            e = assertThrows(StaleRowException.class, () -> supervision.put(second, OptionalLong.of(0)));
            assertEquals(first, supervision.findByTask(1).orElseThrow(), "the newer change stays");
            assertEquals(OptionalLong.of(1), supervision.version(1));
        }
    }
}
