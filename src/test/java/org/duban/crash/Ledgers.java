package org.duban.crash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.duban.model.Meeting;
import org.duban.persistence.Database;
import org.duban.service.tasks.TaskInput;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;

/** Helpers the crash scenarios share. */
final class Ledgers {
    private Ledgers() {
    }

    /** Rows of each table, read on a connection of its own. */
    static Map<String, Long> rows(Path db, String... tables) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String t : tables) {
            m.put(t, TestDb.sqlLong(db, "SELECT count(*) FROM " + t));
        }
        return m;
    }

    /**
     * A page cache of a few pages: a long transaction then spills its uncommitted pages into the WAL file, so
     * the kill leaves half a transaction on disk for SQLite to discard, as a real crash of a large import would.
     */
    static void smallCache(Database db) {
        db.read(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA cache_size = 8");
            }
            return null;
        });
    }

    /** A copy of a closed ledger in a folder of its own (to run the operation to its end there). */
    static Path copy(Path db) throws IOException {
        Path copy = Files.createTempDirectory(db.getParent(), "ref").resolve(db.getFileName());
        Files.copy(db, copy);
        return copy;
    }

    static Meeting currentMeeting(Database db) {
        return Wired.of(db).meetings().current().orElseThrow();
    }

    /** The i-th generated task of a large batch: one unit, a readable deadline, some text. */
    static TaskInput task(int seq) {
        return new TaskInput(String.valueOf(seq), "市级排查", "水环境",
                "批量任务 " + seq + "：某流域入河排污口整治进度滞后，雨污分流改造尚未完成。".repeat(4),
                "完成整改", "倒排工期，逐项销号", "蕉城区", "", "", "2026年12月底前", "");
    }
}
