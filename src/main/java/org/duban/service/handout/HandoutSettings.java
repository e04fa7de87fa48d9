package org.duban.service.handout;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How handouts look: the city in the title, the columns (set, order, widths), the sheet, fonts, and the
 * optional 签收 block and notice line. Stored per ledger by {@link HandoutSettingsStore}.
 *
 * @param city        the city printed in the title, e.g. 宁德市
 * @param columns     printed columns in order, at least one
 * @param orientation landscape (default) or portrait
 * @param margins     GB/T 9704 (default) or compact
 * @param signOff     print the 签收单位 / 签收人 / 日期 block after the table
 * @param notice      a line printed at the top right of every page, e.g. 会议材料 会后收回 (empty: none)
 * @param fonts       office fonts where the machine has them, or bundled fonts only
 */
public record HandoutSettings(String city, List<ColumnSpec> columns, PageOrientation orientation,
                              MarginPreset margins, boolean signOff, String notice, FontPreference fonts) {

    public static final List<HandoutColumn> DEFAULT_COLUMNS = List.of(HandoutColumn.SEQ, HandoutColumn.PROBLEM,
            HandoutColumn.TARGET, HandoutColumn.MEASURES, HandoutColumn.LEADER, HandoutColumn.SUPPORTING_UNITS,
            HandoutColumn.DEADLINE);
    public static final String DEFAULT_CITY = "宁德市";
    public static final String DEFAULT_NOTICE = "会议材料　会后收回";

    public HandoutSettings {
        Objects.requireNonNull(orientation, "orientation");
        Objects.requireNonNull(margins, "margins");
        Objects.requireNonNull(fonts, "fonts");
        city = city == null ? "" : city.strip();
        notice = notice == null ? "" : notice.strip();
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a handout needs at least one column");
        }
        Set<HandoutColumn> seen = EnumSet.noneOf(HandoutColumn.class);
        for (ColumnSpec c : columns) {
            if (!seen.add(c.column())) {
                throw new IllegalArgumentException("column twice: " + c.column());
            }
        }
    }

    public static HandoutSettings defaults() {
        return new HandoutSettings(DEFAULT_CITY, DEFAULT_COLUMNS.stream().map(ColumnSpec::of).toList(),
                PageOrientation.LANDSCAPE, MarginPreset.GB_T_9704, false, "", FontPreference.OFFICE);
    }

    public HandoutSettings withOrientation(PageOrientation o) {
        return new HandoutSettings(city, columns, o, margins, signOff, notice, fonts);
    }

    public HandoutSettings withMargins(MarginPreset m) {
        return new HandoutSettings(city, columns, orientation, m, signOff, notice, fonts);
    }

    public HandoutSettings withSignOff(boolean s) {
        return new HandoutSettings(city, columns, orientation, margins, s, notice, fonts);
    }

    public HandoutSettings withNotice(String n) {
        return new HandoutSettings(city, columns, orientation, margins, signOff, n, fonts);
    }

    public HandoutSettings withFonts(FontPreference f) {
        return new HandoutSettings(city, columns, orientation, margins, signOff, notice, f);
    }

    public HandoutSettings withCity(String c) {
        return new HandoutSettings(c, columns, orientation, margins, signOff, notice, fonts);
    }

    public HandoutSettings withColumns(List<ColumnSpec> c) {
        return new HandoutSettings(city, c, orientation, margins, signOff, notice, fonts);
    }

    /** The sheet these settings describe. */
    public PageGeometry page() {
        return PageGeometry.a4(orientation, margins);
    }

    /** Columns as stored: {@code seq:5,problem:24,…}. */
    public static String formatColumns(List<ColumnSpec> columns) {
        return columns.stream().map(c -> c.column().key() + ":" + trim(c.weight())).collect(Collectors.joining(","));
    }

    private static String trim(double w) {
        return w == Math.rint(w) ? String.valueOf((long) w) : String.format(Locale.ROOT, "%.2f", w);
    }

    /**
     * Reads {@code seq:5,problem:24,…}; unknown names, repeats and bad widths are skipped (a column without a
     * width gets its default). Returns the default columns when nothing usable is left.
     */
    public static List<ColumnSpec> parseColumns(String text) {
        List<ColumnSpec> list = new ArrayList<>();
        Set<HandoutColumn> seen = EnumSet.noneOf(HandoutColumn.class);
        if (text != null) {
            for (String part : text.split("[,;，；]")) {
                String[] kv = part.split(":", 2);
                HandoutColumn col = kv[0].isBlank() ? null : HandoutColumn.byKey(kv[0]);
                if (col == null || !seen.add(col)) {
                    continue;
                }
                double w = col.defaultWeight();
                if (kv.length == 2) {
                    try {
                        double parsed = Double.parseDouble(kv[1].strip());
                        if (parsed > 0 && parsed < 1000) {
                            w = parsed;
                        }
                    } catch (NumberFormatException e) {
                        // keep the default width
                    }
                }
                list.add(new ColumnSpec(col, w));
            }
        }
        return list.isEmpty() ? DEFAULT_COLUMNS.stream().map(ColumnSpec::of).toList() : List.copyOf(list);
    }
}
