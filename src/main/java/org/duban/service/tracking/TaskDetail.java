package org.duban.service.tracking;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.duban.model.AuditEntry;
import org.duban.model.CloseOut;
import org.duban.model.Evidence;
import org.duban.model.InspectionFinding;
import org.duban.model.Milestone;
import org.duban.model.ProgressReport;
import org.duban.model.Task;
import org.duban.model.Unit;
import org.duban.model.WithdrawnShare;

/**
 * Everything the task detail view shows, read in one go: where the task stands today, each unit's reports,
 * milestones, close-out applications and evidence, the 举一反三 links, inspection findings and the history; the
 * records of withdrawn shares too, which the view shows greyed (they count nowhere).
 *
 * @param origin    the task this one was found by analogy to, or null
 * @param analogues       tasks found by analogy to this one
 * @param withdrawn       the task's withdrawn shares (已撤出)
 * @param withdrawnStates where each withdrawn share stands by its own records, in the same order
 */
public record TaskDetail(TaskTracking tracking, Map<Long, Unit> units, Task origin, List<Task> analogues,
                         List<ProgressReport> reports, List<Milestone> milestones, List<CloseOut> closeOuts,
                         List<Evidence> evidence, List<InspectionFinding> findings, List<AuditEntry> history,
                         List<WithdrawnShare> withdrawn, List<AssignmentState> withdrawnStates) {
    public TaskDetail {
        withdrawn = List.copyOf(withdrawn);
        withdrawnStates = List.copyOf(withdrawnStates);
        units = Map.copyOf(units);
        analogues = List.copyOf(analogues);
        reports = List.copyOf(reports);
        milestones = List.copyOf(milestones);
        closeOuts = List.copyOf(closeOuts);
        evidence = List.copyOf(evidence);
        findings = List.copyOf(findings);
        history = List.copyOf(history);
    }

    public Task task() {
        return tracking.task();
    }

    /** The withdrawn share with this assignment id, if it is one. */
    public Optional<WithdrawnShare> withdrawal(long assignmentId) {
        return withdrawn.stream().filter(w -> w.assignment().id() == assignmentId).findFirst();
    }

    /** Whether a unit's share of this task is withdrawn (for greying its rows in the history). */
    public boolean unitWithdrawn(long unitId) {
        return withdrawn.stream().anyMatch(w -> w.unitId() == unitId);
    }

    public Optional<Unit> unit(long unitId) {
        return Optional.ofNullable(units.get(unitId));
    }

    /** A unit's reports, newest first. */
    public List<ProgressReport> reportsOf(long assignmentId) {
        return reports.stream().filter(r -> r.assignmentId() == assignmentId)
                .sorted((a, b) -> b.reportedOn().equals(a.reportedOn()) ? Long.compare(b.id(), a.id())
                        : b.reportedOn().compareTo(a.reportedOn()))
                .toList();
    }

    /** A unit's milestones by due date. */
    public List<Milestone> milestonesOf(long assignmentId) {
        return milestones.stream().filter(m -> m.assignmentId() == assignmentId).toList();
    }

    /** A unit's close-out applications, oldest first. */
    public List<CloseOut> closeOutsOf(long assignmentId) {
        return closeOuts.stream().filter(c -> c.assignmentId() == assignmentId).toList();
    }

    public List<Evidence> evidenceOf(long assignmentId) {
        return evidence.stream().filter(e -> e.assignmentId() == assignmentId).toList();
    }
}
