package org.duban.service.tasks;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.Optional;
import org.duban.model.Task;
import org.duban.model.TaskStatus;
import org.duban.model.Unit;
import org.duban.model.WarningLight;
import org.duban.service.tracking.AssignmentState;
import org.duban.service.tracking.TaskTracking;

/**
 * One line of the task checklist: the task, its responsible units, and where it stands (derived status, light,
 * latest report, supervision) when the row was made. {@code searchText} is everything free-text search looks
 * at, lower-cased once when the row is made.
 *
 * @param tracking where the task stands, or null for a row made from a bare task
 */
public record ChecklistRow(Task task, List<Unit> units, String searchText, TaskTracking tracking, Unit leadUnit) {
    public ChecklistRow {
        units = List.copyOf(units);
    }

    public ChecklistRow(Task task, List<Unit> units, String searchText, TaskTracking tracking) {
        this(task, units, searchText, tracking, null);
    }

    public ChecklistRow(Task task, List<Unit> units, String searchText) {
        this(task, units, searchText, null, null);
    }

    public static ChecklistRow of(Task task, List<Unit> units) {
        return new ChecklistRow(task, units, searchTextOf(task, units, null), null, null);
    }

    /** A row for a tracked task; its task carries the derived statuses. */
    public static ChecklistRow of(TaskTracking tracking, List<Unit> units) {
        return of(tracking, units, null);
    }

    /** A row for a tracked task with its lead unit (牵头单位, null for none). */
    public static ChecklistRow of(TaskTracking tracking, List<Unit> units, Unit leadUnit) {
        return new ChecklistRow(tracking.task(), units, searchTextOf(tracking.task(), units, leadUnit), tracking,
                leadUnit);
    }

    /** A row for a bare task with its lead unit (null for none). */
    public static ChecklistRow of(Task task, List<Unit> units, Unit leadUnit) {
        return new ChecklistRow(task, units, searchTextOf(task, units, leadUnit), null, leadUnit);
    }

    /** The lead unit's name, "" when the task has none. */
    public String leadUnitName() {
        return leadUnit == null ? "" : leadUnit.name();
    }

    public TaskStatus status() {
        return task.status();
    }

    /** The task's light (its most urgent unit's), or null for an untracked row. */
    public WarningLight light() {
        return tracking == null ? null : tracking.light();
    }

    /** The light of one unit's share, or null when the unit has none here. */
    public WarningLight lightOfUnit(long unitId) {
        return tracking == null ? null : tracking.stateOfUnit(unitId).map(AssignmentState::light).orElse(null);
    }

    public boolean supervised() {
        return tracking != null && tracking.supervised();
    }

    public boolean overdue() {
        return tracking != null && tracking.overdue();
    }

    /** The most recent report of any unit, with its state. */
    public Optional<AssignmentState> latestReporter() {
        return tracking == null ? Optional.empty() : tracking.latestReporter();
    }

    /** Responsible units as the checklist shows them: 蕉城区、福安市. */
    public String unitNames() {
        return units.stream().map(Unit::name).collect(Collectors.joining("、"));
    }

    private static String searchTextOf(Task task, List<Unit> units, Unit leadUnit) {
        StringBuilder sb = new StringBuilder();
        sb.append(task.problem()).append('\n').append(task.target()).append('\n').append(task.measures())
                .append('\n').append(task.supportingUnits());
        if (leadUnit != null) {
            sb.append('\n').append(leadUnit.name()).append('\n').append(leadUnit.shortName());
        }
        for (Unit u : units) {
            sb.append('\n').append(u.name()).append('\n').append(u.shortName());
            u.aliases().forEach(a -> sb.append('\n').append(a));
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
