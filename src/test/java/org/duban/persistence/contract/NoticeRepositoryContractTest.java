package org.duban.persistence.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.duban.model.Notice;
import org.duban.model.NoticeLevel;
import org.duban.model.NoticeShare;
import org.duban.persistence.Database;
import org.duban.persistence.NoticeRepository;
import org.duban.persistence.PersistenceException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link NoticeRepository} on every engine: notices with their shares in order, drafts numbered, responses set and
 * cleared, the reads by unit and by task in order, the 文号 counters per series and year, delete with the shares,
 * and the rules the table keeps (a number given once per level and year, a unit of the roster).
 */
class NoticeRepositoryContractTest {
    private static final Instant AT = Instant.parse("2026-05-01T08:30:00Z");
    private static final NoticeShare OVERDUE = new NoticeShare(1L, 1L, "1. 问题一", "2026年底前", 12, "11月20日：开工");
    private static final NoticeShare LAGGING = new NoticeShare(2L, 3L, "2. 问题二", "", null, "");

    @TempDir
    Path dir;

    private static Notice draft(long unitId, LocalDate issuedOn, List<NoticeShare> shares) {
        return new Notice(0, unitId, NoticeLevel.CHASE, issuedOn, issuedOn.plusDays(7), true, null, null, null, null,
                "", AT, shares);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void insertNumberRespondAndRead(Engine engine) {
        try (Database db = engine.create(dir)) {
            Engines.seedTasks(engine, db);
            NoticeRepository notices = new NoticeRepository(db);
            Notice later = notices.insert(draft(1, LocalDate.of(2026, 5, 10), List.of(LAGGING, OVERDUE)));
            Notice earlier = notices.insert(new Notice(0, 2, NoticeLevel.ORDER, LocalDate.of(2026, 5, 2),
                    LocalDate.of(2026, 5, 9), false, 2026, 3, "宁督〔2026〕3号", LocalDate.of(2026, 5, 5), "已整改", AT,
                    List.of(OVERDUE)));
            Notice bare = notices.insert(draft(1, LocalDate.of(2026, 5, 10), List.of()));
            assertTrue(later.id() > 0 && earlier.id() > 0 && bare.id() > 0, "the keys come back");
            assertNotEquals(later.id(), earlier.id());

            assertEquals(later, notices.findById(later.id()).orElseThrow(), "the shares in the order listed");
            assertEquals(earlier, notices.findById(earlier.id()).orElseThrow());
            assertEquals(List.of(), notices.findById(bare.id()).orElseThrow().shares());
            assertTrue(notices.findById(bare.id() + 100).isEmpty());
            assertEquals(List.of(earlier, later, bare), notices.findAll(), "by day issued, then by entry");
            assertEquals(List.of(later, bare), notices.findByUnit(1));
            assertEquals(List.of(), notices.findByUnit(99));
            assertEquals(List.of(earlier, later), notices.findByTask(1));
            assertEquals(List.of(later), notices.findByTask(2));

            notices.setNumber(later.id(), 2026, 4, "宁督办〔2026〕4号");
            Notice numbered = later.numbered(2026, 4, "宁督办〔2026〕4号");
            assertFalse(numbered.draft());
            assertEquals(numbered, notices.findById(later.id()).orElseThrow());

            notices.setResponse(later.id(), LocalDate.of(2026, 5, 12), null);
            assertEquals(numbered.withResponse(LocalDate.of(2026, 5, 12), ""),
                    notices.findById(later.id()).orElseThrow(), "a response without text");
            notices.setResponse(later.id(), null, null);
            assertEquals(numbered, notices.findById(later.id()).orElseThrow(), "the response cleared");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void countersRisePerSeriesAndYearAndNeverGoBack(Engine engine) {
        try (Database db = engine.create(dir)) {
            NoticeRepository notices = new NoticeRepository(db);
            assertEquals(0, notices.lastNumber("CHASE", 2026), "none given yet");
            assertEquals(1, notices.takeNumber("CHASE", 2026));
            assertEquals(2, notices.takeNumber("CHASE", 2026));
            assertEquals(1, notices.takeNumber("CHASE", 2027), "a year of its own");
            assertEquals(1, notices.takeNumber("ORDER", 2026), "a series of its own");
            assertEquals(2, notices.lastNumber("CHASE", 2026));
            assertEquals(1, notices.lastNumber("ORDER", 2026));
            assertEquals(0, notices.lastNumber("TALK", 2026));
            db.inTransaction(() -> {
                notices.takeNumber("TALK", 2026);
                assertEquals(2, notices.takeNumber("TALK", 2026), "inside one transaction too");
            });
            PersistenceException e = assertThrows(PersistenceException.class, () -> notices.takeNumber("OTHER", 2026));
            assertEquals("db.error.constraint", e.key());
            assertEquals(0, notices.lastNumber("OTHER", 2026));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void theTableKeepsItsRules(Engine engine) {
        try (Database db = engine.create(dir)) {
            Engines.seedTasks(engine, db);
            NoticeRepository notices = new NoticeRepository(db);
            PersistenceException e = assertThrows(PersistenceException.class,
                    () -> notices.insert(draft(99, LocalDate.of(2026, 5, 10), List.of(OVERDUE))));
            assertEquals("db.error.constraint", e.key(), "a unit not in the roster");
            e = assertThrows(PersistenceException.class, () -> notices.insert(draft(1, LocalDate.of(2026, 5, 10),
                    List.of(new NoticeShare(77L, null, "x", "", null, "")))));
            assertEquals("db.error.constraint", e.key(), "a share of a task that is not there");
            assertEquals(List.of(), notices.findAll(), "no notice without its shares, nor shares without it");

            Notice one = notices.insert(draft(1, LocalDate.of(2026, 5, 10), List.of(OVERDUE)));
            Notice two = notices.insert(draft(2, LocalDate.of(2026, 5, 11), List.of(LAGGING)));
            notices.setNumber(one.id(), 2026, 1, "宁督办〔2026〕1号");
            e = assertThrows(PersistenceException.class, () -> notices.setNumber(two.id(), 2026, 1, "宁督办〔2026〕1号"));
            assertEquals("db.error.constraint", e.key(), "a number given once per level and year");
            assertTrue(notices.findById(two.id()).orElseThrow().draft());

            notices.delete(one.id());
            assertTrue(notices.findById(one.id()).isEmpty());
            assertEquals(List.of(), notices.findByTask(1), "its shares went with it");
            assertEquals(List.of(two), notices.findAll());
            notices.delete(one.id()); // gone already: nothing happens
            assertEquals(List.of(two), notices.findAll());
        }
    }
}
