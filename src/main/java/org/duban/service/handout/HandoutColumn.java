package org.duban.service.handout;

import java.util.function.Function;
import java.util.stream.Collectors;
import org.duban.model.Unit;

/**
 * The columns a handout can print. The default set is 序号 | 问题 | 整改目标 | 整改措施 | 责任领导 | 配合单位 |
 * 完成时限; the set, order and widths are a setting ({@link HandoutSettings#columns()}). A column that shows
 * tracking data reads it from the unit's own assignment ({@link HandoutEntry#assignment()}), so new tracking
 * fields become columns by adding a constant here.
 */
public enum HandoutColumn {
    SEQ("seq", true, 5, e -> String.valueOf(e.task().seq())),
    SOURCE("source", true, 10, e -> e.task().source()),
    CATEGORY("category", true, 7, e -> e.task().category()),
    PROBLEM("problem", false, 23, e -> e.task().problem()),
    TARGET("target", false, 17, e -> e.task().target()),
    MEASURES("measures", false, 25, e -> e.task().measures()),
    UNITS("units", true, 12, e -> e.taskUnits().stream().map(Unit::name).collect(Collectors.joining("、"))),
    LEADER("leader", true, 10, e -> e.task().leader()),
    /** 牵头单位 (issue 14): a column to choose in Settings → 讲义, not printed by default. */
    LEAD_UNIT("leadUnit", true, 10, HandoutEntry::leadUnitName),
    SUPPORTING_UNITS("supportingUnits", true, 10, e -> e.task().supportingUnits()),
    DEADLINE("deadline", true, 10, e -> e.task().deadline().phrase()),
    STATUS("status", true, 8, e -> HandoutText.tr("status." + e.assignment().status().name())),
    REMARKS("remarks", true, 8, e -> e.task().remarks());

    private final String key;
    private final boolean centred;
    private final double defaultWeight;
    private final Function<HandoutEntry, String> value;

    HandoutColumn(String key, boolean centred, double defaultWeight, Function<HandoutEntry, String> value) {
        this.key = key;
        this.centred = centred;
        this.defaultWeight = defaultWeight;
        this.value = value;
    }

    /** The name used in settings and the bundle ({@code task.field.<key>}). */
    public String key() {
        return key;
    }

    /** The heading printed in the header row. */
    public String heading() {
        return HandoutText.tr("task.field." + key);
    }

    /** Short columns centre their text, as office tables do; long text starts at the left. */
    public boolean centred() {
        return centred;
    }

    /** The relative width this column gets unless the settings say otherwise. */
    public double defaultWeight() {
        return defaultWeight;
    }

    public String text(HandoutEntry entry) {
        String s = value.apply(entry);
        return s == null ? "" : s;
    }

    /** The column whose settings name is {@code key}, or null. */
    public static HandoutColumn byKey(String key) {
        for (HandoutColumn c : values()) {
            if (c.key.equalsIgnoreCase(key.strip())) {
                return c;
            }
        }
        return null;
    }
}
