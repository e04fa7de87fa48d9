package org.duban.service.tasks;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.duban.model.Task;
import org.duban.model.TaskStatus;
import org.duban.model.Unit;

/**
 * One line of the task checklist: the task, its responsible units, and its derived status.
 * {@code searchText} is everything free-text search looks at, lower-cased once when the row is made.
 */
public record ChecklistRow(Task task, List<Unit> units, String searchText) {
    public ChecklistRow {
        units = List.copyOf(units);
    }

    public static ChecklistRow of(Task task, List<Unit> units) {
        return new ChecklistRow(task, units, searchTextOf(task, units));
    }

    public TaskStatus status() {
        return task.status();
    }

    /** Responsible units as the checklist shows them: 蕉城区、福安市. */
    public String unitNames() {
        return units.stream().map(Unit::name).collect(Collectors.joining("、"));
    }

    private static String searchTextOf(Task task, List<Unit> units) {
        StringBuilder sb = new StringBuilder();
        sb.append(task.problem()).append('\n').append(task.target()).append('\n').append(task.measures())
                .append('\n').append(task.supportingUnits());
        for (Unit u : units) {
            sb.append('\n').append(u.name()).append('\n').append(u.shortName());
            u.aliases().forEach(a -> sb.append('\n').append(a));
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
