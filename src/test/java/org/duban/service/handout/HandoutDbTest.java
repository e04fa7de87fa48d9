package org.duban.service.handout;

import java.nio.file.Path;
import org.duban.persistence.Database;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** A handout test on a real ledger file in a temporary folder, closed after each test. */
abstract class HandoutDbTest {
    @TempDir
    Path dir;
    Database db;

    @AfterEach
    void closeDb() {
        if (db != null) {
            db.close();
        }
    }

    /** The sample ledger's current meeting (the sample is created on first use). */
    HandoutService.MeetingData sample() {
        if (db == null) {
            db = TestDb.withSample(dir);
        }
        return Wired.of(db).handouts().read(Wired.of(db).meetings().current().orElseThrow());
    }
}
