package org.duban.service.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duban.model.TaskStatus;
import org.duban.model.Term;
import org.duban.model.Unit;
import org.duban.model.WarningLight;
import org.duban.persistence.Repositories;
import org.duban.persistence.TaskRepository;
import org.duban.persistence.TaskScope;
import org.duban.persistence.UnitRepository;
import org.duban.persistence.VocabularyRepository;
import org.duban.service.tracking.AssignmentState;
import org.duban.service.tracking.TaskTracking;
import org.duban.service.tracking.TrackingService;
import org.duban.service.vocabulary.VocabularyService;

/**
 * The one place where figures are counted: {@code stats}, the charts, the projector and the bulletin all ask here.
 * Statuses, lights and overdue are derived at the day asked for, by the light rule in force, over the tasks issued
 * by that day ({@link TrackingService#trackIssued}): a task counts from the day it was issued.
 */
public final class StatsService {
    private final TrackingService tracking;
    private final UnitRepository units;
    private final TaskRepository tasks;
    private final VocabularyRepository vocabulary;

    public StatsService(Repositories repos, TrackingService tracking) {
        this.tracking = tracking;
        this.units = repos.units();
        this.tasks = repos.tasks();
        this.vocabulary = repos.vocabulary();
    }

    /** Figures for one meeting, or for every meeting when {@code meetingId} is null, as of today. */
    public Stats stats(Long meetingId) {
        return stats(meetingId, tracking.today());
    }

    /**
     * Figures as they stood on {@code asOf}: tasks issued later, and reports, milestones and close-out steps dated
     * later, are ignored.
     */
    public Stats stats(Long meetingId, LocalDate asOf) {
        return compute(tracking.trackIssuedForCounting(TaskScope.meeting(meetingId), asOf), units.findAll(), asOf);
    }

    /** Today by the service's clock (the default as-of day). */
    public LocalDate today() {
        return tracking.today();
    }

    /** The tasks of a scope as they stood on {@code asOf}: what the figures below are counted from. */
    public List<TaskTracking> tracked(StatsScope scope, LocalDate asOf) {
        return filter(tracking.trackIssued(TaskScope.meeting(scope.meetingId()), asOf), scope);
    }

    /**
     * The tasks of a scope as they stood on {@code asOf}, as {@link #tracked} gives them (in the same order), a piece
     * at a time: each piece is handed to {@code each} and let go before the next is read (issue 24). The tasks carry
     * their problem, source and category but no other long text, and their reports no text
     * ({@link TrackingService#trackIssuedInPieces}).
     */
    public void trackedInPieces(StatsScope scope, LocalDate asOf, java.util.function.Consumer<List<TaskTracking>> each) {
        tracking.trackIssuedInPieces(scope.meetingId(), asOf, piece -> each.accept(filter(piece, scope)));
    }

    /** Figures for a scope (a meeting, and optionally one source) as they stood on {@code asOf}. */
    public Stats stats(StatsScope scope, LocalDate asOf) {
        return compute(tracked(scope, asOf), units.findAll(), asOf);
    }

    /**
     * The units of {@code group} ranked by completion rate on {@code asOf}, with their ranks on {@code since}
     * (null: no comparison). Both days are counted exactly as {@link #stats(StatsScope, LocalDate)} counts them.
     */
    public Ranking ranking(StatsScope scope, UnitGroup group, LocalDate asOf, LocalDate since) {
        List<Unit> roster = units.findAll();
        List<LocalDate> days = since == null ? List.of(asOf) : List.of(asOf, since);
        Map<LocalDate, List<TaskTracking>> byDay = tracking.trackIssued(TaskScope.meeting(scope.meetingId()), days);
        Stats now = compute(filter(byDay.get(asOf), scope), roster, asOf);
        Stats before = since == null ? null : compute(filter(byDay.get(since), scope), roster, since);
        return Ranking.of(now, before, group);
    }

    /**
     * City departments ranked by the tasks they lead (牵头单位) as well as by the shares they carry, on {@code asOf}
     * (issue 14).
     */
    public List<DepartmentRank> departments(StatsScope scope, LocalDate asOf) {
        return DepartmentRank.of(tracked(scope, asOf), units.findAll());
    }

    /**
     * Completed and closed at the end of each week or month, from the period in which the scope's first task was
     * issued to {@code to}: tasks for the whole city ({@code unitId} null), else that unit's shares.
     */
    public Trend trend(StatsScope scope, Long unitId, TrendPeriod period, LocalDate to) {
        LocalDate from = tasks.issuedDates(TaskScope.meeting(scope.meetingId())).values().stream()
                .min(LocalDate::compareTo).orElse(to);
        return trend(scope, unitId, period, from.isAfter(to) ? to : from, to);
    }

    /** As {@link #trend(StatsScope, Long, TrendPeriod, LocalDate)}, from the period that holds {@code from}. */
    public Trend trend(StatsScope scope, Long unitId, TrendPeriod period, LocalDate from, LocalDate to) {
        Unit unit = unitId == null ? null : units.findAll().stream().filter(u -> u.id() == unitId).findFirst()
                .orElseThrow(() -> new org.duban.persistence.PersistenceException("stats.error.unitGone"));
        // a piece of the ledger at a time, and in it a day at a time: only the piece's facts and the day being
        // counted are held (statuses need no texts); each day's counts add up over the pieces
        Map<LocalDate, int[]> sums = new java.util.TreeMap<>();
        for (LocalDate day : period.days(from, to)) {
            sums.put(day, new int[3]);
        }
        tracking.trackIssuedForCountingInPieces(scope.meetingId(), sums.keySet(),
                (day, list) -> add(sums.get(day), filter(list, scope), unitId));
        List<Trend.Point> points = new ArrayList<>(sums.size());
        sums.forEach((day, s) -> points.add(new Trend.Point(day, s[0], s[1], s[2])));
        return new Trend(unit, period, points);
    }

    /** Adds the tasks of {@code list} (of a unit: its shares) to total, completed and closed. */
    private static void add(int[] sums, List<TaskTracking> list, Long unitId) {
        for (TaskTracking t : list) {
            if (unitId == null) {
                sums[0]++;
                sums[1] += t.status().isCompleted() ? 1 : 0;
                sums[2] += t.status() == TaskStatus.CLOSED ? 1 : 0;
                continue;
            }
            for (AssignmentState s : t.states()) {
                if (s.unitId() == unitId) {
                    sums[0]++;
                    sums[1] += s.status().isCompleted() ? 1 : 0;
                    sums[2] += s.status() == TaskStatus.CLOSED ? 1 : 0;
                }
            }
        }
    }

    /** Tasks by source and by category, each by status, as they stood on {@code asOf}. */
    public Breakdown breakdown(StatsScope scope, LocalDate asOf) {
        Map<String, Map<TaskStatus, Integer>> bySource = new LinkedHashMap<>();
        Map<String, Map<TaskStatus, Integer>> byCategory = new LinkedHashMap<>();
        // a piece at a time, in the order of tracked(): sources and categories met in the same order
        trackedInPieces(scope, asOf, piece -> count(piece, bySource, byCategory));
        Breakdown b = new Breakdown(asOf, bySource, byCategory);
        // sources and categories in the office's order (Settings → 来源和类别), others after in the order met
        return new Breakdown(asOf, ordered(b.bySource(), vocabulary.find(Term.Kind.SOURCE)),
                ordered(b.byCategory(), vocabulary.find(Term.Kind.CATEGORY)));
    }

    private static <V> Map<String, V> ordered(Map<String, V> map, List<Term> terms) {
        Map<String, V> out = new LinkedHashMap<>();
        VocabularyService.sorted(new ArrayList<>(map.keySet()), k -> k, terms).forEach(k -> out.put(k, map.get(k)));
        return out;
    }

    /** Pure counting, so that it can be checked against SQL. */
    public static Breakdown breakdown(List<TaskTracking> list, LocalDate asOf) {
        Map<String, Map<TaskStatus, Integer>> bySource = new LinkedHashMap<>();
        Map<String, Map<TaskStatus, Integer>> byCategory = new LinkedHashMap<>();
        count(list, bySource, byCategory);
        return new Breakdown(asOf, bySource, byCategory);
    }

    private static void count(List<TaskTracking> list, Map<String, Map<TaskStatus, Integer>> bySource,
                              Map<String, Map<TaskStatus, Integer>> byCategory) {
        for (TaskTracking t : list) {
            bySource.computeIfAbsent(t.task().source(), k -> new EnumMap<>(TaskStatus.class))
                    .merge(t.status(), 1, Integer::sum);
            byCategory.computeIfAbsent(t.task().category(), k -> new EnumMap<>(TaskStatus.class))
                    .merge(t.status(), 1, Integer::sum);
        }
    }

    /**
     * One brief per unit of {@code group} that holds shares on {@code asOf}, in roster order: its figures, its
     * rank (against {@code since}, may be null), and the tasks where its share is overdue or which are supervised.
     */
    public List<UnitBrief> briefs(StatsScope scope, UnitGroup group, LocalDate asOf, LocalDate since) {
        List<TaskTracking> list = tracked(scope, asOf);
        Stats stats = compute(list, units.findAll(), asOf);
        Ranking ranking = ranking(scope, group, asOf, since);
        List<UnitBrief> briefs = new ArrayList<>();
        for (UnitStats u : stats.units()) {
            if (!group.contains(u.unit()) || u.assignments() == 0) {
                continue;
            }
            long id = u.unit().id();
            List<TaskTracking> overdue = list.stream()
                    .filter(t -> t.stateOfUnit(id).map(AssignmentState::overdue).orElse(false)).toList();
            List<TaskTracking> supervised = list.stream()
                    .filter(t -> t.supervised() && t.stateOfUnit(id).isPresent()).toList();
            briefs.add(new UnitBrief(u, ranking.of(id).orElse(null), overdue, supervised));
        }
        return briefs;
    }

    private static List<TaskTracking> filter(List<TaskTracking> list, StatsScope scope) {
        return scope.source() == null ? list : list.stream().filter(scope::includes).toList();
    }

    /** Pure counting over tracked tasks, so that it can be checked against SQL. */
    public static Stats compute(List<TaskTracking> list, List<Unit> roster, LocalDate asOf) {
        StatsTally tally = new StatsTally();
        list.forEach(tally::add);
        return tally.stats(roster, asOf);
    }
}
