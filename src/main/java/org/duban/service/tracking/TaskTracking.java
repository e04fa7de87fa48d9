package org.duban.service.tracking;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.duban.model.ProgressReport;
import org.duban.model.Supervision;
import org.duban.model.Task;
import org.duban.model.TaskStatus;
import org.duban.model.WarningLight;

/**
 * Where a task stands on {@link #asOf}: each assignment's state, and what follows for the task (it stands where
 * its slowest unit stands; its light is its most urgent unit's).
 *
 * @param task                     the task, its assignments carrying their derived statuses
 * @param states                   one per assignment, in the task's order
 * @param supervision              挂牌督办 in force on that day, or null
 * @param supervisionReportOverdue a unit under supervision owes its cycle's report
 * @param originTaskId             the task this 举一反三 task was found by analogy to, or null
 */
public record TaskTracking(Task task, LocalDate asOf, List<AssignmentState> states, Supervision supervision,
                           boolean supervisionReportOverdue, Long originTaskId) {
    public TaskTracking {
        states = List.copyOf(states);
    }

    public TaskStatus status() {
        return task.status();
    }

    /** The most urgent unit's light. A plain loop: sorting and filtering 10,000 rows by light call this often. */
    public WarningLight light() {
        WarningLight worst = WarningLight.GREEN;
        for (AssignmentState s : states) {
            worst = worst.worse(s.light());
        }
        return worst;
    }

    public boolean overdue() {
        for (AssignmentState s : states) {
            if (s.overdue()) {
                return true;
            }
        }
        return false;
    }

    public boolean supervised() {
        return supervision != null;
    }

    /** The state of one unit's share. */
    public Optional<AssignmentState> stateOfUnit(long unitId) {
        return states.stream().filter(s -> s.unitId() == unitId).findFirst();
    }

    public Optional<AssignmentState> state(long assignmentId) {
        return states.stream().filter(s -> s.assignmentId() == assignmentId).findFirst();
    }

    /** The most recent report of any unit, with the state it belongs to. */
    public Optional<AssignmentState> latestReporter() {
        return states.stream().filter(s -> s.latestReport() != null)
                .max(Comparator.comparing((AssignmentState s) -> s.latestReport().reportedOn())
                        .thenComparingLong(s -> s.latestReport().id()));
    }

    public Optional<ProgressReport> latestReport() {
        return latestReporter().map(AssignmentState::latestReport);
    }
}
