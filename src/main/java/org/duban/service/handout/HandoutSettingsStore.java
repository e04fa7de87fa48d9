package org.duban.service.handout;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.duban.persistence.Repositories;
import org.duban.persistence.SettingsRepository;
import org.duban.persistence.UnitOfWork;

/**
 * Handout settings and copies per unit, kept in the ledger's {@code setting} table. On a ledger opened
 * read-only nothing is saved: changes then hold for the session only.
 */
public final class HandoutSettingsStore {
    static final String CITY = "handout.city";
    static final String COLUMNS = "handout.columns";
    static final String ORIENTATION = "handout.orientation";
    static final String MARGINS = "handout.margins";
    static final String SIGN_OFF = "handout.signOff";
    static final String NOTICE = "handout.notice";
    static final String FONTS = "handout.fonts";
    static final String COPIES = "handout.copies";

    private final UnitOfWork uow;
    private final SettingsRepository settings;
    /** On a ledger opened read-only the settings are only read: saving does nothing. */
    private final boolean readOnly;

    public HandoutSettingsStore(Repositories repos, UnitOfWork uow, boolean readOnly) {
        this.uow = uow;
        this.readOnly = readOnly;
        this.settings = repos.settings();
    }

    public HandoutSettings load() {
        HandoutSettings d = HandoutSettings.defaults();
        return new HandoutSettings(
                settings.get(CITY, d.city()),
                HandoutSettings.parseColumns(settings.get(COLUMNS, HandoutSettings.formatColumns(d.columns()))),
                enumOr(PageOrientation.class, settings.get(ORIENTATION, ""), d.orientation()),
                enumOr(MarginPreset.class, settings.get(MARGINS, ""), d.margins()),
                Boolean.parseBoolean(settings.get(SIGN_OFF, String.valueOf(d.signOff()))),
                settings.get(NOTICE, d.notice()),
                enumOr(FontPreference.class, settings.get(FONTS, ""), d.fonts()));
    }

    /** Saves all settings in one transaction. */
    public void save(HandoutSettings s) {
        if (readOnly) {
            return;
        }
        uow.useTransaction(() -> {
            settings.put(CITY, s.city());
            settings.put(COLUMNS, HandoutSettings.formatColumns(s.columns()));
            settings.put(ORIENTATION, s.orientation().name());
            settings.put(MARGINS, s.margins().name());
            settings.put(SIGN_OFF, String.valueOf(s.signOff()));
            settings.put(NOTICE, s.notice());
            settings.put(FONTS, s.fonts().name());
        });
    }

    /** Copies per unit id (units not listed get one), stored as {@code 12=3,5=2}. */
    public Map<Long, Integer> copies() {
        Map<Long, Integer> map = new LinkedHashMap<>();
        for (String part : settings.get(COPIES, "").split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length == 2) {
                try {
                    int n = Integer.parseInt(kv[1].strip());
                    if (n >= 0) {
                        map.put(Long.parseLong(kv[0].strip()), n);
                    }
                } catch (NumberFormatException e) {
                    // a hand-edited entry that does not read: that unit gets one copy
                }
            }
        }
        return map;
    }

    public int copies(long unitId) {
        return copies().getOrDefault(unitId, 1);
    }

    public void setCopies(long unitId, int copies) {
        if (readOnly) {
            return;
        }
        Map<Long, Integer> map = copies();
        if (copies == 1) {
            map.remove(unitId);
        } else {
            map.put(unitId, Math.max(0, copies));
        }
        settings.put(COPIES, map.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(",")));
    }

    private static <E extends Enum<E>> E enumOr(Class<E> type, String name, E fallback) {
        try {
            return Enum.valueOf(type, name.strip());
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
