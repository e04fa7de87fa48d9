package org.duban.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Chinese working days (工作日): Monday to Friday, minus the statutory holidays, plus the weekend days that the
 * State Council's yearly schedule turns into working days (调休上班). A year for which the calendar lists no day
 * at all is counted Monday to Friday, and {@link #knowsYear} says so, so that a screen or a notice can tell the
 * reader that a deadline in that year ignores holidays.
 *
 * <p>"N 个工作日内" from a day means: the N-th working day after that day ({@link #plusWorkingDays}); the day
 * itself does not count, as in the offices' own practice and in 党政机关公文 deadlines.
 */
public final class WorkCalendar {
    /** What the calendar says of a listed day. */
    public enum DayKind { HOLIDAY, WORKDAY }

    /** One listed day: a holiday, or a weekend day that is worked. */
    public record Day(LocalDate date, DayKind kind, String name) {
        public Day {
            if (kind == DayKind.WORKDAY && !isWeekend(date)) {
                throw new IllegalArgumentException(date + " is a weekday: it is a working day anyway");
            }
            name = name == null ? "" : name.strip();
        }
    }

    private static final WorkCalendar WEEKDAYS_ONLY = new WorkCalendar(Map.of());

    private final Map<LocalDate, Day> days;
    private final Set<Integer> years;

    private WorkCalendar(Map<LocalDate, Day> days) {
        this.days = Map.copyOf(days);
        TreeSet<Integer> listed = new TreeSet<>();
        days.keySet().forEach(d -> listed.add(d.getYear()));
        this.years = Set.copyOf(listed);
    }

    /** A calendar of the listed days; a later entry for the same date replaces an earlier one. */
    public static WorkCalendar of(Iterable<Day> listed) {
        Map<LocalDate, Day> map = new TreeMap<>();
        for (Day d : listed) {
            map.put(d.date(), d);
        }
        return new WorkCalendar(map);
    }

    /** Monday to Friday, no holidays: what a year without a calendar falls back to. */
    public static WorkCalendar weekdaysOnly() {
        return WEEKDAYS_ONLY;
    }

    /** True when the calendar lists days of this year (its holidays are known). */
    public boolean knowsYear(int year) {
        return years.contains(year);
    }

    /** The years the calendar lists, in order. */
    public Set<Integer> years() {
        return new TreeSet<>(years);
    }

    /** The listed day, if any (a holiday or an adjusted working day). */
    public Optional<Day> listed(LocalDate date) {
        return Optional.ofNullable(days.get(date));
    }

    public boolean isWorkingDay(LocalDate date) {
        Day d = days.get(date);
        if (d != null) {
            return d.kind() == DayKind.WORKDAY;
        }
        return !isWeekend(date);
    }

    /**
     * The {@code n}-th working day after {@code from} ({@code from} itself not counted); {@code n = 0} is
     * {@code from}.
     */
    public LocalDate plusWorkingDays(LocalDate from, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        LocalDate d = from;
        for (int left = n; left > 0; ) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /**
     * Working days after {@code from} up to and including {@code to}; negative when {@code to} is before
     * {@code from} (the working days from {@code to} exclusive to {@code from} inclusive, negated). Zero for the
     * same day.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    /** The years between two days (inclusive) that the calendar does not know. */
    public Set<Integer> unknownYears(LocalDate from, LocalDate to) {
        TreeSet<Integer> unknown = new TreeSet<>();
        LocalDate a = from.isBefore(to) ? from : to;
        LocalDate b = from.isBefore(to) ? to : from;
        for (int y = a.getYear(); y <= b.getYear(); y++) {
            if (!knowsYear(y)) {
                unknown.add(y);
            }
        }
        return unknown;
    }

    private static boolean isWeekend(LocalDate date) {
        DayOfWeek w = date.getDayOfWeek();
        return w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY;
    }
}
