package org.duban.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.duban.model.CloseOut;
import org.duban.model.VerificationLevel;
import org.duban.persistence.Database;
import org.duban.persistence.contract.Engines;
import org.duban.service.Services;
import org.duban.service.tracking.ProgressService;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SeatsBench}: the count after the run finds a record lost or saved twice (on a file ledger, by hand), and a
 * small run of two seats on the PostgreSQL server saves every record once, each operation timed.
 */
class SeatsBenchTest {
    private static final String MARK = "压测test";

    @TempDir
    Path dir;

    @Test
    void theCountFindsRecordsLostAndDuplicated() {
        try (Database db = TestDb.withSample(dir)) {
            Services s = Wired.of(db);
            LocalDate today = s.today();
            long share = s.repositories().tasks().findAll().get(0).assignments().get(0).id();
            SeatsBench.Saved saved = new SeatsBench.Saved();
            for (int i = 0; i < 3; i++) {
                String text = MARK + " 席位1 第" + i + "次";
                s.progress().addReport(share, new ProgressService.ReportInput(today, "10", text, ""), List.of());
                saved.reports().add(text);
            }
            long other = s.repositories().tasks().findAll().get(1).assignments().get(0).id();
            CloseOut co = s.closeOuts().apply(other, today, MARK + " 席位1 第3次", List.of());
            saved.applications().add(co.explanation());
            s.closeOuts().verify(co.id(), VerificationLevel.CITY, "验收组", today, false, "");
            saved.verified().add(co.explanation());
            assertEquals(List.of(new SeatsBench.Count("reports", 3, 3, 0, 0),
                    new SeatsBench.Count("closeOuts", 1, 1, 0, 0), new SeatsBench.Count("verifications", 1, 1, 0, 0)),
                    SeatsBench.count(s, MARK, saved), "every record once");

            TestDb.otherTool(db.file(),
                    "DELETE FROM progress_report WHERE text = '" + MARK + " 席位1 第0次'",
                    "INSERT INTO progress_report (assignment_id, reported_on, percent, text, reporter) "
                            + "SELECT assignment_id, reported_on, percent, text, reporter FROM progress_report "
                            + "WHERE text = '" + MARK + " 席位1 第1次'",
                    "INSERT INTO progress_report (assignment_id, reported_on, percent, text, reporter) "
                            + "VALUES (" + share + ", '" + today + "', 5, '" + MARK + " 席位2 第9次', '')",
                    "UPDATE close_out SET verification_level = NULL, verifiers = NULL, verified_on = NULL, "
                            + "verification_passed = NULL WHERE id = " + co.id());
            assertEquals(List.of(new SeatsBench.Count("reports", 3, 4, 1, 2),
                    new SeatsBench.Count("closeOuts", 1, 1, 0, 0), new SeatsBench.Count("verifications", 1, 0, 1, 0)),
                    SeatsBench.count(s, MARK, saved),
                    "one report lost, one saved twice, one no seat saved; the verification lost");
        }
    }

    @Test
    void twoSeatsOnTheServerSaveEveryRecordOnce() throws Exception {
        Engines.all(); // with DUBAN_REQUIRE_PG=1, an absent server fails here
        Assumptions.assumeTrue(Engines.POSTGRESQL.available(), "no PostgreSQL server");
        String url = Engines.POSTGRESQL.url(Engines.POSTGRESQL.newDatabase());
        List<String> progress = new ArrayList<>();
        SeatsBench.Result r = SeatsBench.run(() -> Database.connect(url, Engines.POSTGRESQL.credentials()),
                new SeatsBench.Options(2, Duration.ofMinutes(5), 8), Clock.systemDefaultZone(), progress::add);

        assertEquals(0, r.failed(), r.firstFailure());
        assertEquals(16, r.operations());
        assertEquals(8, r.reports(), "operations 0, 2, 4, 6 of each seat");
        assertEquals(8, r.closeOutSteps(), "申请, 验收 on two shares per seat");
        assertEquals(List.of(new SeatsBench.Count("reports", 8, 8, 0, 0),
                new SeatsBench.Count("closeOuts", 4, 4, 0, 0), new SeatsBench.Count("verifications", 4, 4, 0, 0)),
                r.counts());
        assertEquals(0, r.checkProblems(), "the ledger's check is clean after the seats");
        assertTrue(r.clean());
        assertTrue(r.p95Ms() > 0 && r.p95Ms() <= r.maxMs() && r.p50Ms() <= r.p95Ms());
        assertTrue(progress.get(0).startsWith("sample → "), "the empty ledger got the sample first: " + progress);
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) SeatsBench.json(r).get("seats");
        assertEquals(16L, json.get("operations"));
        assertEquals(true, json.get("clean"));
    }
}
