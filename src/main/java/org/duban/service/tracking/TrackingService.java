package org.duban.service.tracking;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.duban.model.Assignment;
import org.duban.model.CloseOut;
import org.duban.model.Milestone;
import org.duban.model.ProgressReport;
import org.duban.model.Supervision;
import org.duban.model.Task;
import org.duban.persistence.CloseOutRepository;
import org.duban.persistence.EvidenceRepository;
import org.duban.persistence.InspectionRepository;
import org.duban.persistence.MilestoneRepository;
import org.duban.persistence.PersistenceException;
import org.duban.persistence.ReportRepository;
import org.duban.persistence.Repositories;
import org.duban.persistence.SupervisionRepository;
import org.duban.persistence.TaskRepository;
import org.duban.persistence.TaskScope;
import org.duban.persistence.UnitRepository;
import org.duban.service.audit.AuditLog;

/**
 * Reads where tasks stand on a day: loads the dated facts of every assignment in scope (one query per table) and
 * applies the light rule in force. The checklist, the detail view, {@code stats}, the charts and the bulletin all
 * ask here, so they show the same figures.
 *
 * <p>Two kinds of read. Lists of tasks to work on ({@link #track}, {@link #trackForChecklist}, {@link #tasksOn})
 * hold every task in scope, also one not issued yet on the day (a meeting still to come is entered ahead).
 * Figures as of a day ({@link #trackIssued}, {@link #trackIssuedForCounting}) hold only the tasks issued by that
 * day: a task and its shares do not exist before the day it was issued ({@code coalesce(task.issued_on,
 * meeting.held_on)}, see {@link TaskRepository#issuedDates}), so a task made from a later 下沉督察 finding or
 * issued at a later meeting is not counted in an earlier day's statistics, ranking, trend, charts or bulletin.
 */
public final class TrackingService {
    private final AuditLog audit;
    private final TrackingSettings settings;
    private final TaskRepository tasks;
    private final ReportRepository reports;
    private final MilestoneRepository milestones;
    private final CloseOutRepository closeOuts;
    private final SupervisionRepository supervisions;
    private final UnitRepository units;
    private final EvidenceRepository evidence;
    private final InspectionRepository inspections;

    public TrackingService(Repositories repos, AuditLog audit, TrackingSettings settings) {
        this.audit = audit;
        this.settings = settings;
        this.units = repos.units();
        this.evidence = repos.evidence();
        this.inspections = repos.inspections();
        this.tasks = repos.tasks();
        this.reports = repos.reports();
        this.milestones = repos.milestones();
        this.closeOuts = repos.closeOuts();
        this.supervisions = repos.supervisions();
    }

    /** Today by the service's clock. */
    public LocalDate today() {
        return audit.today();
    }

    public TrackingSettings settings() {
        return settings;
    }

    /** Every task in scope as it stood on {@code day}, by meeting and 序号, also those issued after that day. */
    public List<TaskTracking> track(TaskScope scope, LocalDate day) {
        return track(tasks.find(scope), load(scope, false), day, null);
    }

    /**
     * The tasks in scope that had been issued by {@code day}, as they stood on that day, by meeting and 序号: what
     * every figure as of a day is counted from.
     */
    public List<TaskTracking> trackIssued(TaskScope scope, LocalDate day) {
        return track(tasks.find(scope), load(scope, false), day, day);
    }

    /**
     * Like {@link #trackIssued}, for counting only (statistics, charts): the tasks' long texts and the reports'
     * texts are not read, so their fields are empty in what this returns. Statuses, lights and overdue are the same.
     */
    public List<TaskTracking> trackIssuedForCounting(TaskScope scope, LocalDate day) {
        return track(tasks.findForCounting(scope), load(scope, true), day, day);
    }

    /**
     * Like {@link #trackIssuedForCounting(TaskScope, LocalDate)} for each of {@code days}, in date order, each day's
     * tasks handed to {@code each} and let go before the next day is tracked: a trend of a year of weeks over a large
     * ledger otherwise holds every week's tracking of every task at once (issue 24: 119 MB of a 10,000-task meeting
     * pack's peak). The facts are read once, without texts.
     */
    public void trackIssuedForCounting(TaskScope scope, Collection<LocalDate> days,
                                       java.util.function.BiConsumer<LocalDate, List<TaskTracking>> each) {
        List<Task> list = tasks.findForCounting(scope);
        Facts facts = load(scope, true);
        for (LocalDate day : new java.util.TreeSet<>(days)) {
            each.accept(day, track(list, facts, day, day));
        }
    }

    /** Tasks read at once by the piecewise reads below (as the ledger export writes them). */
    public static final int PIECE = 2000;

    /**
     * Like {@link #trackIssued(TaskScope, LocalDate)} for the tasks of one meeting (which it issued; every task when
     * {@code meetingId} is null), a piece of {@value #PIECE} tasks at a time in the same order, each piece handed to
     * {@code each} and let go before the next is read: what a bulletin names and counts (issue 24: a 50,000-task
     * ledger's tracking with every report's text held at once took most of a meeting pack's peak). Each task has its
     * problem, source and category but no other long text, and of the reports and milestones only those that decide
     * the day, without the reports' texts ({@link #trackForDesk}): the same statuses, lights, overdue, latest reports'
     * dates and percents and supervision as {@link #trackIssued}.
     */
    public void trackIssuedInPieces(Long meetingId, LocalDate day, java.util.function.Consumer<List<TaskTracking>> each) {
        trackIssuedInPieces(meetingId, day, PIECE, each);
    }

    /** {@link #trackIssuedInPieces(Long, LocalDate, java.util.function.Consumer)} in pieces of {@code size} tasks. */
    void trackIssuedInPieces(Long meetingId, LocalDate day, int size,
                             java.util.function.Consumer<List<TaskTracking>> each) {
        for (TaskScope piece : pieces(meetingId, size)) {
            each.accept(track(tasks.findWithProblem(piece), loadForDay(piece, day, false), day, day));
        }
    }

    /**
     * Like {@link #trackIssuedForCounting(TaskScope, Collection, java.util.function.BiConsumer)} for the tasks of one
     * meeting (every task when {@code meetingId} is null), a piece of {@value #PIECE} tasks at a time: for each piece
     * in turn, each of {@code days} in date order. What adds up over the days (a trend) adds up over the pieces; only
     * one piece's facts are held (issue 24).
     */
    public void trackIssuedForCountingInPieces(Long meetingId, Collection<LocalDate> days,
                                               java.util.function.BiConsumer<LocalDate, List<TaskTracking>> each) {
        trackIssuedForCountingInPieces(meetingId, days, PIECE, each);
    }

    /** {@link #trackIssuedForCountingInPieces(Long, Collection, java.util.function.BiConsumer)} by {@code size}. */
    void trackIssuedForCountingInPieces(Long meetingId, Collection<LocalDate> days, int size,
                                        java.util.function.BiConsumer<LocalDate, List<TaskTracking>> each) {
        java.util.SortedSet<LocalDate> sorted = new java.util.TreeSet<>(days);
        for (TaskScope piece : pieces(meetingId, size)) {
            List<Task> list = tasks.findForCounting(piece);
            Facts facts = load(piece, true);
            for (LocalDate day : sorted) {
                each.accept(day, track(list, facts, day, day));
            }
        }
    }

    private List<TaskScope> pieces(Long meetingId, int size) {
        return meetingId == null ? tasks.pieces(size) : tasks.pieces(meetingId, size);
    }

    /**
     * Like {@link #track}, for the checklist: the same tasks, statuses, lights, late milestones and latest reports
     * (with their texts), read as little as that needs: of the reports only those that decide the day (each share's
     * latest by then, with its text; {@link ReportRepository#decidingOn}) and of the milestones only the late ones. A
     * ledger of 100,000 reports and 69,000 milestones otherwise reads them all to show 27,000 reports and 8,000
     * milestones (issue 24, BENCHMARKS.md "Checklist load").
     */
    public List<TaskTracking> trackForChecklist(TaskScope scope, LocalDate day) {
        return track(tasks.find(scope), loadForDay(scope, day, true), day, null);
    }

    /**
     * Like {@link #track}, for the desk (the window's opening screen): the same tasks, statuses, lights, latest
     * reports (their dates and percents) and supervision, but of the texts only each task's problem is read: no
     * report text, no target or measures. The desk shows 序号, problem and dates; reading the rest took most of its
     * start with 10,000 tasks (BENCHMARKS.md, "Profile findings: time"). Like the checklist it reads only the reports
     * and milestones that decide the day (each share's latest report, the late milestones), not all 100,000 and
     * 69,000 of such a ledger.
     */
    public List<TaskTracking> trackForDesk(TaskScope scope, LocalDate day) {
        return track(tasks.findWithProblem(scope), loadForDay(scope, day, false), day, null);
    }

    /** The tasks of {@code list} on {@code day}: those issued by {@code issuedBy}, or all when it is null. */
    private List<TaskTracking> track(List<Task> list, Facts facts, LocalDate day, LocalDate issuedBy) {
        LightRule rule = settings.rule();
        List<TaskTracking> result = new ArrayList<>(list.size());
        for (Task t : list) {
            if (issuedBy == null || facts.issuedBy(t, issuedBy)) {
                result.add(trackOne(t, facts, rule, day));
            }
        }
        return result;
    }

    /**
     * The tasks in scope that had been issued by each of {@code days}, as they stood on it (the facts are read
     * once): for trends and for comparing two days, such as a ranking and the ranking it moved from.
     */
    public Map<LocalDate, List<TaskTracking>> trackIssued(TaskScope scope, Collection<LocalDate> days) {
        List<Task> list = tasks.find(scope);
        Facts facts = load(scope, false);
        Map<LocalDate, List<TaskTracking>> result = new TreeMap<>();
        for (LocalDate day : days) {
            result.put(day, track(list, facts, day, day));
        }
        return result;
    }

    /**
     * A meeting's tasks (every meeting's when null) with the statuses their assignments have today: what exports,
     * return forms and handouts print, so they agree with the checklist.
     */
    public List<Task> tasksToday(Long meetingId) {
        return tasksOn(TaskScope.meeting(meetingId), today());
    }

    /** The tasks in scope with the statuses their assignments had on {@code day}. */
    public List<Task> tasksOn(TaskScope scope, LocalDate day) {
        // the statuses need the reports' dates and percents, not their texts
        return track(tasks.find(scope), load(scope, true), day, null).stream().map(TaskTracking::task).toList();
    }

    /**
     * The tasks in scope issued by {@code issuedBy}, with the statuses their assignments had on {@code day}: what a
     * meeting pack lists, the tasks on the meeting's table (issued by its day) as they stood on the pack's day.
     */
    public List<Task> tasksOn(TaskScope scope, LocalDate day, LocalDate issuedBy) {
        return track(tasks.find(scope), load(scope, true), day, issuedBy).stream().map(TaskTracking::task).toList();
    }

    /**
     * Like {@link #tasksOn(TaskScope, LocalDate, LocalDate)}, reading only the facts that decide {@code day} (each
     * share's deciding reports without their texts, the late milestones; as {@link #trackForChecklist}): the same
     * tasks and statuses. For printing one unit's tasks after another (the handouts), where reading every report and
     * milestone of a large unit's tasks held some 300,000 reports per unit at 50,000 tasks (issue 24).
     */
    public List<Task> tasksOnDay(TaskScope scope, LocalDate day, LocalDate issuedBy) {
        return track(tasks.find(scope), loadForDay(scope, day, false), day, issuedBy).stream()
                .map(TaskTracking::task).toList();
    }

    /** One task as it stands today. */
    public TaskTracking trackTask(long taskId) {
        return trackTask(taskId, today());
    }

    public TaskTracking trackTask(long taskId, LocalDate day) {
        List<TaskTracking> one = track(TaskScope.task(taskId), day);
        if (one.isEmpty()) {
            throw new PersistenceException("tracking.error.taskGone");
        }
        return one.get(0);
    }

    /**
     * Everything the detail view shows about one task, as it stands today, with its withdrawn shares (已撤出) and
     * where each of those stood when it left the figures.
     */
    public TaskDetail detail(long taskId) {
        TaskScope scope = TaskScope.task(taskId);
        LocalDate day = today();
        Task task = tasks.findById(taskId).orElseThrow(() -> new PersistenceException("tracking.error.taskGone"));
        Facts facts = load(scope, false);
        LightRule rule = settings.rule();
        TaskTracking t = trackOne(task, facts, rule, day);
        List<org.duban.model.WithdrawnShare> withdrawn = tasks.withdrawn(scope);
        List<AssignmentState> withdrawnStates = withdrawn.stream()
                .map(w -> rule.evaluate(facts.of(w.assignment(), task), day)).toList();
        Map<Long, org.duban.model.Unit> units = new HashMap<>();
        this.units.findAll().forEach(u -> units.put(u.id(), u));
        Task origin = t.originTaskId() == null ? null : tasks.findById(t.originTaskId()).orElse(null);
        List<Long> analogueIds = tasks.origins(TaskScope.all()).entrySet().stream()
                .filter(e -> e.getValue() == taskId).map(Map.Entry::getKey).sorted().toList();
        List<Task> analogues = analogueIds.stream().map(tasks::findById).flatMap(Optional::stream).toList();
        return new TaskDetail(t, units, origin, analogues, reports.find(scope), milestones.find(scope),
                closeOuts.find(scope), evidence.find(scope),
                inspections.findingsOfTask(taskId), audit.history(taskId), withdrawn, withdrawnStates);
    }

    /** The facts of one assignment (for the workflow's checks). */
    public AssignmentFacts facts(long assignmentId) {
        Assignment a = tasks.findAssignment(assignmentId)
                .orElseThrow(() -> new PersistenceException("tracking.error.assignmentGone"));
        Task t = tasks.findById(a.taskId()).orElseThrow(() -> new PersistenceException("tracking.error.taskGone"));
        Facts f = load(TaskScope.assignment(assignmentId), false);
        return f.of(a, t);
    }

    /** The facts of every assignment in scope, by meeting, 序号 and unit (for the consistency checks). */
    public List<AssignmentFacts> facts(TaskScope scope) {
        Facts f = load(scope, false);
        List<AssignmentFacts> list = new ArrayList<>();
        for (Task t : tasks.find(scope)) {
            for (Assignment a : t.assignments()) {
                list.add(f.of(a, t));
            }
        }
        return list;
    }

    private TaskTracking trackOne(Task t, Facts facts, LightRule rule, LocalDate day) {
        int n = t.assignments().size();
        AssignmentState[] states = new AssignmentState[n];
        Assignment[] derivedShares = new Assignment[n];
        LocalDate issuedOn = facts.issued.get(t.id());
        for (int i = 0; i < n; i++) {
            states[i] = rule.evaluate(facts.of(t.assignments().get(i), t, issuedOn), day);
            derivedShares[i] = states[i].assignment();
        }
        Task derived = t.withId(t.id(), List.of(derivedShares));
        Supervision sup = facts.supervision.isEmpty() ? null : facts.supervision.get(t.id());
        if (sup != null && sup.since().isAfter(day)) {
            sup = null; // not yet under supervision on that day
        }
        List<AssignmentState> stateList = List.of(states);
        boolean supOverdue = sup != null && supervisionReportOverdue(sup, stateList, day);
        return new TaskTracking(derived, day, stateList, sup, supOverdue,
                facts.origins.isEmpty() ? null : facts.origins.get(t.id()));
    }

    /** A unit under supervision that has not completed owes a report every cycle, counted from its last one. */
    static boolean supervisionReportOverdue(Supervision sup, List<AssignmentState> states, LocalDate day) {
        for (AssignmentState s : states) {
            if (s.status().isCompleted()) {
                continue;
            }
            LocalDate last = sup.since();
            ProgressReport r = s.latestReport();
            if (r != null && r.reportedOn().isAfter(last)) {
                last = r.reportedOn();
            }
            if (day.isAfter(sup.cycle().nextDue(last))) {
                return true;
            }
        }
        return false;
    }

    private Facts load(TaskScope scope, boolean withoutText) {
        return facts(scope, withoutText ? reports.findForCounting(scope) : reports.find(scope),
                milestones.find(scope));
    }

    /**
     * The facts of a scope that decide where it stands on {@code day} alone (see {@link #trackForChecklist}): each
     * share's deciding reports, its late milestones, its close-out applications. Tracked on that day they give the
     * same states as {@link #load}'s; on another day they would not. {@code reportTexts} false: the reports without
     * their text and reporter (the desk shows their dates and percents).
     */
    private Facts loadForDay(TaskScope scope, LocalDate day, boolean reportTexts) {
        return facts(scope, reportTexts ? reports.decidingOn(scope, day) : reports.decidingOnForCounting(scope, day),
                milestones.lateOn(scope, day));
    }

    /** The scope's facts with {@code scopeReports} and {@code scopeMilestones} as read, grouped by assignment. */
    private Facts facts(TaskScope scope, List<ProgressReport> scopeReports, List<Milestone> scopeMilestones) {
        Facts f = new Facts();
        f.issued = tasks.issuedDates(scope);
        f.origins = tasks.origins(scope);
        for (ProgressReport r : scopeReports) {
            f.reports.computeIfAbsent(r.assignmentId(), k -> new ArrayList<>()).add(r);
        }
        for (Milestone m : scopeMilestones) {
            f.milestones.computeIfAbsent(m.assignmentId(), k -> new ArrayList<>()).add(m);
        }
        for (CloseOut c : closeOuts.find(scope)) {
            f.closeOuts.computeIfAbsent(c.assignmentId(), k -> new ArrayList<>()).add(c);
        }
        for (Supervision s : supervisions.find(scope)) {
            f.supervision.put(s.taskId(), s);
        }
        return f;
    }

    /** The facts of a scope, grouped by assignment. */
    private static final class Facts {
        Map<Long, LocalDate> issued = Map.of();
        Map<Long, Long> origins = Map.of();
        final Map<Long, List<ProgressReport>> reports = new HashMap<>();
        final Map<Long, List<Milestone>> milestones = new HashMap<>();
        final Map<Long, List<CloseOut>> closeOuts = new HashMap<>();
        final Map<Long, Supervision> supervision = new HashMap<>();

        /**
         * Whether the task had been issued by {@code day}: the one rule by which a task is left out of the figures
         * of a day before it existed. A task whose day is unknown (no meeting row) counts.
         */
        boolean issuedBy(Task t, LocalDate day) {
            LocalDate on = issued.get(t.id());
            return on == null || !on.isAfter(day);
        }

        AssignmentFacts of(Assignment a, Task t) {
            return of(a, t, issued.get(t.id()));
        }

        /** {@link #of(Assignment, Task)} with the task's day of issue already looked up. */
        AssignmentFacts of(Assignment a, Task t, LocalDate issuedOn) {
            Long id = a.id();
            return new AssignmentFacts(a, issuedOn, t.deadline(), reports.getOrDefault(id, List.of()),
                    milestones.isEmpty() ? List.of() : milestones.getOrDefault(id, List.of()),
                    closeOuts.isEmpty() ? List.of() : closeOuts.getOrDefault(id, List.of()));
        }
    }
}
