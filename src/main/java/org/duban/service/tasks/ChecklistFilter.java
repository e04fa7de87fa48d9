package org.duban.service.tasks;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Predicate;
import org.duban.model.TaskStatus;
import org.duban.model.WarningLight;

/**
 * What the checklist shows: by unit, status, source, category, light, only tasks under 挂牌督办, and free text
 * over problem, target, measures and unit names (every word must occur). Null or blank parts match everything.
 * With a unit chosen, the light and the status are those of that unit's own share of the task.
 */
public record ChecklistFilter(Long unitId, TaskStatus status, String source, String category, String text,
                              WarningLight light, boolean supervisedOnly) implements Predicate<ChecklistRow> {

    public static final ChecklistFilter ALL = new ChecklistFilter(null, null, null, null, null);

    public ChecklistFilter(Long unitId, TaskStatus status, String source, String category, String text) {
        this(unitId, status, source, category, text, null, false);
    }

    @Override
    public boolean test(ChecklistRow row) {
        if (unitId != null && row.units().stream().noneMatch(u -> u.id() == unitId)) {
            return false;
        }
        if (status != null && row.status(unitId) != status) {
            return false;
        }
        if (light != null && (unitId != null ? row.lightOfUnit(unitId) : row.light()) != light) {
            return false;
        }
        if (supervisedOnly && !row.supervised()) {
            return false;
        }
        if (source != null && !source.isBlank() && !source.equals(row.task().source())) {
            return false;
        }
        if (category != null && !category.isBlank() && !category.equals(row.task().category())) {
            return false;
        }
        if (text != null && !text.isBlank()) {
            String haystack = row.searchText();
            return Arrays.stream(text.toLowerCase(Locale.ROOT).trim().split("\\s+")).allMatch(haystack::contains);
        }
        return true;
    }
}
