package org.duban.service.ladder;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duban.model.CloseOut;
import org.duban.model.CloseOutStage;
import org.duban.model.Notice;
import org.duban.model.NoticeLevel;
import org.duban.model.NoticeShare;
import org.duban.model.ProgressReport;
import org.duban.model.Unit;
import org.duban.persistence.InterviewRepository;
import org.duban.persistence.Repositories;
import org.duban.persistence.TaskScope;
import org.duban.persistence.UnitRepository;
import org.duban.service.audit.AuditLog;
import org.duban.service.bulletin.BulletinText;
import org.duban.service.tracking.AssignmentState;
import org.duban.service.tracking.LightReason;
import org.duban.service.tracking.LightRule;
import org.duban.service.tracking.TaskTracking;
import org.duban.service.tracking.TrackingService;

/**
 * The 督办工作台: what needs attention on a day. Shares overdue or falling due within N days, units late with
 * their reports (the light rule's period, or a supervised task's cycle), close-outs waiting for verification,
 * 公示 periods ending, notices whose response is due, and the steps the supervision ladder suggests (a person
 * confirms each). The window's desk and the {@code due} command both read it.
 */
public final class DeskService {
    private final AuditLog audit;
    private final TrackingService tracking;
    private final NoticeService notices;
    private final UnitRepository roster;
    private final InterviewRepository interviews;

    public DeskService(Repositories repos, AuditLog audit, TrackingService tracking, NoticeService notices) {
        this.audit = audit;
        this.tracking = tracking;
        this.notices = notices;
        this.roster = repos.units();
        this.interviews = repos.interviews();
    }

    public NoticeService notices() {
        return notices;
    }

    /** Today by the service's clock. */
    public LocalDate today() {
        return audit.today();
    }

    /** The days ahead the desk looks by default (settings). */
    public int defaultDays() {
        return notices.settings().load().deskDays();
    }

    /** The desk on {@code day}, looking {@code days} ahead: its lines by section, then by day, unit and 序号. */
    public List<DeskItem> desk(LocalDate day, int days) {
        // the desk shows 序号, problem, dates and percents: no report text or other long text is read for it
        List<TaskTracking> tracked = tracking.trackForDesk(TaskScope.all(), day);
        Map<Long, String> units = new HashMap<>();
        for (Unit u : roster.findAll()) {
            units.put(u.id(), u.name());
        }
        LightRule rule = tracking.settings().rule();
        LocalDate horizon = day.plusDays(days);
        List<DeskItem> items = new ArrayList<>();
        Texts texts = new Texts();
        for (TaskTracking t : tracked) {
            Problem problem = new Problem(t.task().problem());
            int seq = t.task().seq();
            long taskId = t.task().id();
            for (AssignmentState s : t.states()) {
                String unit = units.getOrDefault(s.unitId(), "?");
                LocalDate due = s.daysLeft() == null ? null : day.plusDays(s.daysLeft());
                if (!s.status().isCompleted()) {
                    if (s.overdue()) {
                        items.add(item(DeskItem.Kind.OVERDUE, day, due, taskId, s.unitId(), unit, seq, problem,
                                texts.tr("desk.detail.percent", s.percent())));
                    } else if (due != null && !due.isAfter(horizon)) {
                        items.add(item(DeskItem.Kind.DUE_SOON, day, due, taskId, s.unitId(), unit, seq, problem,
                                texts.tr("desk.detail.percent", s.percent())));
                    }
                    if (t.supervision() != null) {
                        LocalDate last = t.supervision().since();
                        ProgressReport r = s.latestReport();
                        if (r != null && r.reportedOn().isAfter(last)) {
                            last = r.reportedOn();
                        }
                        LocalDate owed = t.supervision().cycle().nextDue(last);
                        if (!owed.isAfter(horizon)) {
                            items.add(item(DeskItem.Kind.SUPERVISION_REPORT, day, owed, taskId, s.unitId(), unit, seq,
                                    problem, t.supervision().leader()));
                        }
                    } else if (s.reasons().contains(LightReason.NO_RECENT_REPORT)) {
                        ProgressReport r = s.latestReport();
                        LocalDate owed = r == null ? null : r.reportedOn().plusDays(rule.staleReportDays());
                        items.add(item(DeskItem.Kind.REPORT_LATE, day, owed, taskId, s.unitId(), unit, seq, problem,
                                r == null ? texts.tr("desk.detail.noReport")
                                        : texts.tr("desk.detail.lastReport", r.reportedOn().toString())));
                    }
                }
                CloseOut c = s.closeOut();
                if (c != null && !c.appliedOn().isAfter(day)) {
                    CloseOutStage stage = c.stageOn(day);
                    if (stage == CloseOutStage.APPLIED) {
                        items.add(item(DeskItem.Kind.VERIFY, day, c.appliedOn(), taskId, s.unitId(), unit, seq,
                                problem, texts.tr("desk.detail.applied", c.appliedOn().toString())));
                    } else if ((stage == CloseOutStage.IN_NOTICE || stage == CloseOutStage.NOTICE_OVER)
                            && c.noticeTo() != null && !c.noticeTo().isAfter(horizon)) {
                        items.add(item(DeskItem.Kind.NOTICE_ENDING, day, c.noticeTo(), taskId, s.unitId(), unit, seq,
                                problem, texts.tr(stage == CloseOutStage.NOTICE_OVER ? "desk.detail.noticeOver"
                                        : "desk.detail.noticeEnds", c.noticeTo().toString())));
                    }
                }
            }
        }
        for (Notice n : notices.all()) {
            if (n.draft() || n.answered() || n.issuedOn().isAfter(day) || n.responseDue().isAfter(horizon)) {
                continue;
            }
            NoticeShare first = n.shares().isEmpty() ? null : n.shares().get(0);
            items.add(new DeskItem(DeskItem.Kind.RESPONSE_DUE, n.responseDue(),
                    ChronoUnit.DAYS.between(day, n.responseDue()), first == null ? null : first.taskId(), n.unitId(),
                    units.getOrDefault(n.unitId(), "?"), null, first == null ? "" : first.taskLabel(),
                    BulletinText.tr("notice.doc.kind." + n.level().name()) + " " + n.number(), n.id()));
        }
        for (org.duban.model.Interview iv : interviews.findAll()) {
            if (iv.followUpDue() != null && !iv.heldOn().isAfter(day) && !iv.followUpDue().isAfter(horizon)
                    && !iv.followUpDue().isBefore(day)) {
                items.add(new DeskItem(DeskItem.Kind.RESPONSE_DUE, iv.followUpDue(),
                        ChronoUnit.DAYS.between(day, iv.followUpDue()), null, iv.unitId(),
                        units.getOrDefault(iv.unitId(), "?"), null, "",
                        org.duban.i18n.Messages.tr("desk.detail.interview", iv.number(), iv.leader()), null));
            }
        }
        items.addAll(suggestions(tracked, day, units));
        items.sort(Comparator.comparing(DeskItem::kind)
                .thenComparing(DeskItem::day, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(DeskItem::unit).thenComparing(i -> i.seq() == null ? 0 : i.seq()));
        return items;
    }

    /** What the ladder suggests on {@code day} for the given units only (a task's units, for its 督办 tab). */
    public List<DeskItem> suggestionsFor(java.util.Collection<Long> unitIds, LocalDate day) {
        Map<Long, String> units = new HashMap<>();
        for (Unit u : roster.findAll()) {
            units.put(u.id(), u.name());
        }
        List<DeskItem> all = suggestions(tracking.trackIssued(TaskScope.all(), day), day, units);
        return all.stream().filter(i -> i.unitId() != null && unitIds.contains(i.unitId())).toList();
    }

    /**
     * What the ladder suggests on {@code day}: a 催办单 or a 督办通知书 to each unit that qualifies (see
     * {@link NoticeService}), and 挂牌督办 or 约谈 for a unit that got {@code talkAfterOrders} 督办通知书 and still has
     * overdue or far-behind shares.
     */
    List<DeskItem> suggestions(List<TaskTracking> tracked, LocalDate day, Map<Long, String> units) {
        List<DeskItem> items = new ArrayList<>();
        // what every level's candidates and the 约谈 suggestion start from, made once
        Map<Long, List<NoticeShare>> open = NoticeService.sharesByUnit(tracked, day);
        for (NoticeLevel level : NoticeLevel.values()) {
            for (NoticeService.Candidate c : notices.candidates(open, day, level)) {
                NoticeShare first = c.shares().get(0);
                items.add(new DeskItem(DeskItem.Kind.SUGGESTION, null, null, first.taskId(), c.unit().id(),
                        c.unit().name(), null, first.taskLabel(), org.duban.i18n.Messages.tr("desk.suggest." + level.name(),
                        c.shares().size()), null));
            }
        }
        int talkAfter = notices.settings().load().talkAfterOrders();
        Map<Long, Integer> orders = new HashMap<>();
        Map<Long, LocalDate> lastOrder = new HashMap<>();
        for (Notice n : notices.all()) {
            if (!n.draft() && n.level() == NoticeLevel.ORDER && !n.issuedOn().isAfter(day)) {
                orders.merge(n.unitId(), 1, Integer::sum);
                lastOrder.merge(n.unitId(), n.issuedOn(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        // a 约谈 held (or recorded) since the last 督办通知书 answers the suggestion
        for (org.duban.model.Interview iv : interviews.findAll()) {
            LocalDate last = lastOrder.get(iv.unitId());
            if (last != null && !iv.heldOn().isBefore(last)) {
                orders.remove(iv.unitId());
            }
        }
        orders.forEach((unitId, count) -> {
            List<NoticeShare> shares = open.get(unitId);
            if (count >= talkAfter && shares != null && !shares.isEmpty()) {
                items.add(new DeskItem(DeskItem.Kind.SUGGESTION, null, null, shares.get(0).taskId(), unitId,
                        units.getOrDefault(unitId, "?"), null, shares.get(0).taskLabel(),
                        org.duban.i18n.Messages.tr("desk.suggest.TALK", count), null));
            }
        });
        return items;
    }

    private static DeskItem item(DeskItem.Kind kind, LocalDate today, LocalDate day, long taskId, long unitId,
                                 String unit, int seq, Problem problem, String detail) {
        return new DeskItem(kind, day, day == null ? null : ChronoUnit.DAYS.between(today, day), taskId, unitId, unit,
                seq, problem.clipped(), detail, null);
    }

    /** A task's problem as a desk line shows it, clipped when a line first needs it (most tasks have none). */
    private static final class Problem {
        private final String text;
        private String clipped;

        Problem(String text) {
            this.text = text;
        }

        String clipped() {
            if (clipped == null) {
                clipped = clip(text);
            }
            return clipped;
        }
    }

    private static String clip(String problem) {
        String p = NoticeService.SPACES.matcher(problem.strip()).replaceAll("");
        return p.length() <= 40 ? p : p.substring(0, 40) + "……";
    }

    /**
     * The lines' details: {@link org.duban.i18n.Messages#tr} once per key and argument (a few hundred distinct
     * texts among the thousands of lines), rather than a new {@code MessageFormat} and number format per line.
     */
    private static final class Texts {
        private final Map<List<Object>, String> made = new HashMap<>();

        String tr(String key, Object... args) {
            List<Object> k = new ArrayList<>(args.length + 1);
            k.add(key);
            k.addAll(java.util.Arrays.asList(args));
            return made.computeIfAbsent(k, x -> org.duban.i18n.Messages.tr(key, args));
        }
    }
}
