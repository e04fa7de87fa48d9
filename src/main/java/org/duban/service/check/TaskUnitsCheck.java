package org.duban.service.check;

import java.util.List;
import org.duban.persistence.Database;
import org.duban.persistence.Repositories;

/** Every task has at least one responsible unit (the form and imports require one). */
final class TaskUnitsCheck implements LedgerCheck {
    @Override
    public String titleKey() {
        return "check.taskUnits";
    }

    @Override
    public List<Finding> run(Database db, Repositories repos) {
        return repos.consistency().tasks().stream().filter(t -> t.assignments() == 0)
                .map(t -> Finding.of("check.taskUnits.none", t.meetingId(), t.seq()))
                .toList();
    }
}
