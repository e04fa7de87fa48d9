package org.duban.service.stats;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duban.model.Assignment;
import org.duban.model.Task;
import org.duban.model.TaskStatus;
import org.duban.model.Unit;
import org.duban.persistence.Database;
import org.duban.persistence.TaskRepository;
import org.duban.persistence.UnitRepository;

/** The one place where figures are counted: the checklist, {@code stats} and later charts all ask here. */
public final class StatsService {
    private final TaskRepository tasks;
    private final UnitRepository units;

    public StatsService(Database db) {
        this.tasks = new TaskRepository(db);
        this.units = new UnitRepository(db);
    }

    /** Figures for one meeting, or for every meeting when {@code meetingId} is null. */
    public Stats stats(Long meetingId) {
        List<Task> list = meetingId == null ? tasks.findAll() : tasks.findByMeeting(meetingId);
        return compute(list, units.findAll());
    }

    /** Pure counting, so that it can be checked against SQL. */
    public static Stats compute(List<Task> list, List<Unit> roster) {
        Map<TaskStatus, Integer> taskStatus = new EnumMap<>(TaskStatus.class);
        Map<TaskStatus, Integer> assignmentStatus = new EnumMap<>(TaskStatus.class);
        Map<Long, Map<TaskStatus, Integer>> perUnit = new HashMap<>();
        int assignments = 0;
        for (Task t : list) {
            taskStatus.merge(t.status(), 1, Integer::sum);
            for (Assignment a : t.assignments()) {
                assignments++;
                assignmentStatus.merge(a.status(), 1, Integer::sum);
                perUnit.computeIfAbsent(a.unitId(), k -> new EnumMap<>(TaskStatus.class)).merge(a.status(), 1, Integer::sum);
            }
        }
        List<UnitStats> unitStats = new ArrayList<>();
        for (Unit u : roster) {
            Map<TaskStatus, Integer> m = perUnit.getOrDefault(u.id(), Map.of());
            int n = m.values().stream().mapToInt(Integer::intValue).sum();
            unitStats.add(new UnitStats(u, n, m));
        }
        return new Stats(list.size(), assignments, taskStatus, assignmentStatus, unitStats);
    }
}
