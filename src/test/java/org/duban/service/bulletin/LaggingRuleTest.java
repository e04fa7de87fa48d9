package org.duban.service.bulletin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.duban.i18n.LocalizedException;
import org.duban.model.Unit;
import org.duban.model.UnitKind;
import org.duban.service.stats.Ranking;
import org.duban.service.stats.UnitGroup;
import org.duban.service.stats.UnitRank;
import org.junit.jupiter.api.Test;

class LaggingRuleTest {
    /** Units A.. with completed/10 shares each; ranks as the ranking gives them (ties share a rank). */
    private static Ranking ranking(int... completed) {
        List<UnitRank> rows = new ArrayList<>();
        int rank = 0;
        for (int i = 0; i < completed.length; i++) {
            if (i == 0 || completed[i] != completed[i - 1]) {
                rank = i + 1;
            }
            Unit u = new Unit(i + 1, String.valueOf((char) ('A' + i)), "", UnitKind.COUNTY, List.of(), i + 1);
            rows.add(new UnitRank(u, 10, completed[i], rank, null, null));
        }
        return new Ranking(LocalDate.of(2026, 11, 29), null, UnitGroup.COUNTIES, rows);
    }

    private static String names(List<UnitRank> rows) {
        return rows.stream().map(r -> r.unit().name()).reduce("", String::concat);
    }

    @Test
    void bottomNamesTheLastUnitsLowestFirst() {
        assertEquals("EDC", names(new LaggingRule(LaggingRule.Kind.BOTTOM, 3, 60).lagging(ranking(9, 8, 7, 6, 5))));
    }

    @Test
    void bottomNamesUnitsTiedAtTheBoundaryTogether() {
        // C and D share rank 3: naming the last two must not pick one of them
        assertEquals("ECD", names(new LaggingRule(LaggingRule.Kind.BOTTOM, 2, 60).lagging(ranking(9, 8, 6, 6, 5))));
    }

    @Test
    void aUnitThatCompletedEverythingIsNeverNamed() {
        assertEquals("", names(new LaggingRule(LaggingRule.Kind.BOTTOM, 3, 60).lagging(ranking(10, 10, 10))));
        assertEquals("C", names(new LaggingRule(LaggingRule.Kind.BOTTOM, 3, 60).lagging(ranking(10, 10, 9))));
    }

    @Test
    void belowNamesEveryUnitUnderTheRate() {
        assertEquals("EDC", names(new LaggingRule(LaggingRule.Kind.BELOW, 3, 75).lagging(ranking(9, 8, 7, 6, 5))));
        assertEquals("", names(new LaggingRule(LaggingRule.Kind.BELOW, 3, 50).lagging(ranking(9, 8, 7, 6, 5))));
    }

    @Test
    void outOfRangeNumbersAreRefusedWithAMessage() {
        assertEquals("bulletin.error.laggingCount", assertThrows(LocalizedException.class,
                () -> new LaggingRule(LaggingRule.Kind.BOTTOM, 0, 60)).key());
        assertEquals("bulletin.error.laggingPercent", assertThrows(LocalizedException.class,
                () -> new LaggingRule(LaggingRule.Kind.BELOW, 3, 101)).key());
    }
}
