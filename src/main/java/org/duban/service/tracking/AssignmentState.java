package org.duban.service.tracking;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.duban.model.Assignment;
import org.duban.model.CloseOut;
import org.duban.model.Milestone;
import org.duban.model.ProgressReport;
import org.duban.model.TaskStatus;
import org.duban.model.WarningLight;

/**
 * Where one assignment stands on {@link #asOf}: derived, never stored.
 *
 * @param assignment      the assignment, carrying the derived {@link #status}
 * @param reasons         why the light is not green (empty when green)
 * @param overdue         deadline passed and not completed (never for 长期坚持)
 * @param percent         progress: the latest report's percent (100 once completed)
 * @param expectedPercent 序时进度, or null without a deadline (长期坚持)
 * @param daysLeft        days until the deadline (negative when past), or null without one
 * @param latestReport    the latest report by then, or null
 * @param lateMilestones  milestones past due and not done by then
 * @param closeOut        the latest close-out application by then, or null
 */
public record AssignmentState(Assignment assignment, LocalDate asOf, TaskStatus status, WarningLight light,
                              Set<LightReason> reasons, boolean overdue, int percent, Double expectedPercent,
                              Long daysLeft, ProgressReport latestReport, List<Milestone> lateMilestones,
                              CloseOut closeOut) {
    public AssignmentState {
        reasons = Set.copyOf(reasons);
        lateMilestones = List.copyOf(lateMilestones);
    }

    public long assignmentId() {
        return assignment.id();
    }

    public long unitId() {
        return assignment.unitId();
    }

    public Optional<ProgressReport> latest() {
        return Optional.ofNullable(latestReport);
    }
}
