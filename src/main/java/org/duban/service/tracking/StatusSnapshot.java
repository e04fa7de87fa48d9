package org.duban.service.tracking;

import org.duban.model.AuditEntity;
import org.duban.persistence.TaskRepository;
import org.duban.service.audit.AuditLog;

/**
 * Keeps {@code assignment.status} (the status as of the last change, for readers of the file and for other
 * code that reads assignments) in step after a change, and audits the change of status.
 */
final class StatusSnapshot {
    private final TrackingService tracking;
    private final TaskRepository tasks;
    private final AuditLog audit;

    StatusSnapshot(TrackingService tracking, TaskRepository tasks, AuditLog audit) {
        this.tracking = tracking;
        this.tasks = tasks;
        this.audit = audit;
    }

    void refresh(long assignmentId) {
        AssignmentFacts f = tracking.facts(assignmentId);
        AssignmentState s = tracking.settings().rule().evaluate(f, audit.today());
        var a = f.assignment();
        if (s.status() != a.status()) {
            tasks.updateAssignmentStatus(a.id(), s.status());
            audit.changed(AuditEntity.ASSIGNMENT, a.id(), a.taskId(), a.unitId(), "status", a.status().name(),
                    s.status().name());
        }
    }
}
