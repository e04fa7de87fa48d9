package org.duban.model;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A 完成时限 as real task lists write it: a date ({@code 2026-10-31}, {@code 2026.9.30},
 * {@code 2026年8月31日前}), the end of a month, quarter, half-year or year ({@code 2026年6月底前},
 * {@code 2026年三季度末}, {@code 2027年上半年}, {@code 2026年底前}), {@code 立行立改} (at once) or
 * {@code 长期坚持} (ongoing, never overdue), and combinations such as {@code 立行立改,长期坚持}.
 *
 * <p>The phrase is kept as written so that handouts print what the meeting decided; {@link #dueDate()} is
 * what it means. Ongoing deadlines are never overdue, even when they also name a date.
 */
public final class Deadline implements Comparable<Deadline> {

    private static final String NUM = "(\\d{1,2}|[一二三四五六七八九十]{1,3})";
    private static final String BEFORE = "(?:之前|以前|前)?";
    private static final Pattern NUMERIC_DATE =
            Pattern.compile("(\\d{4})[-./](\\d{1,2})[-./](\\d{1,2})(?:日)?" + BEFORE);
    private static final Pattern CN_DATE =
            Pattern.compile("(\\d{4})年" + NUM + "月" + NUM + "[日号]" + BEFORE);
    private static final Pattern MONTH_END =
            Pattern.compile("(\\d{4})(?:年|[-./])" + NUM + "月?(?:底|末|份)?" + BEFORE);
    private static final Pattern YEAR_END =
            Pattern.compile("(\\d{4})年?(?:年底|年末|底|末|年内|内)?" + BEFORE);
    private static final Pattern QUARTER =
            Pattern.compile("(\\d{4})年第?([1-4一二三四])季度(?:末|底)?" + BEFORE);
    private static final Pattern HALF =
            Pattern.compile("(\\d{4})年([上下])半年(?:末|底)?" + BEFORE);
    private static final Pattern SEPARATORS = Pattern.compile("[,，、;；]|(?<!\\d)[/／]|[/／](?!\\d)|并且|并|且|及");
    private static final Pattern DONE_SUFFIX = Pattern.compile("(?:完成整改|整改完成|完成|到位|办结)$");

    private final String phrase;
    private final LocalDate date;
    private final boolean immediate;
    private final boolean ongoing;

    private Deadline(String phrase, LocalDate date, boolean immediate, boolean ongoing) {
        this.phrase = phrase;
        this.date = date;
        this.immediate = immediate;
        this.ongoing = ongoing;
    }

    /** A deadline on a given day, printed as {@code 2026年10月31日}. */
    public static Deadline on(LocalDate day) {
        Objects.requireNonNull(day, "day");
        return new Deadline(day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日",
                day, false, false);
    }

    /**
     * A phrase found in a stored file that no longer reads (edited by another tool): kept as written, with no
     * due date, so the task stays visible and can be corrected.
     */
    public static Deadline unreadable(String phrase) {
        return new Deadline(phrase == null ? "" : phrase, null, false, false);
    }

    /** False only for {@link #unreadable(String)} phrases. */
    public boolean isReadable() {
        return date != null || immediate || ongoing;
    }

    /**
     * Reads a phrase.
     *
     * @throws DeadlineFormatException quoting the phrase when it cannot be read (also when it is blank)
     */
    public static Deadline parse(String text) {
        if (text == null || text.isBlank()) {
            throw new DeadlineFormatException(text == null ? "" : text);
        }
        String phrase = text.strip().replaceAll("\\s+", " ");
        String normal = Normalizer.normalize(phrase, Normalizer.Form.NFKC)
                .replaceAll("\\s+", "")
                .replace('（', '(').replace('）', ')');
        LocalDate latest = null;
        boolean immediate = false;
        boolean ongoing = false;
        for (String rawPart : SEPARATORS.split(normal)) {
            String part = DONE_SUFFIX.matcher(rawPart).replaceAll("");
            if (part.isEmpty()) {
                continue;
            }
            if (part.equals("立行立改") || part.equals("立即整改") || part.equals("立查立改")) {
                immediate = true;
            } else if (part.equals("长期坚持") || part.equals("长期") || part.equals("持续推进")) {
                ongoing = true;
            } else {
                LocalDate d = readDate(part);
                if (d == null) {
                    throw new DeadlineFormatException(phrase);
                }
                if (latest == null || d.isAfter(latest)) {
                    latest = d;
                }
            }
        }
        if (latest == null && !immediate && !ongoing) {
            throw new DeadlineFormatException(phrase);
        }
        return new Deadline(phrase, latest, immediate, ongoing);
    }

    private static LocalDate readDate(String part) {
        try {
            Matcher m;
            if ((m = NUMERIC_DATE.matcher(part)).matches() || (m = CN_DATE.matcher(part)).matches()) {
                return LocalDate.of(year(m.group(1)), number(m.group(2)), number(m.group(3)));
            }
            if ((m = QUARTER.matcher(part)).matches()) {
                int q = number(m.group(2));
                return YearMonth.of(year(m.group(1)), q * 3).atEndOfMonth();
            }
            if ((m = HALF.matcher(part)).matches()) {
                return YearMonth.of(year(m.group(1)), m.group(2).equals("上") ? 6 : 12).atEndOfMonth();
            }
            if ((m = MONTH_END.matcher(part)).matches()) {
                return YearMonth.of(year(m.group(1)), number(m.group(2))).atEndOfMonth();
            }
            if ((m = YEAR_END.matcher(part)).matches()) {
                return LocalDate.of(year(m.group(1)), 12, 31);
            }
        } catch (DateTimeException | IllegalArgumentException e) {
            return null; // 2026年2月30日, 2026年13月: not a day
        }
        return null;
    }

    private static int year(String digits) {
        int y = Integer.parseInt(digits);
        if (y < 2000 || y > 2100) {
            throw new IllegalArgumentException("year out of range: " + y);
        }
        return y;
    }

    /** Arabic digits or Chinese numerals up to 三十一 (月, 日, 季度). */
    static int number(String s) {
        if (Character.isDigit(s.charAt(0))) {
            return Integer.parseInt(s);
        }
        String digits = "零一二三四五六七八九";
        int ten = s.indexOf('十');
        if (ten < 0) {
            if (s.length() != 1) {
                throw new IllegalArgumentException(s);
            }
            return digits.indexOf(s.charAt(0));
        }
        int tens = ten == 0 ? 1 : digits.indexOf(s.charAt(0));
        int ones = ten == s.length() - 1 ? 0 : digits.indexOf(s.charAt(ten + 1));
        if (tens < 0 || ones < 0) {
            throw new IllegalArgumentException(s);
        }
        return tens * 10 + ones;
    }

    /** The phrase as written (whitespace tidied), which handouts print. */
    public String phrase() {
        return phrase;
    }

    /** The last day the phrase allows, when it names one. */
    public Optional<LocalDate> dueDate() {
        return Optional.ofNullable(date);
    }

    /** 立行立改: fix at once. */
    public boolean isImmediate() {
        return immediate;
    }

    /** 长期坚持: ongoing work that is never overdue. */
    public boolean isOngoing() {
        return ongoing;
    }

    /**
     * The day after which unfinished work is late: the named date, or for 立行立改 alone the day the task was
     * issued; empty for ongoing work.
     */
    public Optional<LocalDate> effectiveDueDate(LocalDate issuedOn) {
        if (ongoing) {
            return Optional.empty();
        }
        if (date != null) {
            return Optional.of(date);
        }
        return immediate ? Optional.ofNullable(issuedOn) : Optional.empty();
    }

    /** Whether unfinished work is late on {@code today}; ongoing work never is. */
    public boolean isPast(LocalDate today, LocalDate issuedOn) {
        return effectiveDueDate(issuedOn).map(today::isAfter).orElse(false);
    }

    /** Orders by urgency: at once, then by date, then ongoing. */
    @Override
    public int compareTo(Deadline other) {
        return ORDER.compare(this, other);
    }

    private static final Comparator<Deadline> ORDER = Comparator
            .comparingInt((Deadline d) -> d.ongoing && d.date == null ? 2 : (d.date == null ? 0 : 1))
            .thenComparing(d -> d.date, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(d -> d.phrase);

    @Override
    public boolean equals(Object o) {
        return o instanceof Deadline d && d.phrase.equals(phrase);
    }

    @Override
    public int hashCode() {
        return phrase.hashCode();
    }

    @Override
    public String toString() {
        return phrase;
    }
}
