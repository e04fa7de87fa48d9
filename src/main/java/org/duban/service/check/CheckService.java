package org.duban.service.check;

import java.util.ArrayList;
import java.util.List;
import org.duban.persistence.Database;

/** Runs the ledger's consistency rules: SQLite's integrity check first, then the program's own. */
public final class CheckService {
    private final Database db;
    private final List<LedgerCheck> checks;

    public CheckService(Database db) {
        this(db, standardChecks());
    }

    public CheckService(Database db, List<LedgerCheck> checks) {
        this.db = db;
        this.checks = List.copyOf(checks);
    }

    /** Every rule of this version, in report order. */
    public static List<LedgerCheck> standardChecks() {
        return List.of(new IntegrityCheck(), new DanglingReferenceCheck(), new AssignmentUnitCheck(),
                new TaskUnitsCheck(), new DeadlineCheck(), new CloseOutStepsCheck(), new ClosedEvidenceCheck(),
                new CloseOutStatusCheck(), new AuditChainCheck());
    }

    public CheckReport run() {
        List<CheckReport.Result> results = new ArrayList<>();
        for (LedgerCheck c : checks) {
            results.add(new CheckReport.Result(c.titleKey(), c.run(db)));
        }
        return new CheckReport(results);
    }
}
