package org.duban.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.duban.persistence.sqlite.Backups;
import org.duban.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger's connection keeps its 32 MB page cache through a backup (which is made with a small one), and a
 * command that reads the ledger once can keep it small (issue 24).
 */
class PageCacheTest {
    @TempDir
    Path dir;

    /** The cache size of the ledger's own connection (negative: KiB). */
    private static long cacheSize(Database db) {
        return db.read(c -> {
            try (java.sql.Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery("PRAGMA cache_size")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    @Test
    void aBackupLeavesTheLedgersCacheAsItWasAndACommandCanKeepItSmall() {
        try (Database db = TestDb.withSample(dir)) {
            if (db.isShared()) { // a server keeps its own cache: nothing to set, nothing refused
                db.limitPageCache(2048);
                assertTrue(TestDb.sqlLong(db, "SELECT count(*) FROM task") > 0);
                return;
            }
            assertEquals(-32768, cacheSize(db));
            Path copy = dir.resolve("备份.db");
            Backups.write(db, copy);
            assertEquals(-32768, cacheSize(db), "set back after the backup");
            assertTrue(!Backups.verify(copy).isEmpty(), "a sound copy");
            assertEquals(TestDb.sqlLong(db, "SELECT count(*) FROM task"), TestDb.sqlLong(copy, "SELECT count(*) FROM task"));

            db.limitPageCache(2048);
            assertEquals(-2048, cacheSize(db));
            assertTrue(TestDb.sqlLong(db, "SELECT count(*) FROM task") > 0, "still reads");
        }
    }
}
