package org.duban.persistence.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.duban.model.Inspection;
import org.duban.model.InspectionFinding;
import org.duban.persistence.Database;
import org.duban.persistence.InspectionRepository;
import org.duban.persistence.PersistenceException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link InspectionRepository} on every engine: visits with their units (in roster order) and findings, newest
 * first; findings added, linked to a task and unlinked, read by id and by task; the rules the tables keep.
 */
class InspectionRepositoryContractTest {
    private static final LocalDate MAY_6 = LocalDate.of(2026, 5, 6);

    @TempDir
    Path dir;

    /** Tasks 1 and 2 with units 1 and 2 (Engines), and unit 3 that comes first in the roster. */
    private static void seed(Engine engine, Database db) {
        Engines.seedTasks(engine, db);
        engine.seed(db, "INSERT INTO unit (id, name, short_name, kind, sort_order) VALUES "
                + "(3, '市住建局', '住建局', 'CITY_DEPARTMENT', 0)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void visitsWithUnitsAndFindingsNewestFirst(Engine engine) {
        try (Database db = engine.create(dir)) {
            seed(engine, db);
            InspectionRepository inspections = new InspectionRepository(db);
            Inspection first = inspections.insert(new Inspection(0, MAY_6, "市委督查室 张某", List.of(2L, 1L, 3L), null,
                    List.of()));
            Inspection sameDay = inspections.insert(new Inspection(0, MAY_6, "市生态环境局", List.of(), "暗访", List.of()));
            Inspection older = inspections.insert(new Inspection(0, MAY_6.minusDays(30), "市政府督查室", List.of(1L), "",
                    List.of()));
            assertTrue(first.id() > 0 && sameDay.id() > 0 && older.id() > 0, "the keys come back");
            assertNotEquals(first.id(), sameDay.id());
            assertEquals(List.of(2L, 1L, 3L), first.unitIds(), "returned as given");

            InspectionFinding dump = inspections.insertFinding(new InspectionFinding(0, first.id(), 2L, "河道垃圾", null));
            InspectionFinding road = inspections.insertFinding(new InspectionFinding(0, first.id(), null, "道路破损", 1L));
            InspectionFinding late = inspections.insertFinding(new InspectionFinding(0, older.id(), 1L, "整改滞后", 2L));
            assertTrue(dump.id() > 0 && road.id() > 0 && late.id() > 0, "the keys come back");
            assertEquals(new InspectionFinding(road.id(), first.id(), null, "道路破损", 1L), road);

            Inspection firstRead = new Inspection(first.id(), MAY_6, "市委督查室 张某", List.of(3L, 1L, 2L), "",
                    List.of(dump, road));
            assertEquals(List.of(sameDay, firstRead, new Inspection(older.id(), MAY_6.minusDays(30), "市政府督查室",
                    List.of(1L), "", List.of(late))), inspections.findAll(),
                    "newest day first, then newest entry; units in roster order");
            assertEquals(firstRead, inspections.findById(first.id()).orElseThrow());
            assertTrue(inspections.findById(older.id() + 100).isEmpty());

            assertEquals(dump, inspections.findFinding(dump.id()).orElseThrow());
            assertTrue(inspections.findFinding(late.id() + 100).isEmpty());
            assertEquals(List.of(road), inspections.findingsOfTask(1));
            assertEquals(List.of(late), inspections.findingsOfTask(2));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void aFindingIsLinkedToATaskAndUnlinked(Engine engine) {
        try (Database db = engine.create(dir)) {
            seed(engine, db);
            InspectionRepository inspections = new InspectionRepository(db);
            Inspection visit = inspections.insert(new Inspection(0, MAY_6, "督查组", List.of(1L), "", List.of()));
            InspectionFinding open = inspections.insertFinding(new InspectionFinding(0, visit.id(), 1L, "问题", null));
            assertEquals(List.of(), inspections.findingsOfTask(2));

            inspections.setFindingTask(open.id(), 2L);
            InspectionFinding linked = new InspectionFinding(open.id(), visit.id(), 1L, "问题", 2L);
            assertEquals(linked, inspections.findFinding(open.id()).orElseThrow());
            assertEquals(List.of(linked), inspections.findingsOfTask(2));

            inspections.setFindingTask(open.id(), null);
            assertEquals(open, inspections.findFinding(open.id()).orElseThrow(), "open again");
            assertEquals(List.of(), inspections.findingsOfTask(2));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void theTablesKeepTheirRules(Engine engine) {
        try (Database db = engine.create(dir)) {
            seed(engine, db);
            InspectionRepository inspections = new InspectionRepository(db);
            PersistenceException e = assertThrows(PersistenceException.class, () -> inspections.insert(
                    new Inspection(0, MAY_6, "督查组", List.of(1L, 99L), "", List.of())));
            assertEquals("db.error.constraint", e.key(), "a unit not in the roster");
            e = assertThrows(PersistenceException.class, () -> inspections.insert(
                    new Inspection(0, MAY_6, "  ", List.of(1L), "", List.of())));
            assertEquals("db.error.constraint", e.key(), "nobody went");
            assertEquals(List.of(), inspections.findAll(), "no visit without its units");

            Inspection visit = inspections.insert(new Inspection(0, MAY_6, "督查组", List.of(), "", List.of()));
            e = assertThrows(PersistenceException.class, () -> inspections.insertFinding(
                    new InspectionFinding(0, visit.id(), null, "问题", 77L)));
            assertEquals("db.error.constraint", e.key(), "a task that is not there");
            e = assertThrows(PersistenceException.class, () -> inspections.insertFinding(
                    new InspectionFinding(0, visit.id() + 100, null, "问题", null)));
            assertEquals("db.error.constraint", e.key(), "an inspection that is not there");
            assertEquals(List.of(), inspections.findAll().get(0).findings());
        }
    }
}
