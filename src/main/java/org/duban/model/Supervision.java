package org.duban.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * 挂牌督办: a task put under the named supervision of a city leader, who expects a report every cycle.
 *
 * @param leader the supervising leader, e.g. 市长 or 分管副市长
 * @param since  the day the task was put under supervision
 */
public record Supervision(long taskId, String leader, LocalDate since, ReportingCycle cycle, String note) {
    public Supervision {
        Objects.requireNonNull(leader, "leader");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(cycle, "cycle");
        note = note == null ? "" : note;
    }
}
