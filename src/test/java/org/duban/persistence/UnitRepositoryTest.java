package org.duban.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.duban.model.Unit;
import org.duban.model.UnitKind;
import org.duban.service.units.DefaultRoster;
import org.duban.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnitRepositoryTest {
    @TempDir
    Path dir;

    @Test
    void defaultRosterIsStoredWithAliasesInOrder() {
        try (Database db = TestDb.withRoster(dir)) {
            List<Unit> units = new UnitRepository(db).findAll();
            assertEquals(DefaultRoster.units().size(), units.size());
            assertEquals(23, units.size());
            assertEquals(13, units.stream().filter(u -> u.kind() == UnitKind.CITY_DEPARTMENT).count(), "the 13 departments of ecological lists");
            assertEquals("蕉城区", units.get(0).name());
            assertEquals(9, units.stream().filter(u -> u.kind().isCountyLevel()).count());
            Unit dq = units.stream().filter(u -> u.kind() == UnitKind.DEVELOPMENT_ZONE).findFirst().orElseThrow();
            assertEquals("东侨经济技术开发区", dq.name());
            assertTrue(dq.aliases().contains("东侨开发区"));
            assertEquals(23, TestDb.sqlLong(db.file(), "SELECT count(*) FROM unit"));
        }
    }
}
