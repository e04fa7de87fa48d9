package org.duban.service.stats;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duban.model.TaskStatus;
import org.duban.model.Unit;
import org.duban.model.WarningLight;
import org.duban.persistence.Database;
import org.duban.persistence.TaskScope;
import org.duban.persistence.UnitRepository;
import org.duban.service.audit.AuditLog;
import org.duban.service.tracking.AssignmentState;
import org.duban.service.tracking.TaskTracking;
import org.duban.service.tracking.TrackingService;

/**
 * The one place where figures are counted: the checklist, {@code stats}, and later charts and the bulletin all
 * ask here. Statuses, lights and overdue are derived at the day asked for, by the light rule in force.
 */
public final class StatsService {
    private final TrackingService tracking;
    private final UnitRepository units;

    /** With the computer's clock. */
    public StatsService(Database db) {
        this(new AuditLog(db, Clock.systemDefaultZone()));
    }

    public StatsService(AuditLog audit) {
        this.tracking = new TrackingService(audit);
        this.units = new UnitRepository(audit.database());
    }

    /** Figures for one meeting, or for every meeting when {@code meetingId} is null, as of today. */
    public Stats stats(Long meetingId) {
        return stats(meetingId, tracking.today());
    }

    /** Figures as they stood on {@code asOf}: reports, milestones and close-out steps dated later are ignored. */
    public Stats stats(Long meetingId, LocalDate asOf) {
        return compute(tracking.track(TaskScope.meeting(meetingId), asOf), units.findAll(), asOf);
    }

    /** Pure counting over tracked tasks, so that it can be checked against SQL. */
    public static Stats compute(List<TaskTracking> list, List<Unit> roster, LocalDate asOf) {
        Map<TaskStatus, Integer> taskStatus = new EnumMap<>(TaskStatus.class);
        Map<TaskStatus, Integer> assignmentStatus = new EnumMap<>(TaskStatus.class);
        Map<WarningLight, Integer> taskLight = new EnumMap<>(WarningLight.class);
        Map<WarningLight, Integer> assignmentLight = new EnumMap<>(WarningLight.class);
        Map<Long, Map<TaskStatus, Integer>> unitStatus = new HashMap<>();
        Map<Long, Map<WarningLight, Integer>> unitLight = new HashMap<>();
        Map<Long, Integer> unitOverdue = new HashMap<>();
        int assignments = 0;
        int overdueTasks = 0;
        int overdueAssignments = 0;
        int supervised = 0;
        for (TaskTracking t : list) {
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
        List<UnitStats> unitStats = new ArrayList<>();
        for (Unit u : roster) {
            Map<TaskStatus, Integer> m = unitStatus.getOrDefault(u.id(), Map.of());
            int n = m.values().stream().mapToInt(Integer::intValue).sum();
            unitStats.add(new UnitStats(u, n, m, unitLight.getOrDefault(u.id(), Map.of()),
                    unitOverdue.getOrDefault(u.id(), 0)));
        }
        return new Stats(asOf, list.size(), assignments, taskStatus, assignmentStatus, taskLight, assignmentLight,
                overdueTasks, overdueAssignments, supervised, unitStats);
    }
}
