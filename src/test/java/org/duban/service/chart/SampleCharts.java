package org.duban.service.chart;

import java.nio.file.Path;
import java.time.LocalDate;
import org.duban.persistence.Database;
import org.duban.service.stats.StatsService;
import org.duban.testing.TestDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The sample database (its year replayed to 2026-11-29) and the chart service over it, once per test class. */
abstract class SampleCharts {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    @TempDir
    static Path dir;
    static Database db;
    static ChartService charts;
    static long meetingId;

    @BeforeAll
    static void sample() {
        db = TestDb.withSample(dir);
        charts = new ChartService(new StatsService(db));
        meetingId = TestDb.sqlLong(db.file(), "SELECT id FROM meeting");
    }

    @AfterAll
    static void close() {
        db.close();
    }
}
