package org.duban.service.stats;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.duban.model.TaskStatus;

/**
 * Tasks by source (来源) and by category (问题类别), each split by derived status, as they stood on a day. Keys are in
 * the office's order of names (Settings → 来源和类别), names outside it after them in the order the tasks were
 * issued; tasks without a category count under the empty string.
 */
public record Breakdown(LocalDate asOf, Map<String, Map<TaskStatus, Integer>> bySource,
                        Map<String, Map<TaskStatus, Integer>> byCategory) {
    public Breakdown {
        bySource = copy(bySource);
        byCategory = copy(byCategory);
    }

    private static Map<String, Map<TaskStatus, Integer>> copy(Map<String, Map<TaskStatus, Integer>> m) {
        Map<String, Map<TaskStatus, Integer>> c = new LinkedHashMap<>();
        m.forEach((k, v) -> c.put(k, Map.copyOf(v)));
        return java.util.Collections.unmodifiableMap(c);
    }

    /** Tasks of a source, all statuses. */
    public int sourceTotal(String source) {
        return bySource.getOrDefault(source, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
    }

    public int categoryTotal(String category) {
        return byCategory.getOrDefault(category, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
    }
}
