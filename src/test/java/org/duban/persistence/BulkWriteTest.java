package org.duban.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.duban.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A change of thousands of rows ({@link Database#writeMany}, a task import) keeps SQLite's statement journals in
 * memory for its length only: the connection's {@code temp_store} is back as it was after it, whether it committed or
 * rolled back, and a bulk change inside another transaction joins it unchanged (issue 24).
 */
class BulkWriteTest {
    @TempDir
    Path dir;

    /** One number from SQL on the ledger's own connection (a setting of that connection, or what it sees). */
    private static long number(Database db, String sql) {
        return db.read(c -> {
            try (java.sql.Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery(sql)) {
                return rs.next() ? rs.getLong(1) : -1L;
            }
        });
    }

    private static long tempStore(Database db) {
        return number(db, "PRAGMA temp_store");
    }

    /** The settings as another connection sees them: committed ones only. */
    private static long settings(Database db) {
        return TestDb.sqlLong(db, "SELECT count(*) FROM setting");
    }

    private static void put(Database db, String key) {
        db.write(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO setting (key, value) VALUES (?, '1')")) {
                ps.setString(1, key);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Test
    void theBulkChangeCommitsOrRollsBackWholeAndLeavesTheConnectionAsItWas() {
        try (Database db = TestDb.open(dir)) {
            if (db.isShared()) { // a server has nothing to set: the change lands as any other
                long before = settings(db);
                db.writeMany(c -> {
                    put(db, "bulk.a");
                    return null;
                });
                assertEquals(before + 1, settings(db));
                return;
            }
            assertEquals(0, tempStore(db), "SQLite's default");
            long before = settings(db);
            long inside = db.writeMany(c -> {
                put(db, "bulk.a");
                put(db, "bulk.b");
                return tempStore(db);
            });
            assertEquals(2, inside, "statement journals in memory during the bulk change");
            assertEquals(0, tempStore(db), "back after it");
            assertEquals(before + 2, settings(db), "committed");

            assertThrows(IllegalStateException.class, () -> db.writeMany(c -> {
                put(db, "bulk.c");
                throw new IllegalStateException("fails halfway");
            }));
            assertEquals(0, tempStore(db), "back after a rollback too");
            assertEquals(before + 2, settings(db), "nothing of the failed change");

            long joined = db.write(c -> db.writeMany(c2 -> {
                put(db, "bulk.d");
                return tempStore(db);
            }));
            assertEquals(0, joined, "inside another transaction: joined, nothing changed");
            assertEquals(before + 3, settings(db));
        }
    }
}
