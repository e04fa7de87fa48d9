package org.duban.service.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duban.model.TaskStatus;
import org.duban.model.Unit;
import org.duban.model.WarningLight;
import org.duban.service.tracking.AssignmentState;
import org.duban.service.tracking.TaskTracking;

/**
 * {@link StatsService#compute} a task at a time: what a ledger read a piece at a time is counted with, so that no
 * piece is kept once counted (issue 24). Counting a list here task by task gives the same {@link Stats} as counting
 * it at once, whatever the pieces.
 */
public final class StatsTally {
    private final Map<TaskStatus, Integer> taskStatus = new EnumMap<>(TaskStatus.class);
    private final Map<TaskStatus, Integer> assignmentStatus = new EnumMap<>(TaskStatus.class);
    private final Map<WarningLight, Integer> taskLight = new EnumMap<>(WarningLight.class);
    private final Map<WarningLight, Integer> assignmentLight = new EnumMap<>(WarningLight.class);
    private final Map<Long, Map<TaskStatus, Integer>> unitStatus = new HashMap<>();
    private final Map<Long, Map<WarningLight, Integer>> unitLight = new HashMap<>();
    private final Map<Long, Integer> unitOverdue = new HashMap<>();
    private int tasks;
    private int assignments;
    private int overdueTasks;
    private int overdueAssignments;
    private int supervised;

    /** Counts one task as it stood. */
    public void add(TaskTracking t) {
        tasks++;
        taskStatus.merge(t.status(), 1, Integer::sum);
        taskLight.merge(t.light(), 1, Integer::sum);
        overdueTasks += t.overdue() ? 1 : 0;
        supervised += t.supervised() ? 1 : 0;
        for (AssignmentState s : t.states()) {
            assignments++;
            assignmentStatus.merge(s.status(), 1, Integer::sum);
            assignmentLight.merge(s.light(), 1, Integer::sum);
            unitStatus.computeIfAbsent(s.unitId(), k -> new EnumMap<>(TaskStatus.class))
                    .merge(s.status(), 1, Integer::sum);
            unitLight.computeIfAbsent(s.unitId(), k -> new EnumMap<>(WarningLight.class))
                    .merge(s.light(), 1, Integer::sum);
            if (s.overdue()) {
                overdueAssignments++;
                unitOverdue.merge(s.unitId(), 1, Integer::sum);
            }
        }
    }

    /** The figures of the tasks counted so far, with a line for each unit of {@code roster}. */
    public Stats stats(List<Unit> roster, LocalDate asOf) {
        List<UnitStats> unitStats = new ArrayList<>();
        for (Unit u : roster) {
            Map<TaskStatus, Integer> m = unitStatus.getOrDefault(u.id(), Map.of());
            int n = m.values().stream().mapToInt(Integer::intValue).sum();
            if (n == 0 && u.retired()) {
                continue; // a retired unit is listed while it still holds shares in scope
            }
            unitStats.add(new UnitStats(u, n, m, unitLight.getOrDefault(u.id(), Map.of()),
                    unitOverdue.getOrDefault(u.id(), 0)));
        }
        return new Stats(asOf, tasks, assignments, taskStatus, assignmentStatus, taskLight, assignmentLight,
                overdueTasks, overdueAssignments, supervised, unitStats);
    }
}
