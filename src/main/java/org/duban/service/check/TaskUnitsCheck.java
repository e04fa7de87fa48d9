package org.duban.service.check;

import java.util.List;
import org.duban.persistence.ConsistencyRepository;
import org.duban.persistence.Database;

/** Every task has at least one responsible unit (the form and imports require one). */
final class TaskUnitsCheck implements LedgerCheck {
    @Override
    public String titleKey() {
        return "check.taskUnits";
    }

    @Override
    public List<Finding> run(Database db) {
        return new ConsistencyRepository(db).tasks().stream().filter(t -> t.assignments() == 0)
                .map(t -> Finding.of("check.taskUnits.none", t.meetingId(), t.seq()))
                .toList();
    }
}
