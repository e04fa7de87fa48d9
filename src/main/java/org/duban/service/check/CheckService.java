package org.duban.service.check;

import java.util.ArrayList;
import java.util.List;
import org.duban.persistence.Database;
import org.duban.persistence.Repositories;
import org.duban.service.tracking.TrackingService;

/** Runs the ledger's consistency rules: SQLite's integrity check first, then the program's own. */
public final class CheckService {
    private final Database db;
    private final Repositories repos;
    private final List<LedgerCheck> checks;

    /**
     * The {@link #standardChecks} of the ledger. The rules get the {@code Database} itself: SQLite's integrity
     * check and the audit chain's hashes are about the file, not about rows.
     */
    public CheckService(Database db, Repositories repos, TrackingService tracking) {
        this(db, repos, standardChecks(tracking));
    }

    public CheckService(Database db, Repositories repos, List<LedgerCheck> checks) {
        this.db = db;
        this.repos = repos;
        this.checks = List.copyOf(checks);
    }

    /** The same ledger checked by {@code checks} (the standard ones and more, say). */
    public CheckService with(List<LedgerCheck> checks) {
        return new CheckService(db, repos, checks);
    }

    /** The rules this service runs, in report order. */
    public List<LedgerCheck> checks() {
        return checks;
    }

    /** Every rule of this version, in report order; {@code tracking} derives the statuses to compare. */
    public static List<LedgerCheck> standardChecks(TrackingService tracking) {
        return List.of(new IntegrityCheck(), new DanglingReferenceCheck(), new AssignmentUnitCheck(),
                new TaskUnitsCheck(), new DeadlineCheck(), new CloseOutStepsCheck(), new ClosedEvidenceCheck(),
                new CloseOutStatusCheck(tracking), new AuditChainCheck());
    }

    public CheckReport run() {
        List<CheckReport.Result> results = new ArrayList<>();
        for (LedgerCheck c : checks) {
            results.add(new CheckReport.Result(c.titleKey(db), c.run(db, repos)));
        }
        return new CheckReport(results);
    }
}
