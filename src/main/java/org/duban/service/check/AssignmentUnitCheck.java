package org.duban.service.check;

import java.util.List;
import org.duban.persistence.Database;
import org.duban.persistence.Repositories;

/** Every assignment's responsible unit is on the roster. */
final class AssignmentUnitCheck implements LedgerCheck {
    @Override
    public String titleKey() {
        return "check.assignmentUnits";
    }

    @Override
    public List<Finding> run(Database db, Repositories repos) {
        return repos.consistency().assignmentsWithoutUnit().stream()
                .map(a -> Finding.of("check.assignmentUnits.missing", a.meetingId(), a.seq(), a.unitId()))
                .toList();
    }
}
