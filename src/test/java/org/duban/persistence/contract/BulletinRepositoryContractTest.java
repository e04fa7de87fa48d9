package org.duban.persistence.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.duban.model.BulletinTotals;
import org.duban.model.BulletinUnitLine;
import org.duban.model.IssuedBulletin;
import org.duban.persistence.BulletinRepository;
import org.duban.persistence.Database;
import org.duban.persistence.PersistenceException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link BulletinRepository} on every engine: figures stored and read back with their lines by rank, one bulletin
 * per scope (a meeting, or every meeting) and day (issuing again replaces), the reads before and on a day, the
 * 期号 count, and the audit heads printed on bulletins.
 */
class BulletinRepositoryContractTest {
    private static final Instant AT = Instant.parse("2026-05-01T09:15:30Z");
    private static final BulletinTotals TOTALS = new BulletinTotals(2, 3, 1, 2, 1, 1, 1, 1);
    private static final BulletinUnitLine FIRST = new BulletinUnitLine(1, "蕉城区", 2, 2, 1, 0, 1.0, 1);
    private static final BulletinUnitLine SECOND = new BulletinUnitLine(2, "市水利局", 1, 0, 0, 1, 1.0 / 3, 2);
    private static final BulletinUnitLine ALSO_SECOND = new BulletinUnitLine(3, "市住建局", 3, 1, 0, 0, 1.0 / 3, 2);

    @TempDir
    Path dir;

    private static void seed(Engine engine, Database db) {
        Engines.seedTasks(engine, db);
        engine.seed(db, "INSERT INTO unit (id, name, short_name, kind, sort_order) VALUES "
                + "(3, '市住建局', '住建局', 'CITY_DEPARTMENT', 0)");
    }

    private static IssuedBulletin bulletin(Long meetingId, LocalDate asOf, List<BulletinUnitLine> lines) {
        return new IssuedBulletin(0, meetingId, asOf, AT, TOTALS, lines);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void storeAndReadByScopeAndDay(Engine engine) {
        try (Database db = engine.create(dir)) {
            seed(engine, db);
            BulletinRepository bulletins = new BulletinRepository(db);
            IssuedBulletin may = bulletins.replace(bulletin(null, LocalDate.of(2026, 5, 1),
                    List.of(ALSO_SECOND, FIRST, SECOND)));
            IssuedBulletin june = bulletins.replace(bulletin(null, LocalDate.of(2026, 6, 1), List.of(FIRST)));
            IssuedBulletin meetingMay = bulletins.replace(bulletin(1L, LocalDate.of(2026, 5, 1), List.of()));
            assertTrue(may.id() > 0 && june.id() > 0 && meetingMay.id() > 0, "the keys come back");
            assertNotEquals(may.id(), june.id());
            assertNotEquals(may.id(), meetingMay.id(), "the same day in another scope is another bulletin");

            IssuedBulletin mayRead = bulletins.onDay(null, LocalDate.of(2026, 5, 1)).orElseThrow();
            assertEquals(new IssuedBulletin(may.id(), null, LocalDate.of(2026, 5, 1), AT, TOTALS,
                    List.of(FIRST, SECOND, ALSO_SECOND)), mayRead, "lines by rank, then unit");
            assertEquals(1.0 / 3, mayRead.line(2).orElseThrow().rate(), "the rate as stored");
            assertEquals(meetingMay, bulletins.onDay(1L, LocalDate.of(2026, 5, 1)).orElseThrow());
            assertEquals(Optional.empty(), bulletins.onDay(1L, LocalDate.of(2026, 6, 1)));

            assertEquals(june.id(), bulletins.latestBefore(null, LocalDate.of(2026, 7, 1)).orElseThrow().id());
            assertEquals(may.id(), bulletins.latestBefore(null, LocalDate.of(2026, 6, 1)).orElseThrow().id(),
                    "before the day, not on it");
            assertEquals(Optional.empty(), bulletins.latestBefore(null, LocalDate.of(2026, 5, 1)));
            assertEquals(meetingMay.id(), bulletins.latestBefore(1L, LocalDate.of(2026, 12, 1)).orElseThrow().id());

            assertEquals(0, bulletins.countUpTo(null, LocalDate.of(2026, 4, 30)));
            assertEquals(1, bulletins.countUpTo(null, LocalDate.of(2026, 5, 1)), "up to and including the day");
            assertEquals(2, bulletins.countUpTo(null, LocalDate.of(2026, 6, 1)));
            assertEquals(1, bulletins.countUpTo(1L, LocalDate.of(2026, 6, 1)));

            assertEquals(List.of(june.id(), meetingMay.id(), may.id()),
                    bulletins.findAll().stream().map(IssuedBulletin::id).toList(), "newest day first, then newest");
            assertEquals(List.of(FIRST, SECOND, ALSO_SECOND), bulletins.findAll().get(2).units());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void issuingAgainReplacesAndABadLineLeavesTheOldFigures(Engine engine) {
        try (Database db = engine.create(dir)) {
            seed(engine, db);
            BulletinRepository bulletins = new BulletinRepository(db);
            bulletins.replace(bulletin(null, LocalDate.of(2026, 5, 1), List.of(FIRST, SECOND)));
            BulletinTotals later = new BulletinTotals(2, 3, 2, 3, 3, 0, 0, 1);
            IssuedBulletin again = bulletins.replace(new IssuedBulletin(0, null, LocalDate.of(2026, 5, 1),
                    AT.plusSeconds(60), later, List.of(SECOND)));
            assertEquals(again, bulletins.onDay(null, LocalDate.of(2026, 5, 1)).orElseThrow());
            assertEquals(List.of(again), bulletins.findAll(), "replaced, not added");

            IssuedBulletin badLine = bulletin(null, LocalDate.of(2026, 5, 1),
                    List.of(new BulletinUnitLine(99, "无此单位", 1, 0, 0, 0, 0, 1)));
            PersistenceException e = assertThrows(PersistenceException.class, () -> bulletins.replace(badLine));
            assertEquals("db.error.constraint", e.key());
            assertEquals(List.of(again), bulletins.findAll(), "the figures issued before stay");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void auditHeadsPrintedOnBulletins(Engine engine) {
        try (Database db = engine.create(dir)) {
            seed(engine, db);
            BulletinRepository bulletins = new BulletinRepository(db);
            IssuedBulletin may = bulletins.replace(bulletin(null, LocalDate.of(2026, 5, 1), List.of(FIRST)));
            IssuedBulletin june = bulletins.replace(bulletin(null, LocalDate.of(2026, 6, 1), List.of(FIRST)));
            bulletins.replace(bulletin(1L, LocalDate.of(2026, 6, 1), List.of()));
            assertEquals(List.of(), bulletins.printedHeads());
            bulletins.recordAuditHead(june.id(), 7, "a1b2");
            bulletins.recordAuditHead(may.id(), 3, "c3d4");
            assertEquals(List.of(new BulletinRepository.PrintedHead(may.id(), LocalDate.of(2026, 5, 1), 3, "c3d4"),
                    new BulletinRepository.PrintedHead(june.id(), LocalDate.of(2026, 6, 1), 7, "a1b2")),
                    bulletins.printedHeads(), "by audit row; bulletins without a head left out");
        }
    }
}
