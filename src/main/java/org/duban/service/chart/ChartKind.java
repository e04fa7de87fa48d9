package org.duban.service.chart;

import java.util.Locale;
import java.util.Optional;

/** The charts there are; the lower-case names are what {@code chart --type} takes. */
public enum ChartKind {
    /** Stacked bars: each unit's shares by status. */
    STATUS,
    /** Units by completion rate, with the change of rank since an earlier day. */
    RANKING,
    /** Completed and closed at the end of each week or month. */
    TREND,
    /** Stacked bars: each unit's shares by light. */
    LIGHTS,
    /** Tasks by source, by status. */
    SOURCE,
    /** Tasks by category, by status. */
    CATEGORY;

    /** The command line's name: {@code status}, {@code ranking} ... */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ChartKind> ofCliName(String name) {
        for (ChartKind k : values()) {
            if (k.cliName().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
