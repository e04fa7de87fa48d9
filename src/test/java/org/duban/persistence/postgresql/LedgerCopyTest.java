package org.duban.persistence.postgresql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.duban.persistence.AuditChain;
import org.duban.persistence.Database;
import org.duban.persistence.LedgerCopy;
import org.duban.persistence.LedgerIdentity;
import org.duban.persistence.PersistenceException;
import org.duban.persistence.SettingsRepository;
import org.duban.persistence.contract.Engines;
import org.duban.testing.TestDb;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LedgerCopy}: the sample ledger copied from SQLite to PostgreSQL and back keeps every row of every table, its
 * id, its audit chain and its content; the shared ledger's identities go on after the copied ids; a target that is
 * not empty is refused and left as it was.
 */
class LedgerCopyTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void serverAtHand() {
        Engines.all(); // with DUBAN_REQUIRE_PG=1, an absent server fails here
        org.junit.jupiter.api.Assumptions.assumeTrue(Engines.POSTGRESQL.available(), "no PostgreSQL server");
    }

    @Test
    void theSampleGoesToPostgresqlAndBackWithEveryRow() {
        try (Database sample = TestDb.withSample(dir);
             Database shared = Engines.POSTGRESQL.create(dir);
             Database back = Database.create(dir.resolve("back.db"))) {
            Map<String, Long> before = LedgerCopy.rowCounts(sample);
            assertTrue(before.get("task") > 0 && before.get("audit_log") > 0 && before.get("unit") > 0, before.toString());

            LedgerCopy.copy(sample, shared);
            assertEquals(before, LedgerCopy.rowCounts(shared));
            assertEquals(LedgerIdentity.of(sample), LedgerIdentity.of(shared), "the same ledger, on the server");
            assertEquals(AuditChain.head(sample), AuditChain.head(shared));

            LedgerCopy.copy(shared, back);
            assertEquals(before, LedgerCopy.rowCounts(back));
            assertEquals(LedgerIdentity.of(sample), LedgerIdentity.of(back));
            assertEquals(AuditChain.head(sample), AuditChain.head(back));
            assertTrue(AuditChain.verify(back).broken().isEmpty(), "the chain holds after the round trip");
            assertEquals(rows(sample), rows(back), "the same rows, value for value");

            long nextUnit = shared.read(c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery(
                        "INSERT INTO unit (name, short_name, kind) VALUES ('新单位', '新', 'OTHER') RETURNING id")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            long largest = sample.read(c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT max(id) FROM unit")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertEquals(largest + 1, nextUnit, "the shared ledger's next id comes after the copied ones");
        }
    }

    /**
     * Every table's rows as text, sorted: the content, whatever order the rows come in (a server keeps no rowid, so
     * the rows of a table without an id come back in the order of their key).
     */
    private static Map<String, List<String>> rows(Database db) {
        Map<String, List<String>> all = new TreeMap<>();
        for (String table : LedgerCopy.rowCounts(db).keySet()) {
            all.put(table, db.read(c -> {
                List<String> list = new ArrayList<>();
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= n; i++) {
                            Object v = rs.getObject(i);
                            row.append(v instanceof byte[] b ? java.util.HexFormat.of().formatHex(b) : v).append('|');
                        }
                        list.add(row.toString());
                    }
                }
                java.util.Collections.sort(list);
                return list;
            }));
        }
        return all;
    }

    @Test
    void aTargetThatIsNotEmptyIsRefusedAndLeftAsItWas() {
        try (Database sample = TestDb.withSample(dir);
             Database shared = Engines.POSTGRESQL.create(dir)) {
            new SettingsRepository(shared).put("city.name", "福州市");
            Map<String, Long> before = LedgerCopy.rowCounts(shared);
            PersistenceException e = assertThrows(PersistenceException.class, () -> LedgerCopy.copy(sample, shared));
            assertEquals("copy.error.notEmpty", e.key());
            assertEquals(before, LedgerCopy.rowCounts(shared));
            assertEquals("福州市", new SettingsRepository(shared).get("city.name").orElseThrow());
        }
    }
}
