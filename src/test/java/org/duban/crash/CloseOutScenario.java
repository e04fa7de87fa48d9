package org.duban.crash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.duban.persistence.Database;
import org.duban.service.audit.AuditLog;
import org.duban.service.tracking.EvidenceService;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;

/**
 * A close-out (销号) application carrying its evidence: three scanned files of 8 MB each. Of the close-out's
 * steps this is the one that writes much: the application, every file as a BLOB with its audit row, and the
 * share's new status. (Verification, notice and the closing itself each change one row and add its audit rows.)
 * The child stops after the last row, before the commit: the moment most uncommitted data is on disk.
 */
public final class CloseOutScenario implements CrashScenario {
    static final int FILES = 3;
    static final int FILE_BYTES = 8 * 1024 * 1024;
    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);

    static List<Path> scans(Path db) {
        return java.util.stream.IntStream.rangeClosed(1, FILES)
                .mapToObj(i -> db.resolveSibling("验收材料扫描件-" + i + ".pdf")).toList();
    }

    /** A share still being worked on, with no application yet: the lowest such assignment of the sample. */
    private static long share(Path db) {
        return TestDb.sqlLong(db, "SELECT min(a.id) FROM assignment a WHERE a.status IN ('ON_SCHEDULE', "
                + "'BEHIND_SCHEDULE') AND NOT EXISTS (SELECT 1 FROM close_out c WHERE c.assignment_id = a.id)");
    }

    @Override
    public void prepare(Path db) throws IOException {
        TestDb.withSample(db.getParent()).close();
        Random random = new Random(2026);
        for (Path scan : scans(db)) {
            byte[] content = new byte[FILE_BYTES];
            random.nextBytes(content); // scans do not compress
            Files.write(scan, content);
        }
    }

    @Override
    public void operate(Path db, Signal signal) {
        apply(db, signal);
    }

    private static void apply(Path db, Signal signal) {
        long assignment = share(db);
        try (Database d = Database.open(db)) {
            if (signal != null) {
                Ledgers.smallCache(d); // the child: spill the open transaction to disk, as a large real one does
            }
            AuditLog audit = Wired.audit(d, new TestClock(DAY));
            List<EvidenceService.Upload> files = Wired.of(audit).evidence().read(scans(db));
            // nested writes join: this is the application's own transaction, held open after its last row
            d.write(c -> {
                Wired.of(audit).closeOuts().apply(assignment, DAY, "整改已完成，申请销号，附验收材料扫描件", files);
                if (signal != null) {
                    signal.holdHere();
                }
                return null;
            });
        }
    }

    @Override
    public Map<String, Long> measure(Path db) {
        Map<String, Long> m = Ledgers.rows(db, "close_out", "evidence", "audit_log");
        m.put("evidence bytes", TestDb.sqlLong(db, "SELECT coalesce(sum(length(content)), 0) FROM evidence"));
        m.put("shares completed", TestDb.sqlLong(db, "SELECT count(*) FROM assignment WHERE status = 'COMPLETED'"));
        return m;
    }

    @Override
    public Map<String, Long> whenDone(Path db, Map<String, Long> before) throws IOException {
        Path reference = Ledgers.copy(db);
        for (int i = 0; i < FILES; i++) {
            Files.copy(scans(db).get(i), scans(reference).get(i));
        }
        apply(reference, null);
        return measure(reference);
    }

    @Override
    public String toString() {
        return "a close-out application with 24 MB of evidence";
    }
}
