package org.duban.service.score;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.duban.i18n.LocalizedException;
import org.duban.model.Assignment;
import org.duban.model.AuditEntity;
import org.duban.model.BulletinUnitLine;
import org.duban.model.IssuedBulletin;
import org.duban.model.Notice;
import org.duban.model.NoticeLevel;
import org.duban.model.ProgressReport;
import org.duban.model.Task;
import org.duban.model.Unit;
import org.duban.model.UnitKind;
import org.duban.model.WarningLight;
import org.duban.persistence.BulletinRepository;
import org.duban.persistence.NoticeRepository;
import org.duban.persistence.Repositories;
import org.duban.persistence.ScoreRuleRepository;
import org.duban.persistence.TaskScope;
import org.duban.persistence.UnitOfWork;
import org.duban.persistence.UnitRepository;
import org.duban.service.audit.AuditLog;
import org.duban.service.bulletin.BulletinSettings;
import org.duban.service.bulletin.LaggingRule;
import org.duban.service.tracking.AssignmentFacts;
import org.duban.service.tracking.AssignmentState;
import org.duban.service.tracking.LightReason;
import org.duban.service.tracking.TaskTracking;
import org.duban.service.tracking.TrackingService;

/**
 * 考评: scores units over a period from what the ledger already records, with the office's rule sets. Each event is
 * scored by the rule set in force on its day (a new set applies from its day only); the base and the caps are the
 * set in force on the score's day. Every point is an event the table can show.
 *
 * <p>Events: a share completed on time in the period (as 牵头单位 or 责任单位, see {@link #leads}); a
 * share overdue on the score's day or completed after its deadline in the period; a share red at a month's end;
 * a share without a recent report at a month's end (the light rule's period, or a supervised task's cycle); each
 * 催办单 and 督办通知书 issued in the period; each issued bulletin in the period that names the unit as lagging.
 */
public final class ScoreService {
    private final AuditLog audit;
    private final TrackingService tracking;
    private final ScoreRuleRepository rules;
    private final UnitOfWork uow;
    private final UnitRepository units;
    private final NoticeRepository notices;
    private final BulletinRepository bulletins;
    private final BulletinSettings bulletinSettings;

    public ScoreService(Repositories repos, UnitOfWork uow, AuditLog audit, TrackingService tracking,
                        BulletinSettings bulletinSettings) {
        this.audit = audit;
        this.uow = uow;
        this.tracking = tracking;
        this.rules = repos.scoreRules();
        this.units = repos.units();
        this.notices = repos.notices();
        this.bulletins = repos.bulletins();
        this.bulletinSettings = bulletinSettings;
    }

    /** What a score is: the period, the rule set in force at its end, the units ranked. */
    public record ScoreTable(LocalDate from, LocalDate asOf, ScoreRules rules, List<UnitScore> units) {
        public ScoreTable {
            units = List.copyOf(units);
        }

        public Optional<UnitScore> of(String unitName) {
            return units.stream().filter(u -> u.unit().name().equals(unitName)).findFirst();
        }
    }

    public LocalDate today() {
        return audit.today();
    }

    /** The office's rule sets by day, after the built-in default (which applies before the first). */
    public List<ScoreRules> ruleSets() {
        List<ScoreRules> list = new ArrayList<>();
        list.add(ScoreRules.defaults());
        for (ScoreRuleRepository.Stored s : rules.findAll()) {
            try {
                list.add(ScoreRules.parse(s.effectiveFrom(), s.name(), s.rules()));
            } catch (LocalizedException e) {
                // written by another tool and unreadable: the set before it stays in force
            }
        }
        return list;
    }

    /** The rule set in force on a day. */
    public ScoreRules inForce(LocalDate day) {
        return inForce(ruleSets(), day);
    }

    static ScoreRules inForce(List<ScoreRules> sets, LocalDate day) {
        ScoreRules in = sets.get(0);
        for (ScoreRules s : sets) {
            if (!s.effectiveFrom().isAfter(day)) {
                in = s;
            }
        }
        return in;
    }

    /**
     * Stores a rule set applying from {@code from} (replacing one for the same day), after reading it.
     *
     * @throws LocalizedException naming the bad line
     */
    public ScoreRules saveRuleSet(LocalDate from, String name, String text) {
        ScoreRules parsed = ScoreRules.parse(from, name, text);
        uow.inTransaction(() -> {
            Optional<ScoreRuleRepository.Stored> old = rules.findAll().stream()
                    .filter(s -> s.effectiveFrom().equals(from)).findFirst();
            rules.put(from, parsed.name(), text, Instant.now(audit.clock()).truncatedTo(ChronoUnit.SECONDS));
            long id = rules.findAll().stream().filter(s -> s.effectiveFrom().equals(from)).findFirst()
                    .orElseThrow().id();
            if (old.isEmpty()) {
                audit.created(AuditEntity.SCORE_RULES, id, null, null, from + "：" + text.strip());
            } else {
                audit.changed(AuditEntity.SCORE_RULES, id, null, null, "rules", old.get().rules().strip(), text.strip());
            }
            return null;
        });
        return parsed;
    }

    /** Removes the set applying from {@code from} (audited with its text). */
    public void deleteRuleSet(LocalDate from) {
        uow.inTransaction(() -> {
            rules.findAll().stream().filter(s -> s.effectiveFrom().equals(from)).findFirst().ifPresent(s -> {
                rules.delete(from);
                audit.deleted(AuditEntity.SCORE_RULES, s.id(), null, null, from + "：" + s.rules().strip());
            });
            return null;
        });
    }

    /**
     * The units' scores for events from {@code from} to {@code asOf} (both included), ranked by total, highest first.
     */
    public ScoreTable score(LocalDate from, LocalDate asOf) {
        if (from.isAfter(asOf)) {
            throw new LocalizedException("score.error.period", from.toString(), asOf.toString());
        }
        List<ScoreRules> sets = ruleSets();
        List<Unit> roster = units.findAll();
        Map<Long, List<ScoreEvent>> events = new LinkedHashMap<>();
        roster.forEach(u -> events.put(u.id(), new ArrayList<>()));
        Map<Long, Task> tasksById = new HashMap<>();

        // shares: on time, overdue, completed late
        List<TaskTracking> now = tracking.trackIssuedForCounting(TaskScope.all(), asOf);
        now.forEach(t -> tasksById.put(t.task().id(), t.task()));
        Map<Long, AssignmentFacts> facts = new HashMap<>();
        for (AssignmentFacts f : tracking.facts(TaskScope.all())) {
            facts.put(f.assignment().id(), f);
        }
        for (TaskTracking t : now) {
            Task task = t.task();
            java.util.Set<Long> leads = leads(task, units(roster));
            for (AssignmentState s : t.states()) {
                AssignmentFacts f = facts.get(s.assignmentId());
                if (f == null || !events.containsKey(s.unitId())) {
                    continue;
                }
                LocalDate due = f.deadline().effectiveDueDate(f.issuedOn()).orElse(null);
                if (s.status().isCompleted()) {
                    LocalDate done = completedOn(f, asOf);
                    if (done != null && !done.isBefore(from) && due != null) {
                        if (!done.isAfter(due)) {
                            ScoreRules.Rule r = leads.contains(s.unitId()) ? ScoreRules.Rule.ON_TIME_LEAD
                                    : ScoreRules.Rule.ON_TIME_OTHER;
                            add(events, sets, s.unitId(), r, done, task, text("score.event.onTime", task, done));
                        } else {
                            add(events, sets, s.unitId(), ScoreRules.Rule.OVERDUE, done, task,
                                    text("score.event.late", task, done));
                        }
                    }
                } else if (s.overdue()) {
                    add(events, sets, s.unitId(), ScoreRules.Rule.OVERDUE, asOf, task,
                            text("score.event.overdue", task, due));
                }
            }
        }

        // month ends in the period: red lights and late reports
        List<LocalDate> monthEnds = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.atEndOfMonth().isAfter(asOf); m = m.plusMonths(1)) {
            monthEnds.add(m.atEndOfMonth());
        }
        if (!monthEnds.isEmpty()) {
            for (Map.Entry<LocalDate, List<TaskTracking>> e : tracking.trackIssued(TaskScope.all(), monthEnds).entrySet()) {
                LocalDate end = e.getKey();
                for (TaskTracking t : e.getValue()) {
                    for (AssignmentState s : t.states()) {
                        if (!events.containsKey(s.unitId()) || s.status().isCompleted()) {
                            continue;
                        }
                        if (s.light() == WarningLight.RED) {
                            add(events, sets, s.unitId(), ScoreRules.Rule.RED_MONTH, end, t.task(),
                                    text("score.event.red", t.task(), end));
                        }
                        if (s.reasons().contains(LightReason.NO_RECENT_REPORT) || (t.supervision() != null
                                && end.isAfter(t.supervision().cycle().nextDue(lastReport(s, t.supervision().since()))))) {
                            add(events, sets, s.unitId(), ScoreRules.Rule.LATE_REPORT, end, t.task(),
                                    text("score.event.report", t.task(), end));
                        }
                    }
                }
            }
        }

        // notices
        for (Notice n : notices.findAll()) {
            if (n.draft() || n.issuedOn().isBefore(from) || n.issuedOn().isAfter(asOf) || !events.containsKey(n.unitId())) {
                continue;
            }
            ScoreRules.Rule r = n.level() == NoticeLevel.CHASE ? ScoreRules.Rule.CHASE : ScoreRules.Rule.ORDER;
            add(events, sets, n.unitId(), r, n.issuedOn(), null, org.duban.i18n.Messages.tr("score.event.notice",
                    org.duban.i18n.Messages.tr("notice.doc.kind." + n.level().name()), n.number()));
        }

        // bulletins naming lagging units (the office's lagging rule, applied to the figures kept of each bulletin)
        LaggingRule lagging = bulletinSettings.load().rule();
        Map<Long, Unit> units = new HashMap<>();
        roster.forEach(u -> units.put(u.id(), u));
        for (IssuedBulletin b : bulletins.findAll()) {
            if (b.asOf().isBefore(from) || b.asOf().isAfter(asOf)) {
                continue;
            }
            for (BulletinUnitLine line : laggingLines(b, lagging, units)) {
                if (events.containsKey(line.unitId())) {
                    add(events, sets, line.unitId(), ScoreRules.Rule.BULLETIN_LAGGING, b.asOf(), null,
                            org.duban.i18n.Messages.tr("score.event.bulletin", b.asOf().toString(), line.rank()));
                }
            }
        }

        ScoreRules end = inForce(sets, asOf);
        List<UnitScore> scores = new ArrayList<>();
        for (Unit u : roster) {
            List<ScoreEvent> list = events.get(u.id());
            boolean hasShares = now.stream().anyMatch(t -> t.task().assignments().stream()
                    .anyMatch(a -> a.unitId() == u.id()));
            if (!hasShares && list.isEmpty()) {
                continue;
            }
            list.sort(Comparator.comparing(ScoreEvent::day).thenComparing(ScoreEvent::rule));
            scores.add(total(u, end, list));
        }
        scores.sort(Comparator.comparing(UnitScore::total).reversed()
                .thenComparingInt(s -> s.unit().sortOrder()));
        List<UnitScore> ranked = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            UnitScore s = scores.get(i);
            int rank = i > 0 && scores.get(i - 1).total().compareTo(s.total()) == 0 ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(s.withRank(rank));
        }
        return new ScoreTable(from, asOf, end, ranked);
    }

    static UnitScore total(Unit u, ScoreRules rules, List<ScoreEvent> events) {
        BigDecimal base = rules.points(ScoreRules.Rule.BASE);
        BigDecimal added = BigDecimal.ZERO;
        BigDecimal deducted = BigDecimal.ZERO;
        for (ScoreEvent e : events) {
            if (e.points().signum() > 0) {
                added = added.add(e.points());
            } else {
                deducted = deducted.add(e.points().negate());
            }
        }
        boolean capped = false;
        if (rules.has(ScoreRules.Rule.MAX_DEDUCTION) && deducted.compareTo(rules.points(ScoreRules.Rule.MAX_DEDUCTION)) > 0) {
            deducted = rules.points(ScoreRules.Rule.MAX_DEDUCTION);
            capped = true;
        }
        BigDecimal total = base.add(added).subtract(deducted);
        if (rules.has(ScoreRules.Rule.MAX) && total.compareTo(rules.points(ScoreRules.Rule.MAX)) > 0) {
            total = rules.points(ScoreRules.Rule.MAX);
            capped = true;
        }
        if (rules.has(ScoreRules.Rule.MIN) && total.compareTo(rules.points(ScoreRules.Rule.MIN)) < 0) {
            total = rules.points(ScoreRules.Rule.MIN);
            capped = true;
        }
        return new UnitScore(u, 0, base, events, plain(added), plain(deducted), plain(total), capped);
    }

    private static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static void add(Map<Long, List<ScoreEvent>> events, List<ScoreRules> sets, long unitId, ScoreRules.Rule rule,
                            LocalDate day, Task task, String text) {
        ScoreRules in = inForce(sets, day);
        BigDecimal points = in.points(rule);
        if (points.signum() == 0) {
            return; // a rule the set in force does not score: no event to trace
        }
        events.get(unitId).add(new ScoreEvent(unitId, rule, day, task == null ? null : task.id(),
                task == null ? null : task.seq(), points, in.effectiveFrom(), text));
    }

    private static String text(String key, Task t, LocalDate day) {
        return org.duban.i18n.Messages.tr(key, t.seq(), day == null ? "" : day.toString());
    }

    private static LocalDate lastReport(AssignmentState s, LocalDate since) {
        ProgressReport r = s.latestReport();
        return r != null && r.reportedOn().isAfter(since) ? r.reportedOn() : since;
    }

    /**
     * The day a share completed: the first day from which it stayed completed up to {@code asOf}, read from the
     * dates of its reports and close-out steps; null when it was not completed on {@code asOf}.
     */
    static LocalDate completedOn(AssignmentFacts f, LocalDate asOf) {
        if (!f.stageOn(asOf).isCompleted()) {
            return null;
        }
        java.util.TreeSet<LocalDate> days = new java.util.TreeSet<>();
        f.reports().forEach(r -> days.add(r.reportedOn()));
        f.closeOuts().forEach(c -> {
            days.add(c.appliedOn());
            if (c.verification() != null) {
                days.add(c.verification().verifiedOn());
            }
            if (c.reopenedOn() != null) {
                days.add(c.reopenedOn());
            }
        });
        LocalDate since = null;
        for (LocalDate d : days) {
            if (d.isAfter(asOf)) {
                break;
            }
            if (f.stageOn(d).isCompleted()) {
                if (since == null) {
                    since = d;
                }
            } else {
                since = null;
            }
        }
        return since;
    }

    /** The lines of a bulletin its lagging rule names (counties and the development zone; not city departments). */
    static List<BulletinUnitLine> laggingLines(IssuedBulletin b, LaggingRule rule, Map<Long, Unit> units) {
        List<BulletinUnitLine> rows = b.units().stream().filter(l -> l.rate() < 1.0)
                .filter(l -> units.get(l.unitId()) != null && units.get(l.unitId()).kind() != UnitKind.CITY_DEPARTMENT)
                .toList();
        if (rule.kind() == LaggingRule.Kind.BELOW) {
            return rows.stream().filter(l -> l.rate() * 100 < rule.percent()).toList();
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        List<BulletinUnitLine> worstFirst = new ArrayList<>(rows);
        worstFirst.sort((a, c) -> Integer.compare(c.rank(), a.rank()));
        int cut = worstFirst.get(Math.min(rule.count(), worstFirst.size()) - 1).rank();
        return worstFirst.stream().filter(l -> l.rank() >= cut).toList();
    }

    /**
     * A task's 牵头单位: the one the task records, when it does; otherwise, as older lists did not say, the sole unit
     * of a task with one share, or the city departments of a task shared between city departments and counties (the
     * department leads and coordinates, the counties carry out); none when all its units are of one kind.
     */
    static java.util.Set<Long> leads(Task t, Map<Long, Unit> units) {
        if (t.leadUnitId() != 0) {
            return java.util.Set.of(t.leadUnitId());
        }
        List<Long> ids = t.assignments().stream().map(Assignment::unitId).toList();
        if (ids.size() == 1) {
            return java.util.Set.of(ids.get(0));
        }
        java.util.Set<Long> departments = new java.util.HashSet<>();
        for (long id : ids) {
            Unit u = units.get(id);
            if (u != null && u.kind() == UnitKind.CITY_DEPARTMENT) {
                departments.add(id);
            }
        }
        return departments.size() == ids.size() ? java.util.Set.of() : departments;
    }

    private static Map<Long, Unit> units(List<Unit> roster) {
        Map<Long, Unit> map = new HashMap<>();
        roster.forEach(u -> map.put(u.id(), u));
        return map;
    }
}
