package org.duban.service.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duban.model.Unit;
import org.duban.service.tracking.AssignmentState;
import org.duban.service.tracking.TaskTracking;

/**
 * A city department ranked by the tasks it leads (牵头单位) as well as by the shares it carries (责任单位), issue 14:
 * a department that leads a task the counties carry answers for it too. Ranked by the completion rate of both
 * together (a led task counts as completed when the whole task is), ties in roster order.
 *
 * @param led            tasks it leads
 * @param ledCompleted   of those, completed (every share completed, accepted or closed)
 * @param ledOverdue     of those, overdue
 * @param carried        shares it carries
 * @param carriedCompleted of those, completed
 * @param rank           1 = best; equal rates share a rank
 */
public record DepartmentRank(Unit unit, int led, int ledCompleted, int ledOverdue, int carried, int carriedCompleted,
                             int rank) {

    /** Completed of led tasks and carried shares together, 0 when it has neither. */
    public double rate() {
        int all = led + carried;
        return all == 0 ? 0 : (double) (ledCompleted + carriedCompleted) / all;
    }

    /** The city departments that lead or carry any task among {@code list}, ranked; roster order on ties. */
    public static List<DepartmentRank> of(List<TaskTracking> list, List<Unit> roster) {
        Tally tally = new Tally();
        list.forEach(tally::add);
        return tally.ranks(roster);
    }

    /**
     * {@link #of} a task at a time, for a ledger read a piece at a time (issue 24): the same ranks whatever the
     * pieces.
     */
    public static final class Tally {
        /** By unit: led, ledCompleted, ledOverdue, carried, carriedCompleted. */
        private final Map<Long, int[]> counts = new HashMap<>();

        /** Counts one task as it stood. */
        public void add(TaskTracking t) {
            long lead = t.task().leadUnitId();
            if (lead > 0) {
                int[] c = counts.computeIfAbsent(lead, k -> new int[5]);
                c[0]++;
                c[1] += t.status().isCompleted() ? 1 : 0;
                c[2] += t.overdue() ? 1 : 0;
            }
            for (AssignmentState s : t.states()) {
                int[] c = counts.computeIfAbsent(s.unitId(), k -> new int[5]);
                c[3]++;
                c[4] += s.status().isCompleted() ? 1 : 0;
            }
        }

        /** The city departments of {@code roster} among the tasks counted, ranked. */
        public List<DepartmentRank> ranks(List<Unit> roster) {
            return ranked(counts, roster);
        }
    }

    private static List<DepartmentRank> ranked(Map<Long, int[]> counts, List<Unit> roster) {
        Map<Unit, int[]> departments = new LinkedHashMap<>();
        for (Unit u : roster) {
            int[] c = counts.get(u.id());
            if (c != null && UnitGroup.CITY_DEPARTMENTS.contains(u) && c[0] + c[3] > 0) {
                departments.put(u, c);
            }
        }
        List<DepartmentRank> rows = new ArrayList<>();
        departments.forEach((u, c) -> rows.add(new DepartmentRank(u, c[0], c[1], c[2], c[3], c[4], 0)));
        List<DepartmentRank> sorted = rows.stream().sorted(Comparator.comparingDouble(DepartmentRank::rate).reversed())
                .toList();
        List<DepartmentRank> ranked = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            DepartmentRank d = sorted.get(i);
            boolean tie = i > 0 && sameRate(d, sorted.get(i - 1));
            int rank = tie ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new DepartmentRank(d.unit(), d.led(), d.ledCompleted(), d.ledOverdue(), d.carried(),
                    d.carriedCompleted(), rank));
        }
        return ranked;
    }

    private static boolean sameRate(DepartmentRank a, DepartmentRank b) {
        return (long) (a.ledCompleted + a.carriedCompleted) * (b.led + b.carried)
                == (long) (b.ledCompleted + b.carriedCompleted) * (a.led + a.carried);
    }
}
