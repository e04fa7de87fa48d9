package org.duban.model;

import java.time.LocalDate;

/** How often a task under 挂牌督办 must report to its supervising leader. */
public enum ReportingCycle {
    /** 每周 */
    WEEKLY,
    /** 每半月 */
    HALF_MONTHLY,
    /** 每月 */
    MONTHLY;

    /** The day the next report is due when the last one came on {@code last}. */
    public LocalDate nextDue(LocalDate last) {
        return switch (this) {
            case WEEKLY -> last.plusWeeks(1);
            case HALF_MONTHLY -> last.plusDays(15);
            case MONTHLY -> last.plusMonths(1);
        };
    }
}
