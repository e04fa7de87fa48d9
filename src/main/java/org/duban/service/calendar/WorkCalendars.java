package org.duban.service.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.duban.i18n.LocalizedException;
import org.duban.i18n.Messages;
import org.duban.model.WorkCalendar;
import org.duban.model.WorkCalendar.Day;
import org.duban.model.WorkCalendar.DayKind;

/**
 * The working-day calendar: the one shipped with the program ({@code org/duban/calendar/cn-workdays.csv}, the
 * State Council's schedules for the years this version knows) with the office's own lines on top (a year the
 * program does not ship yet, or a local change), both in the same text form:
 * <pre>
 * # comment
 * 2026-10-01,HOLIDAY,国庆节
 * 2026-10-10,WORKDAY,国庆节调休
 * </pre>
 * {@code kind} may also be written in Chinese (放假 / 上班). An office line for a date replaces the shipped one.
 */
public final class WorkCalendars {
    static final String SHIPPED = "/org/duban/calendar/cn-workdays.csv";

    private WorkCalendars() {
    }

    /** The shipped calendar alone. */
    public static WorkCalendar shipped() {
        return of("");
    }

    /** The shipped calendar with the office's lines on top. */
    public static WorkCalendar of(String officeLines) {
        List<Day> days = new ArrayList<>(parse(shippedText(), "cn-workdays.csv"));
        days.addAll(parse(officeLines, null));
        return WorkCalendar.of(days);
    }

    /** The shipped lines, as the settings screen shows them for reference. */
    public static String shippedText() {
        try (InputStream in = WorkCalendars.class.getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + SHIPPED);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads calendar lines; a bad line is refused with its number and what is wrong.
     *
     * @param source a name for messages about shipped lines, or {@code null} for the office's own lines
     * @throws LocalizedException {@code calendar.error.line}
     */
    public static List<Day> parse(String text, String source) {
        List<Day> days = new ArrayList<>();
        String[] lines = text == null ? new String[0] : text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("[,，]", 3);
            int number = i + 1;
            if (parts.length < 2) {
                throw bad(number, line, "calendar.error.fields");
            }
            LocalDate date;
            try {
                date = LocalDate.parse(parts[0].strip());
            } catch (DateTimeParseException e) {
                throw bad(number, line, "calendar.error.date");
            }
            DayKind kind = switch (parts[1].strip().toUpperCase(Locale.ROOT)) {
                case "HOLIDAY", "放假", "休" -> DayKind.HOLIDAY;
                case "WORKDAY", "上班", "班" -> DayKind.WORKDAY;
                default -> throw bad(number, line, "calendar.error.kind");
            };
            try {
                days.add(new Day(date, kind, parts.length > 2 ? parts[2] : ""));
            } catch (IllegalArgumentException e) {
                throw bad(number, line, "calendar.error.weekdayWorkday");
            }
        }
        return days;
    }

    private static LocalizedException bad(int number, String line, String reasonKey) {
        return new LocalizedException("calendar.error.line", number, line,
                Messages.tr(reasonKey));
    }
}
