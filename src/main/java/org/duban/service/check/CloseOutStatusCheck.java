package org.duban.service.check;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duban.i18n.Messages;
import org.duban.model.Task;
import org.duban.model.TaskStatus;
import org.duban.persistence.Database;
import org.duban.persistence.Repositories;
import org.duban.persistence.TaskScope;
import org.duban.persistence.TrackingConsistencyRepository.Place;
import org.duban.service.tracking.TrackingService;

/**
 * The status stored with each assignment (which other tools read) agrees with its close-out and progress records
 * wherever those make it 已完成, 已验收 or 已销号. The derived status is read "as the records stand" (every dated
 * step counted), because those stages, unlike on/behind schedule, do not move with the calendar once recorded.
 */
final class CloseOutStatusCheck implements LedgerCheck {
    /** Tasks read at once. */
    static final int PIECE = 2000;
    private final TrackingService tracking;

    CloseOutStatusCheck(TrackingService tracking) {
        this.tracking = tracking;
    }

    @Override
    public String titleKey() {
        return "check.statuses";
    }

    @Override
    public List<Finding> run(Database db, Repositories repos) {
        Map<Long, String> units = new HashMap<>();
        repos.units().findAll().forEach(u -> units.put(u.id(), u.name()));
        List<Finding> findings = new ArrayList<>();
        // a piece of the ledger at a time: its facts (every report) would take 0.3 GB at 50,000 tasks (issue 24)
        for (TaskScope piece : repos.tasks().pieces(PIECE)) {
            Map<Long, Task> tasks = new HashMap<>();
            repos.tasks().findForCounting(piece).forEach(t -> tasks.put(t.id(), t));
            tracking.facts(piece).stream()
                    .filter(f -> disagree(f.assignment().status(), f.stageOn(LocalDate.MAX)))
                    .map(f -> {
                        Task t = tasks.get(f.assignment().taskId());
                        Place where = new Place(t.meetingId(), t.seq(),
                                units.getOrDefault(f.assignment().unitId(), "?"));
                        TaskStatus derived = f.stageOn(LocalDate.MAX);
                        String stored = Messages.tr("status." + f.assignment().status().name());
                        // short of completed, on or behind schedule depends on the day: only "not finished" is
                        // certain
                        return derived.isCompleted()
                                ? Finding.of("check.statuses.mismatch", Places.of(where), stored,
                                        Messages.tr("status." + derived.name()))
                                : Finding.of("check.statuses.notFinished", Places.of(where), stored);
                    })
                    .forEach(findings::add);
        }
        return findings;
    }

    private static boolean disagree(TaskStatus stored, TaskStatus derived) {
        return (stored.isCompleted() || derived.isCompleted()) && stored != derived;
    }
}
