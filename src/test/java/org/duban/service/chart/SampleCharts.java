package org.duban.service.chart;

import java.nio.file.Path;
import java.time.LocalDate;
import org.duban.persistence.Database;
import org.duban.testing.LaterTasks;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample database (its year replayed to 2026-11-29) with a task made from a 下沉督察 finding on
 * {@link #FINDING_TASK_DAY}, and the chart service over it, once per test class.
 */
abstract class SampleCharts {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    static final LocalDate FINDING_TASK_DAY = LocalDate.of(2026, 10, 20);
    @TempDir
    static Path dir;
    static Database db;
    static ChartService charts;
    static long meetingId;

    @BeforeAll
    static void sample() {
        db = TestDb.withSample(dir);
        LaterTasks.fromFinding(db, FINDING_TASK_DAY);
        charts = new ChartService(Wired.of(db).stats());
        meetingId = TestDb.sqlLong(db, "SELECT id FROM meeting");
    }

    @AfterAll
    static void close() {
        db.close();
    }
}
