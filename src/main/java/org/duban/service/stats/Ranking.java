package org.duban.service.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Units ranked by completion rate on {@link #asOf}, with each unit's rank on the earlier day {@link #since}.
 * Built from two {@link Stats} of the same scope, so the figures are exactly those of {@code stats}.
 *
 * @param rows by rank; units with the same rank in roster order. Units without shares are left out.
 */
public record Ranking(LocalDate asOf, LocalDate since, UnitGroup group, List<UnitRank> rows) {
    public Ranking {
        rows = List.copyOf(rows);
    }

    /** Ranks the units of {@code group} in {@code now} and looks up their places in {@code before}. */
    public static Ranking of(Stats now, Stats before, UnitGroup group) {
        List<UnitStats> ranked = rank(now, group);
        Map<Long, Integer> previous = new HashMap<>();
        Map<Long, Double> previousRate = new HashMap<>();
        if (before != null) {
            List<UnitStats> earlier = rank(before, group);
            int[] ranks = ranks(earlier);
            for (int i = 0; i < earlier.size(); i++) {
                UnitStats u = earlier.get(i);
                previous.put(u.unit().id(), ranks[i]);
                previousRate.put(u.unit().id(), rate(u));
            }
        }
        int[] ranks = ranks(ranked);
        List<UnitRank> rows = new ArrayList<>(ranked.size());
        for (int i = 0; i < ranked.size(); i++) {
            UnitStats u = ranked.get(i);
            rows.add(new UnitRank(u.unit(), u.assignments(), u.completed(), ranks[i], previous.get(u.unit().id()),
                    previousRate.get(u.unit().id())));
        }
        return new Ranking(now.asOf(), before == null ? null : before.asOf(), group, rows);
    }

    /** The unit's line, if it is ranked. */
    public java.util.Optional<UnitRank> of(long unitId) {
        return rows.stream().filter(r -> r.unit().id() == unitId).findFirst();
    }

    private static List<UnitStats> rank(Stats s, UnitGroup group) {
        // Stats lists the roster in document order, and the sort is stable: ties keep that order
        return s.units().stream().filter(u -> group.contains(u.unit()) && u.assignments() > 0)
                .sorted(Comparator.comparingDouble(Ranking::rate).reversed()).toList();
    }

    private static double rate(UnitStats u) {
        return (double) u.completed() / u.assignments();
    }

    /** Competition ranking: equal rates share a rank, and the next rank skips (1, 2, 2, 4). */
    private static int[] ranks(List<UnitStats> sorted) {
        int[] ranks = new int[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            boolean tie = i > 0 && sameRate(sorted.get(i), sorted.get(i - 1));
            ranks[i] = tie ? ranks[i - 1] : i + 1;
        }
        return ranks;
    }

    /** Same fraction, compared exactly (3/6 and 1/2 tie). */
    private static boolean sameRate(UnitStats a, UnitStats b) {
        return (long) a.completed() * b.assignments() == (long) b.completed() * a.assignments();
    }
}
