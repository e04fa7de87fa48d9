package org.duban.persistence.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.duban.model.CloseOut;
import org.duban.model.CloseOutStage;
import org.duban.model.Verification;
import org.duban.model.VerificationLevel;
import org.duban.persistence.CloseOutRepository;
import org.duban.persistence.Database;
import org.duban.persistence.PersistenceException;
import org.duban.persistence.StaleRowException;
import org.duban.persistence.TaskScope;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link CloseOutRepository} on every engine: an application through every step (verified, 公示, closed,
 * reopened) written and read back, reads by id and by scope in order, and the steps' rules the table keeps.
 */
class CloseOutRepositoryContractTest {
    private static final LocalDate MAY_1 = LocalDate.of(2026, 5, 1);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void insertFindAndReadByScope(Engine engine) {
        try (Database db = engine.create(dir)) {
            Engines.seedTasks(engine, db);
            CloseOutRepository closeOuts = new CloseOutRepository(db);
            CloseOut later = closeOuts.insert(CloseOut.applied(1, MAY_1.plusDays(9), "已完成整改"));
            CloseOut earlier = closeOuts.insert(CloseOut.applied(1, MAY_1, "先行申请"));
            CloseOut full = closeOuts.insert(new CloseOut(0, 3, MAY_1, "已完工",
                    new Verification(VerificationLevel.CITY, "市督查室 王某", MAY_1.plusDays(2), true, null),
                    MAY_1.plusDays(3), MAY_1.plusDays(10), MAY_1.plusDays(11), MAY_1.plusDays(20), "群众反映反弹"));
            assertTrue(later.id() > 0 && earlier.id() > 0 && full.id() > 0, "the keys come back");
            assertNotEquals(later.id(), earlier.id());
            assertEquals(CloseOut.applied(1, MAY_1.plusDays(9), "已完成整改").withId(later.id()), later);

            assertEquals(later, closeOuts.findById(later.id()).orElseThrow());
            CloseOut fullRead = closeOuts.findById(full.id()).orElseThrow();
            assertEquals(full, fullRead, "every step, a verification without a note reads as an empty note");
            assertEquals(CloseOutStage.REOPENED, fullRead.stageOn(MAY_1.plusDays(30)));
            assertTrue(closeOuts.findById(full.id() + 100).isEmpty());

            assertEquals(List.of(earlier, later), closeOuts.find(TaskScope.assignment(1)), "oldest first");
            assertEquals(List.of(earlier, later), closeOuts.find(TaskScope.task(1)));
            assertEquals(List.of(full), closeOuts.find(TaskScope.task(2)));
            assertEquals(List.of(earlier, later, full), closeOuts.find(TaskScope.meeting(1L)));
            assertEquals(List.of(), closeOuts.find(TaskScope.assignment(2)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void updateWritesEveryStepAndCanTakeOneBack(Engine engine) {
        try (Database db = engine.create(dir)) {
            Engines.seedTasks(engine, db);
            CloseOutRepository closeOuts = new CloseOutRepository(db);
            CloseOut applied = closeOuts.insert(CloseOut.applied(2, MAY_1, "已完成"));
            CloseOut rejected = applied.withVerification(
                    new Verification(VerificationLevel.COUNTY, "区督查室", MAY_1.plusDays(1), false, "资料不全"));
            assertEquals(0, closeOuts.version(applied.id()).orElseThrow(), "a new application's version");
            closeOuts.update(rejected, 0);
            assertEquals(rejected, closeOuts.findById(applied.id()).orElseThrow());
            assertEquals(1, closeOuts.version(applied.id()).orElseThrow(), "each change moves the version on");

            CloseOut closed = rejected.withVerification(
                            new Verification(VerificationLevel.PROVINCE, "省督查组", MAY_1.plusDays(5), true, ""))
                    .withNotice(MAY_1.plusDays(6), MAY_1.plusDays(12))
                    .withClosedOn(MAY_1.plusDays(13));
            closeOuts.update(closed, 1);
            assertEquals(closed, closeOuts.findById(applied.id()).orElseThrow());

            closeOuts.update(applied, 2);
            assertEquals(applied, closeOuts.findById(applied.id()).orElseThrow(), "every step taken back");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void theTableKeepsTheStepsRules(Engine engine) {
        try (Database db = engine.create(dir)) {
            Engines.seedTasks(engine, db);
            CloseOutRepository closeOuts = new CloseOutRepository(db);
            PersistenceException e = assertThrows(PersistenceException.class,
                    () -> closeOuts.insert(CloseOut.applied(99, MAY_1, "无此分工")));
            assertEquals("db.error.constraint", e.key(), "a share that is not there");
            e = assertThrows(PersistenceException.class, () -> closeOuts.insert(
                    CloseOut.applied(1, MAY_1, "未销号即重开").withReopened(MAY_1.plusDays(1), "反弹")));
            assertEquals("db.error.constraint", e.key(), "reopened without having been closed");
            assertEquals(List.of(), closeOuts.find(TaskScope.all()), "nothing stored");

            CloseOut applied = closeOuts.insert(CloseOut.applied(1, MAY_1, "已完成"));
            e = assertThrows(PersistenceException.class, () -> closeOuts.update(applied.withNotice(MAY_1.plusDays(9),
                    MAY_1.plusDays(2)), 0));
            assertEquals("db.error.constraint", e.key(), "公示 ending before it starts");
            assertEquals(applied, closeOuts.findById(applied.id()).orElseThrow(), "as it was");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void aChangeFromAnOlderReadingChangesNothing(Engine engine) {
        try (Database db = engine.create(dir)) {
            Engines.seedTasks(engine, db);
            CloseOutRepository closeOuts = new CloseOutRepository(db);
            CloseOut applied = closeOuts.insert(CloseOut.applied(1, MAY_1, "已完成"));
            CloseOut first = applied.withVerification(
                    new Verification(VerificationLevel.CITY, "市督查室", MAY_1.plusDays(1), true, ""));
            closeOuts.update(first, 0); // the first seat, from version 0

            CloseOut second = applied.withVerification(
                    new Verification(VerificationLevel.COUNTY, "区督查室", MAY_1.plusDays(2), false, "资料不全"));
            StaleRowException e = assertThrows(StaleRowException.class, () -> closeOuts.update(second, 0));
            assertEquals(org.duban.model.AuditEntity.CLOSE_OUT, e.entity());
            assertEquals(applied.id(), e.entityId());
            assertEquals(first, closeOuts.findById(applied.id()).orElseThrow(), "the first seat's steps stay");
            assertEquals(1, closeOuts.version(applied.id()).orElseThrow(), "and its version");

            PersistenceException gone = assertThrows(PersistenceException.class,
                    () -> closeOuts.update(second.withId(applied.id() + 50), 0));
            assertEquals("closeOut.error.gone", gone.key(), "an application that is not there is not a conflict");
            assertTrue(closeOuts.version(applied.id() + 50).isEmpty());
        }
    }
}
