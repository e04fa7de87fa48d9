package org.duban.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One 调度 report of a unit on its share of a task: what was done by a date and how far along it is.
 * Reports are kept as a history; the latest (by date, then by entry) is the assignment's current progress.
 *
 * @param percent  0 to 100; 100 means the unit says its share is done
 * @param reporter who reported (a person or an office of the unit)
 */
public record ProgressReport(long id, long assignmentId, LocalDate reportedOn, int percent, String text,
                             String reporter) {
    public ProgressReport {
        Objects.requireNonNull(reportedOn, "reportedOn");
        Objects.requireNonNull(text, "text");
        reporter = reporter == null ? "" : reporter;
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percent out of range: " + percent);
        }
    }
}
