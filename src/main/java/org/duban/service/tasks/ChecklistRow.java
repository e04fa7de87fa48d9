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
 * latest report, supervision) when the row was made. {@link #searchText} is everything free-text search looks at,
 * lower-cased, made the first time a search asks for it: a load of 10,000 rows made megabytes of it that no one
 * searched (BENCHMARKS.md, "Checklist load"). A value: rows are equal when their task, units, tracking and lead
 * unit are (the search text follows from those).
 */
public final class ChecklistRow {
    private final Task task;
    private final List<Unit> units;
    private final TaskTracking tracking;
    private final Unit leadUnit;
    /** Made on first use; a String, so a row shared between threads at worst makes it twice. */
    private String searchText;

    /**
     * @param tracking where the task stands, or null for a row made from a bare task
     * @param leadUnit the 牵头单位, or null for none
     */
    public ChecklistRow(Task task, List<Unit> units, TaskTracking tracking, Unit leadUnit) {
        this.task = java.util.Objects.requireNonNull(task, "task");
        this.units = List.copyOf(units);
        this.tracking = tracking;
        this.leadUnit = leadUnit;
    }

    public static ChecklistRow of(Task task, List<Unit> units) {
        return new ChecklistRow(task, units, null, null);
    }

    /** A row for a tracked task; its task carries the derived statuses. */
    public static ChecklistRow of(TaskTracking tracking, List<Unit> units) {
        return of(tracking, units, null);
    }

    /** A row for a tracked task with its lead unit (牵头单位, null for none). */
    public static ChecklistRow of(TaskTracking tracking, List<Unit> units, Unit leadUnit) {
        return new ChecklistRow(tracking.task(), units, tracking, leadUnit);
    }

    /** A row for a bare task with its lead unit (null for none). */
    public static ChecklistRow of(Task task, List<Unit> units, Unit leadUnit) {
        return new ChecklistRow(task, units, null, leadUnit);
    }

    public Task task() {
        return task;
    }

    public List<Unit> units() {
        return units;
    }

    /** Where the task stands, or null for a row made from a bare task. */
    public TaskTracking tracking() {
        return tracking;
    }

    /** The lead unit (牵头单位), or null for none. */
    public Unit leadUnit() {
        return leadUnit;
    }

    /**
     * Everything free-text search looks at, lower-cased: problem, target, measures, supporting units, the lead unit's
     * and the responsible units' names, short names and aliases, one to a line.
     */
    public String searchText() {
        String s = searchText;
        if (s == null) {
            s = searchTextOf(task, units, leadUnit);
            searchText = s;
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof ChecklistRow r && task.equals(r.task) && units.equals(r.units)
                && java.util.Objects.equals(tracking, r.tracking) && java.util.Objects.equals(leadUnit, r.leadUnit);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(task, units, tracking, leadUnit);
    }

    @Override
    public String toString() {
        return "ChecklistRow[task=" + task + ", units=" + units + ", tracking=" + tracking + ", leadUnit=" + leadUnit
                + "]";
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

    /** The status of one unit's share (the task's when the unit has none here or the row is untracked). */
    public TaskStatus statusOfUnit(long unitId) {
        return tracking == null ? status()
                : tracking.stateOfUnit(unitId).map(AssignmentState::status).orElse(status());
    }

    /** The light: of {@code unitId}'s share when given, else of the task. */
    public WarningLight light(Long unitId) {
        return unitId == null ? light() : lightOfUnit(unitId);
    }

    /** The status: of {@code unitId}'s share when given, else of the task. */
    public TaskStatus status(Long unitId) {
        return unitId == null ? status() : statusOfUnit(unitId);
    }

    /** The latest report: of {@code unitId}'s share when given, else of any unit. */
    public Optional<AssignmentState> latestReporter(Long unitId) {
        if (unitId == null) {
            return latestReporter();
        }
        return tracking == null ? Optional.empty()
                : tracking.stateOfUnit(unitId).filter(s -> s.latestReport() != null);
    }

    /** The unit shares: only {@code unitId}'s when given, else all. */
    public List<AssignmentState> states(Long unitId) {
        if (tracking == null) {
            return List.of();
        }
        return unitId == null ? tracking.states() : tracking.stateOfUnit(unitId).stream().toList();
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
        // joined in one go: a builder grown from Latin-1 to UTF-16 copied the long Chinese texts again and again
        List<String> parts = new java.util.ArrayList<>(8 + 3 * units.size());
        parts.add(task.problem());
        parts.add(task.target());
        parts.add(task.measures());
        parts.add(task.supportingUnits());
        if (leadUnit != null) {
            parts.add(leadUnit.name());
            parts.add(leadUnit.shortName());
        }
        for (Unit u : units) {
            parts.add(u.name());
            parts.add(u.shortName());
            parts.addAll(u.aliases());
        }
        return String.join("\n", parts).toLowerCase(Locale.ROOT);
    }
}
