package org.duban.service.stats;

import org.duban.service.tracking.TaskTracking;

/**
 * Which tasks a figure counts: one meeting's (every meeting's when {@code meetingId} is null), optionally only
 * those of one source (来源). The dashboard's filters and the command line's options map onto this.
 */
public record StatsScope(Long meetingId, String source) {
    public StatsScope {
        source = source == null || source.isBlank() ? null : source.strip();
    }

    public static StatsScope all() {
        return new StatsScope(null, null);
    }

    /** Every source of one meeting (every meeting when null). */
    public static StatsScope meeting(Long meetingId) {
        return new StatsScope(meetingId, null);
    }

    public StatsScope withSource(String newSource) {
        return new StatsScope(meetingId, newSource);
    }

    /** True when the task counts in this scope (the meeting is chosen when reading). */
    public boolean includes(TaskTracking t) {
        return source == null || source.equals(t.task().source());
    }
}
