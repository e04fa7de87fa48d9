package org.duban.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.duban.model.Unit;
import org.duban.model.UnitKind;
import org.duban.service.units.DefaultRoster;
import org.duban.service.units.RosterService;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: the default roster gained 市交通运输局, 市林业局, 市公安局, 市财政局 and 市发展和改革委员会. A ledger that started
 * with the older default roster (18 units) gets them at the end of its roster when it opens, with their short forms;
 * a department the office already has under one of its names is not added twice; a ledger with a roster of its
 * own (another city) and a new empty ledger get nothing from the migration.
 */
class RosterDepartmentsMigrationTest {
    private static final List<String> ADDED = List.of("市交通运输局", "市林业局", "市公安局", "市财政局", "市发展和改革委员会");

    @TempDir
    Path dir;

    /** The version just before the migration, looked up by name (the lead renumbers at merge). */
    private static int versionBefore() {
        List<Migrations.Migration> all = Migrations.all();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).name().contains("roster_more_city_departments")) {
                return i;
            }
        }
        throw new AssertionError("no roster migration");
    }

    /** A ledger of the version before, with the older default roster and what {@code more} adds. */
    private Path olderLedger(String name, List<Unit> roster) {
        Path file = dir.resolve(name);
        try (Database db = Database.open(file, Migrations.all().subList(0, versionBefore()))) {
            UnitRepository units = new UnitRepository(db);
            roster.forEach(units::insert);
        }
        return file;
    }

    private static List<Unit> olderDefault() {
        List<Unit> all = DefaultRoster.units();
        assertEquals(23, all.size());
        assertEquals(ADDED, all.subList(18, 23).stream().map(Unit::name).toList(), "the new ones close the list");
        return all.subList(0, 18);
    }

    @Test
    void aLedgerWithTheOlderDefaultRosterGetsTheFiveDepartmentsAtItsEnd() {
        Path file = olderLedger("old.db", olderDefault());
        try (Database db = Database.open(file)) {
            List<Unit> units = new UnitRepository(db).findAll();
            assertEquals(23, units.size());
            assertEquals(ADDED, units.subList(18, 23).stream().map(Unit::name).toList(), "in this order, at the end");
            assertEquals(List.of(19, 20, 21, 22, 23), units.subList(18, 23).stream().map(Unit::sortOrder).toList());
            units.subList(18, 23).forEach(u -> assertEquals(UnitKind.CITY_DEPARTMENT, u.kind(), u.name()));
            RosterService roster = Wired.of(db).roster();
            assertEquals("市发展和改革委员会", roster.find("市发改委").name(), "short forms are read");
            assertEquals("市发展和改革委员会", roster.find("发改委").name());
            assertEquals("市交通运输局", roster.find("市交通局").name());
            assertEquals("市财政局", roster.find("宁德市财政局").name());
            assertEquals("发改委", roster.find("市发改委").shortName());
            assertEquals(0, TestDb.sqlLong(file, "SELECT count(*) FROM sqlite_master WHERE name LIKE 'roster_v8%'"),
                    "no working table left behind");
        }
    }

    @Test
    void aDepartmentTheOfficeAlreadyAddedIsNotAddedTwice() {
        List<Unit> roster = new java.util.ArrayList<>(olderDefault());
        // added by an earlier import's unknown-units step, under the short form the list used
        roster.add(new Unit(0, "市交通局", "交通局", UnitKind.CITY_DEPARTMENT, List.of(), 19));
        // and one the office calls by a name of its own, with 市公安局 as an alias
        roster.add(new Unit(0, "宁德市公安局（交警支队）", "交警支队", UnitKind.CITY_DEPARTMENT, List.of("市公安局"), 20));
        Path file = olderLedger("own.db", roster);
        try (Database db = Database.open(file)) {
            List<String> names = new UnitRepository(db).findAll().stream().map(Unit::name).toList();
            assertEquals(23, names.size(), names.toString());
            assertEquals(List.of("市交通局", "宁德市公安局（交警支队）", "市林业局", "市财政局", "市发展和改革委员会"),
                    names.subList(18, 23));
        }
    }

    @Test
    void anotherCitysRosterAndAnEmptyLedgerGetNothing() {
        Path other = olderLedger("other.db", List.of(
                new Unit(0, "鼓楼区", "鼓楼", UnitKind.DISTRICT, List.of(), 1),
                new Unit(0, "市生态环境保护局", "生态环境局", UnitKind.CITY_DEPARTMENT, List.of(), 2)));
        try (Database db = Database.open(other)) {
            assertEquals(2, new UnitRepository(db).findAll().size(), "not the default roster: nothing added");
        }
        try (Database db = Database.open(dir.resolve("new.db"))) {
            assertEquals(0, new UnitRepository(db).findAll().size(), "a new ledger gets its roster from assets/roster");
            assertEquals(23, Wired.of(db).roster().ensureDefaultRoster());
        }
    }
}
