package org.duban.service.check;

import java.util.List;
import org.duban.persistence.ConsistencyRepository;
import org.duban.persistence.Database;

/** Every assignment's responsible unit is on the roster. */
final class AssignmentUnitCheck implements LedgerCheck {
    @Override
    public String titleKey() {
        return "check.assignmentUnits";
    }

    @Override
    public List<Finding> run(Database db) {
        return new ConsistencyRepository(db).assignmentsWithoutUnit().stream()
                .map(a -> Finding.of("check.assignmentUnits.missing", a.meetingId(), a.seq(), a.unitId()))
                .toList();
    }
}
