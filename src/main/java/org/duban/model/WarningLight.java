package org.duban.model;

import java.util.Collection;

/**
 * 红黄绿灯: how urgently an assignment needs attention. The rule that picks a light is a setting (thresholds
 * differ between cities); see {@code service.tracking.LightRule}. Declared from the most urgent.
 */
public enum WarningLight {
    /** 红灯: overdue, or far behind 序时进度. */
    RED,
    /** 黄灯: deadline near, somewhat behind, a late milestone, or no recent report. */
    YELLOW,
    /** 绿灯: on track (and every completed assignment). */
    GREEN;

    /** The more urgent of the two. */
    public WarningLight worse(WarningLight other) {
        return other == null || compareTo(other) <= 0 ? this : other;
    }

    /** The most urgent light of several; green when there are none. */
    public static WarningLight worstOf(Collection<WarningLight> lights) {
        WarningLight worst = GREEN;
        for (WarningLight l : lights) {
            worst = worst.worse(l);
        }
        return worst;
    }
}
