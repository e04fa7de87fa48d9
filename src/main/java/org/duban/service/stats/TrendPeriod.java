package org.duban.service.stats;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/** The step of a trend: each point counts where things stood at the end of a week (Sunday) or a month. */
public enum TrendPeriod {
    WEEK,
    MONTH;

    /** The last day of the period that holds {@code day}. */
    public LocalDate endOf(LocalDate day) {
        return switch (this) {
            case WEEK -> day.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
            case MONTH -> day.with(TemporalAdjusters.lastDayOfMonth());
        };
    }

    /** The period ends from the one holding {@code from} up to {@code to}, with {@code to} itself as the last. */
    public List<LocalDate> days(LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        LocalDate d = endOf(from);
        while (d.isBefore(to)) {
            days.add(d);
            d = endOf(d.plusDays(1));
        }
        days.add(to);
        return days;
    }
}
