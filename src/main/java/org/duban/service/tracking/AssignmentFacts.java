package org.duban.service.tracking;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.duban.model.Assignment;
import org.duban.model.CloseOut;
import org.duban.model.CloseOutStage;
import org.duban.model.Deadline;
import org.duban.model.Milestone;
import org.duban.model.ProgressReport;
import org.duban.model.TaskStatus;

/**
 * What is known about one assignment, every fact dated: its reports, milestones and close-out applications.
 * Where it stood on any day is read from the facts dated up to that day, so {@code stats --as-of} can look back.
 *
 * @param issuedOn the day the task was issued (序时进度 counts from here)
 */
public record AssignmentFacts(Assignment assignment, LocalDate issuedOn, Deadline deadline,
                              List<ProgressReport> reports, List<Milestone> milestones, List<CloseOut> closeOuts) {
    private static final Comparator<ProgressReport> REPORT_ORDER =
            Comparator.comparing(ProgressReport::reportedOn).thenComparingLong(ProgressReport::id);
    private static final Comparator<CloseOut> CLOSE_OUT_ORDER =
            Comparator.comparing(CloseOut::appliedOn).thenComparingLong(CloseOut::id);

    public AssignmentFacts {
        Objects.requireNonNull(assignment, "assignment");
        Objects.requireNonNull(deadline, "deadline");
        reports = inOrder(reports, REPORT_ORDER);
        milestones = List.copyOf(milestones);
        closeOuts = inOrder(closeOuts, CLOSE_OUT_ORDER);
    }

    /** The list in order; the repositories already read it so, and a checklist makes 27,000 of these. */
    private static <T> List<T> inOrder(List<T> list, Comparator<T> order) {
        for (int i = 1; i < list.size(); i++) {
            if (order.compare(list.get(i - 1), list.get(i)) > 0) {
                return list.stream().sorted(order).toList();
            }
        }
        return List.copyOf(list);
    }

    /** The latest report dated on or before {@code day}. */
    public Optional<ProgressReport> latestReportOn(LocalDate day) {
        ProgressReport latest = null;
        for (ProgressReport r : reports) {
            if (!r.reportedOn().isAfter(day)) {
                latest = r;
            }
        }
        return Optional.ofNullable(latest);
    }

    /** The latest application made by {@code day}, whatever became of it. */
    public Optional<CloseOut> currentCloseOutOn(LocalDate day) {
        CloseOut current = null;
        for (CloseOut c : closeOuts) {
            if (!c.appliedOn().isAfter(day)) {
                current = c;
            }
        }
        return Optional.ofNullable(current);
    }

    /**
     * How far the work had come on {@code day}, not yet split into on/behind schedule: NOT_STARTED (no report),
     * ON_SCHEDULE (reporting), COMPLETED (a live application, or a latest report of 100 %), ACCEPTED
     * (verification passed), CLOSED. An application that was rejected or reopened stops counting from that day:
     * only a later 100 % report or a new application completes the share again.
     *
     * <p>An assignment with no dated facts at all keeps the status stored with it (set by an import from an
     * older ledger), since there is nothing to derive one from.
     */
    public TaskStatus stageOn(LocalDate day) {
        return stageOn(day, currentCloseOutOn(day).orElse(null), latestReportOn(day).orElse(null));
    }

    /**
     * {@link #stageOn(LocalDate)} with the day's current application and latest report already found (the light rule
     * needs them too, and finds them once for each of a checklist's 27,000 shares).
     */
    TaskStatus stageOn(LocalDate day, CloseOut current, ProgressReport latest) {
        LocalDate reset = null;
        if (current != null) {
            CloseOut c = current;
            CloseOutStage s = c.stageOn(day);
            switch (s) {
                case CLOSED -> {
                    return TaskStatus.CLOSED;
                }
                case VERIFIED, IN_NOTICE, NOTICE_OVER -> {
                    return TaskStatus.ACCEPTED;
                }
                case APPLIED -> {
                    return TaskStatus.COMPLETED;
                }
                default -> reset = c.endedOn(day).orElse(null);
            }
        }
        if (latest != null) {
            ProgressReport r = latest;
            boolean afterReset = reset == null || r.reportedOn().isAfter(reset);
            return r.percent() == 100 && afterReset ? TaskStatus.COMPLETED : TaskStatus.ON_SCHEDULE;
        }
        if (reset != null) {
            return TaskStatus.ON_SCHEDULE;
        }
        if (reports.isEmpty() && closeOuts.isEmpty()) {
            return assignment.status() == TaskStatus.BEHIND_SCHEDULE ? TaskStatus.ON_SCHEDULE : assignment.status();
        }
        return TaskStatus.NOT_STARTED;
    }
}
