package org.duban.service.tasks;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Predicate;
import org.duban.model.TaskStatus;

/**
 * What the checklist shows: by unit, status, source, category, and free text over problem, target,
 * measures and unit names (every word must occur). Null or blank parts match everything.
 */
public record ChecklistFilter(Long unitId, TaskStatus status, String source, String category, String text)
        implements Predicate<ChecklistRow> {

    public static final ChecklistFilter ALL = new ChecklistFilter(null, null, null, null, null);

    @Override
    public boolean test(ChecklistRow row) {
        if (unitId != null && row.units().stream().noneMatch(u -> u.id() == unitId)) {
            return false;
        }
        if (status != null && row.status() != status) {
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
