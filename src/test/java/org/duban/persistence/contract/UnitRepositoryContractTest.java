package org.duban.persistence.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.duban.model.Unit;
import org.duban.model.UnitKind;
import org.duban.persistence.Database;
import org.duban.persistence.PersistenceException;
import org.duban.persistence.UnitRepository;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link UnitRepository} on every engine: units with their aliases in the order given, the roster's order, changes,
 * retiring and merging, shares, and the names the schema keeps unique.
 */
class UnitRepositoryContractTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void insertReadChangeAndRetire(Engine engine) {
        try (Database db = engine.create(dir)) {
            UnitRepository units = new UnitRepository(db);
            int before = units.count();
            int next = units.nextSortOrder();
            assertEquals(before == 0 ? 1 : units.findAll().get(before - 1).sortOrder() + 1, next, "after the last");

            Unit late = units.insert(new Unit(0, "宁德新区", "新区", UnitKind.DEVELOPMENT_ZONE,
                    List.of("宁德市新区管委会", "新区管委会", "东侨"), next + 1));
            Unit early = units.insert(new Unit(0, "测试县", "测试", UnitKind.COUNTY, List.of(), next));
            assertTrue(late.id() > 0 && early.id() > 0 && late.id() != early.id(), "the keys come back");
            assertEquals(List.of("宁德市新区管委会", "新区管委会", "东侨"), late.aliases());
            assertEquals(before + 2, units.count());
            assertEquals(next + 2, units.nextSortOrder());

            assertEquals(late, units.findById(late.id()).orElseThrow(), "aliases in the order given");
            assertEquals(early, units.findByName("测试县").orElseThrow());
            assertTrue(units.findById(late.id() + 1000).isEmpty());
            assertTrue(units.findByName("没有这个单位").isEmpty());
            List<Unit> all = units.findAll();
            assertEquals(List.of(early, late), all.subList(all.size() - 2, all.size()), "by sort order, not by entry");

            units.setAliases(late.id(), List.of("东侨", "东侨开发区"));
            assertEquals(List.of("东侨", "东侨开发区"), units.findById(late.id()).orElseThrow().aliases(),
                    "replaced, in the new order");
            units.setAliases(late.id(), List.of());
            assertEquals(List.of(), units.findById(late.id()).orElseThrow().aliases());

            Unit renamed = new Unit(late.id(), "东侨经济技术开发区", "东侨", UnitKind.DEVELOPMENT_ZONE, List.of(), next + 5);
            units.update(renamed);
            assertEquals(renamed, units.findById(late.id()).orElseThrow());
            PersistenceException gone = assertThrows(PersistenceException.class, () -> units.update(
                    new Unit(late.id() + 1000, "无", "无", UnitKind.COUNTY, List.of(), 1)));
            assertEquals("unit.error.gone", gone.key());
            assertEquals(List.of("无"), List.of(gone.args()));

            units.setRetired(early.id(), LocalDate.of(2026, 6, 30), late.id());
            Unit retired = units.findById(early.id()).orElseThrow();
            assertEquals(LocalDate.of(2026, 6, 30), retired.retiredOn());
            assertEquals(late.id(), retired.mergedInto());
            units.setRetired(early.id(), null, late.id());
            assertEquals(early, units.findById(early.id()).orElseThrow(), "back in the roster, merged into nothing");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void takenNamesAndAliasesAreRefused(Engine engine) {
        try (Database db = engine.create(dir)) {
            UnitRepository units = new UnitRepository(db);
            Unit one = units.insert(new Unit(0, "测试县", "测试", UnitKind.COUNTY, List.of("测试县政府"), 900));
            int count = units.count();
            PersistenceException name = assertThrows(PersistenceException.class,
                    () -> units.insert(new Unit(0, "测试县", "另一个", UnitKind.COUNTY, List.of(), 901)));
            assertEquals("db.error.constraint", name.key());
            PersistenceException alias = assertThrows(PersistenceException.class,
                    () -> units.insert(new Unit(0, "另一县", "另一", UnitKind.COUNTY, List.of("测试县政府"), 902)));
            assertEquals("db.error.constraint", alias.key());
            assertEquals(count, units.count(), "the unit of a refused alias is not kept either");
            assertEquals(List.of("测试县政府"), units.findById(one.id()).orElseThrow().aliases());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void sharesByTaskAndMoved(Engine engine) {
        try (Database db = engine.create(dir)) {
            Engines.seedTasks(engine, db); // units 1 and 2; shares 1 (task 1, unit 1), 2 (task 1, unit 2), 3 (task 2, unit 1)
            engine.seed(db, "UPDATE assignment SET withdrawn_on = '2026-05-01' WHERE id = 3");
            UnitRepository units = new UnitRepository(db);
            assertEquals(List.of(new UnitRepository.Share(1, 1, false), new UnitRepository.Share(3, 2, true)),
                    units.shares(1), "in task order, withdrawn marked");
            assertEquals(List.of(), units.shares(99));

            units.moveShare(3, 2);
            assertEquals(List.of(new UnitRepository.Share(1, 1, false)), units.shares(1));
            assertEquals(List.of(new UnitRepository.Share(2, 1, false), new UnitRepository.Share(3, 2, true)),
                    units.shares(2), "the share went with its state");
            PersistenceException twice = assertThrows(PersistenceException.class, () -> units.moveShare(1, 2));
            assertEquals("db.error.constraint", twice.key(), "task 1 has a share of unit 2 already");
            assertEquals(List.of(new UnitRepository.Share(1, 1, false)), units.shares(1));
        }
    }
}
