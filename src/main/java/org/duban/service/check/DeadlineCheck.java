package org.duban.service.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.duban.model.Deadline;
import org.duban.model.DeadlineFormatException;
import org.duban.persistence.ConsistencyRepository;
import org.duban.persistence.Database;
import org.duban.persistence.Repositories;

/**
 * Every task's 完成时限 reads, and the due date and "ongoing" flag stored beside it (which reports and other
 * tools query) say what the phrase says.
 */
final class DeadlineCheck implements LedgerCheck {
    @Override
    public String titleKey() {
        return "check.deadlines";
    }

    @Override
    public List<Finding> run(Database db, Repositories repos) {
        List<Finding> findings = new ArrayList<>();
        for (ConsistencyRepository.StoredTask t : repos.consistency().tasks()) {
            Deadline d;
            try {
                d = Deadline.parse(t.deadline());
            } catch (DeadlineFormatException e) {
                findings.add(Finding.of("check.deadlines.unreadable", t.meetingId(), t.seq(), t.deadline()));
                continue;
            }
            String due = d.dueDate().map(Object::toString).orElse(null);
            if (!Objects.equals(due, t.dueDate()) || d.isOngoing() != t.ongoing()) {
                findings.add(Finding.of("check.deadlines.mismatch", t.meetingId(), t.seq(), t.deadline(),
                        t.dueDate() == null ? "—" : t.dueDate()));
            }
        }
        return findings;
    }
}
