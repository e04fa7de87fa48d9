package org.duban.service.ladder;

import org.duban.i18n.LocalizedException;
import org.duban.model.AuditEntity;
import org.duban.model.NoticeLevel;
import org.duban.model.WorkCalendar;
import org.duban.persistence.Repositories;
import org.duban.persistence.SettingsRepository;
import org.duban.persistence.UnitOfWork;
import org.duban.service.audit.AuditLog;
import org.duban.service.calendar.WorkCalendars;

/**
 * The supervision ladder's settings, kept in the {@code setting} table (a missing or unreadable value means the
 * default; changes are audited): the 文号 patterns, how many working days a unit has to answer a 催办单 or a
 * 督办通知书, when the ladder suggests the next rung, how far ahead the desk looks, and the office's own lines of
 * the working-day calendar.
 */
public final class LadderSettings {
    public static final String PATTERN_PREFIX = "ladder.pattern.";
    public static final String RESPONSE_PREFIX = "ladder.responseDays.";
    public static final String ESCALATE_DAYS = "ladder.escalateWorkingDays";
    public static final String TALK_AFTER = "ladder.talkAfterOrders";
    public static final String DESK_DAYS = "desk.days";
    public static final String CALENDAR = "calendar.officeLines";

    /** A series of numbers: 催办单, 督办通知书, 约谈通知. */
    public enum Series {
        CHASE("督催〔{year}〕{n}号"), ORDER("督办〔{year}〕{n}号"), TALK("约谈〔{year}〕{n}号");

        private final String defaultPattern;

        Series(String defaultPattern) {
            this.defaultPattern = defaultPattern;
        }

        public String defaultPattern() {
            return defaultPattern;
        }

        public static Series of(NoticeLevel level) {
            return level == NoticeLevel.CHASE ? CHASE : ORDER;
        }
    }

    /** What the settings say. */
    public record Values(String chasePattern, String orderPattern, String talkPattern, int chaseResponseDays,
                         int orderResponseDays, int escalateWorkingDays, int talkAfterOrders, int deskDays,
                         String calendarLines) {
        public String pattern(Series s) {
            return switch (s) {
                case CHASE -> chasePattern;
                case ORDER -> orderPattern;
                case TALK -> talkPattern;
            };
        }

        public int responseDays(NoticeLevel level) {
            return level == NoticeLevel.CHASE ? chaseResponseDays : orderResponseDays;
        }
    }

    public static final Values DEFAULTS = new Values(Series.CHASE.defaultPattern(), Series.ORDER.defaultPattern(),
            Series.TALK.defaultPattern(), 5, 5, 10, 2, 15, "");

    private final UnitOfWork uow;
    private final SettingsRepository settings;
    private final AuditLog audit;

    public LadderSettings(Repositories repos, UnitOfWork uow, AuditLog audit) {
        this.audit = audit;
        this.uow = uow;
        this.settings = repos.settings();
    }

    public Values load() {
        Values d = DEFAULTS;
        return new Values(pattern(Series.CHASE), pattern(Series.ORDER), pattern(Series.TALK),
                number(RESPONSE_PREFIX + NoticeLevel.CHASE.name(), d.chaseResponseDays()),
                number(RESPONSE_PREFIX + NoticeLevel.ORDER.name(), d.orderResponseDays()),
                number(ESCALATE_DAYS, d.escalateWorkingDays()), number(TALK_AFTER, d.talkAfterOrders()),
                number(DESK_DAYS, d.deskDays()), settings.get(CALENDAR, ""));
    }

    /** The working-day calendar: the shipped one with the office's lines on top (the shipped one alone if those are bad). */
    public WorkCalendar calendar() {
        try {
            return WorkCalendars.of(settings.get(CALENDAR, ""));
        } catch (LocalizedException e) {
            return WorkCalendars.shipped();
        }
    }

    /**
     * Saves every value together, all or none, after checking them.
     *
     * @throws LocalizedException naming the value that is wrong
     */
    public void save(Values v) {
        for (Series s : Series.values()) {
            checkPattern(v.pattern(s));
        }
        checkRange(v.chaseResponseDays(), 1, 60, "ladder.field.chaseResponseDays");
        checkRange(v.orderResponseDays(), 1, 60, "ladder.field.orderResponseDays");
        checkRange(v.escalateWorkingDays(), 1, 120, "ladder.field.escalateDays");
        checkRange(v.talkAfterOrders(), 1, 10, "ladder.field.talkAfter");
        checkRange(v.deskDays(), 1, 365, "ladder.field.deskDays");
        WorkCalendars.of(v.calendarLines()); // refuses a bad line with its number
        uow.inTransaction(() -> {
            for (Series s : Series.values()) {
                put(PATTERN_PREFIX + s.name(), v.pattern(s).strip());
            }
            put(RESPONSE_PREFIX + NoticeLevel.CHASE.name(), String.valueOf(v.chaseResponseDays()));
            put(RESPONSE_PREFIX + NoticeLevel.ORDER.name(), String.valueOf(v.orderResponseDays()));
            put(ESCALATE_DAYS, String.valueOf(v.escalateWorkingDays()));
            put(TALK_AFTER, String.valueOf(v.talkAfterOrders()));
            put(DESK_DAYS, String.valueOf(v.deskDays()));
            put(CALENDAR, v.calendarLines() == null ? "" : v.calendarLines());
            return null;
        });
    }

    /** A pattern must hold {n}; {year} is optional. */
    public static void checkPattern(String pattern) {
        if (pattern == null || pattern.isBlank() || !pattern.contains("{n}")) {
            throw new LocalizedException("ladder.error.pattern", pattern == null ? "" : pattern);
        }
    }

    /** The 文号 a pattern makes of a year and a number: 督办〔2026〕3号. */
    public static String format(String pattern, int year, int n) {
        return pattern.replace("{year}", String.valueOf(year)).replace("{n}", String.valueOf(n));
    }

    private String pattern(Series s) {
        String p = settings.get(PATTERN_PREFIX + s.name(), s.defaultPattern()).strip();
        return p.contains("{n}") ? p : s.defaultPattern();
    }

    private static void checkRange(int v, int min, int max, String fieldKey) {
        if (v < min || v > max) {
            throw new LocalizedException("ladder.error.range", org.duban.i18n.Messages.tr(fieldKey), min, max);
        }
    }

    private int number(String key, int fallback) {
        try {
            return settings.get(key).map(s -> Integer.parseInt(s.strip())).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private void put(String key, String value) {
        String old = settings.get(key).orElse(null);
        settings.put(key, value);
        audit.changed(AuditEntity.SETTING, 0, null, null, key, old, value);
    }
}
