package org.duban.service.importer;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A 完成时限 that a spreadsheet wrote as a number: a date cell that lost its date format shows Excel's day count
 * ({@code 46203} = 2026-06-30), and people type {@code 20260630}. Both are read as the day they stand for, with
 * a warning so the reader checks it; a date cell with a time of day ({@code 2026-06-30 17:30}) is read as its
 * day without one. Other numbers are left to the deadline rules, which refuse them.
 */
final class NumericDeadline {
    /** Excel's day 1 is 1900-01-01 and it counts a 29 February 1900 that never was; from March 1900 on this holds. */
    private static final LocalDate EXCEL_DAY_ZERO = LocalDate.of(1899, 12, 30);
    private static final LocalDate FIRST = LocalDate.of(2000, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2100, 12, 31);
    private static final Pattern DATE_TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}) \\d{1,2}:\\d{2}");
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    private static final java.util.regex.Pattern FIVE_DIGITS = java.util.regex.Pattern.compile("\\d{5}");
    private static final java.util.regex.Pattern EIGHT_DIGITS = java.util.regex.Pattern.compile("\\d{8}");

    private NumericDeadline() {
    }

    /**
     * How a numeric deadline was read.
     *
     * @param warningKey the warning to show, null when the reading is certain (a date with a time of day)
     */
    record Reading(LocalDate day, String warningKey) {
    }

    static Optional<Reading> read(String text) {
        String t = text.strip();
        var m = DATE_TIME.matcher(t);
        if (m.matches()) {
            return Optional.of(new Reading(LocalDate.parse(m.group(1)), null));
        }
        if (FIVE_DIGITS.matcher(t).matches()) {
            LocalDate d = EXCEL_DAY_ZERO.plusDays(Long.parseLong(t));
            return inRange(d) ? Optional.of(new Reading(d, "import.problem.serialDate")) : Optional.empty();
        }
        if (EIGHT_DIGITS.matcher(t).matches()) {
            try {
                LocalDate d = LocalDate.parse(t, COMPACT);
                return inRange(d) ? Optional.of(new Reading(d, "import.problem.compactDate")) : Optional.empty();
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static boolean inRange(LocalDate d) {
        return !d.isBefore(FIRST) && !d.isAfter(LAST);
    }
}
