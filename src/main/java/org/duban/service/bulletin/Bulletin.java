package org.duban.service.bulletin;

import org.duban.persistence.AuditChain;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.duban.model.BulletinTotals;
import org.duban.model.BulletinUnitLine;
import org.duban.model.IssuedBulletin;
import org.duban.model.TaskStatus;
import org.duban.model.Unit;
import org.duban.service.stats.DepartmentRank;
import org.duban.service.stats.Ranking;
import org.duban.service.stats.Stats;
import org.duban.service.stats.UnitRank;
import org.duban.service.stats.UnitStats;
import org.duban.service.tracking.TaskTracking;

/**
 * A bulletin (通报) as of a day, before it is written out: the figures of the statistics service for that day,
 * the county-level ranking (and the city departments' when the settings ask for it) with each unit's rank in
 * the previous issued bulletin, the lagging units named by the rule, and the overdue and supervised tasks.
 *
 * @param meetingId  the meeting whose tasks it counts, or null for every meeting
 * @param number     its issue number (期号) among the issued bulletins of its scope, or null for a draft: a number
 *                   is given when a bulletin is issued, so a draft (and a bulletin for a day before one already
 *                   issued, which can only be a draft) carries none
 * @param stats      the figures it is made from, exactly as {@code stats --as-of} counts them
 * @param previous   the bulletin issued before, or null for the first one
 * @param meetingLine the meeting it counts ("2026年3月19日全市……交办会"), or empty for every meeting
 * @param auditHead  the audit trail's head when it was made (printed on it, kept with it when issued), or null
 * @param departmentRanks the city departments ranked by the tasks they lead (牵头单位) and the shares they carry,
 *                   issue 14: the 市直部门 table the bulletin prints; empty when the settings do not rank departments
 * @param scores     the 考评排名 section ({@link ScoreSection}), or null when the bulletin goes without one
 */
public record Bulletin(LocalDate asOf, Long meetingId, String meetingLine, Integer number, String city, String issuer,
                       Stats stats, Ranking counties, Ranking departments, IssuedBulletin previous,
                       LaggingRule rule, List<UnitRank> lagging, List<TaskTracking> overdue,
                       List<TaskTracking> supervised, Map<Long, Unit> units, AuditChain.Head auditHead,
                       List<DepartmentRank> departmentRanks, ScoreSection scores) {
    public Bulletin {
        departmentRanks = List.copyOf(departmentRanks);
        lagging = List.copyOf(lagging);
        overdue = List.copyOf(overdue);
        supervised = List.copyOf(supervised);
        units = Map.copyOf(units);
    }

    /** A bulletin without a 考评排名 section. */
    public Bulletin(LocalDate asOf, Long meetingId, String meetingLine, Integer number, String city, String issuer,
                    Stats stats, Ranking counties, Ranking departments, IssuedBulletin previous,
                    LaggingRule rule, List<UnitRank> lagging, List<TaskTracking> overdue,
                    List<TaskTracking> supervised, Map<Long, Unit> units, AuditChain.Head auditHead,
                    List<DepartmentRank> departmentRanks) {
        this(asOf, meetingId, meetingLine, number, city, issuer, stats, counties, departments, previous, rule, lagging,
                overdue, supervised, units, auditHead, departmentRanks, null);
    }

    /** The same bulletin with a 考评排名 section (null: without one). */
    public Bulletin withScores(ScoreSection section) {
        return new Bulletin(asOf, meetingId, meetingLine, number, city, issuer, stats, counties, departments, previous,
                rule, lagging, overdue, supervised, units, auditHead, departmentRanks, section);
    }

    /** A draft: not to be issued, so without a number. */
    public boolean isDraft() {
        return number == null;
    }

    /** The same bulletin as a draft. */
    public Bulletin asDraft() {
        return new Bulletin(asOf, meetingId, meetingLine, null, city, issuer, stats, counties, departments, previous,
                rule, lagging, overdue, supervised, units, auditHead, departmentRanks, scores);
    }

    /** The opening totals, from the statistics service's figures. */
    public BulletinTotals totals() {
        int completedTasks = stats.tasksByStatus().entrySet().stream().filter(e -> e.getKey().isCompleted())
                .mapToInt(Map.Entry::getValue).sum();
        int completed = stats.assignmentsByStatus().entrySet().stream().filter(e -> e.getKey().isCompleted())
                .mapToInt(Map.Entry::getValue).sum();
        return new BulletinTotals(stats.tasks(), stats.assignments(), completedTasks, completed,
                stats.assignmentsByStatus().getOrDefault(TaskStatus.CLOSED, 0), stats.overdueTasks(),
                stats.overdueAssignments(), stats.supervisedTasks());
    }

    /** A unit's figures of the day. */
    public Optional<UnitStats> unitStats(long unitId) {
        return stats.units().stream().filter(u -> u.unit().id() == unitId).findFirst();
    }

    /** The figures to keep once it is issued: totals and every ranked unit's line. */
    public IssuedBulletin toIssued(Instant issuedAt) {
        List<BulletinUnitLine> lines = new ArrayList<>();
        for (Ranking r : List.of(counties, departments)) {
            for (UnitRank u : r.rows()) {
                UnitStats s = unitStats(u.unit().id()).orElseThrow();
                lines.add(new BulletinUnitLine(u.unit().id(), u.unit().name(), u.assignments(), u.completed(),
                        s.count(TaskStatus.CLOSED), s.overdue(), u.rate(), u.rank()));
            }
        }
        return new IssuedBulletin(0, meetingId, asOf, issuedAt, totals(), lines);
    }

    /**
     * A ranking whose previous ranks are those printed in the previous bulletin (not recounted), so that the
     * change shown is the change readers saw; without a previous bulletin it shows none.
     */
    static Ranking againstIssued(Ranking now, IssuedBulletin previous) {
        if (previous == null) {
            return new Ranking(now.asOf(), null, now.group(), now.rows());
        }
        List<UnitRank> rows = now.rows().stream().map(r -> {
            Optional<BulletinUnitLine> before = previous.line(r.unit().id());
            return new UnitRank(r.unit(), r.assignments(), r.completed(), r.rank(),
                    before.map(BulletinUnitLine::rank).orElse(null), before.map(BulletinUnitLine::rate).orElse(null));
        }).toList();
        return new Ranking(now.asOf(), previous.asOf(), now.group(), rows);
    }
}
