package org.duban.service.ladder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duban.i18n.Messages;
import org.duban.model.CloseOut;
import org.duban.model.CloseOutStage;
import org.duban.model.Notice;
import org.duban.model.NoticeLevel;
import org.duban.model.NoticeShare;
import org.duban.model.ProgressReport;
import org.duban.model.Unit;
import org.duban.persistence.Database;
import org.duban.persistence.TaskScope;
import org.duban.persistence.contract.Engine;
import org.duban.service.Services;
import org.duban.service.bulletin.BulletinText;
import org.duban.service.generate.LedgerGenerator;
import org.duban.service.tracking.AssignmentState;
import org.duban.service.tracking.LightReason;
import org.duban.service.tracking.LightRule;
import org.duban.service.tracking.TaskTracking;
import org.duban.testing.TestClock;
import org.duban.testing.Wired;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The desk's lines are those the desk made before it was made quicker to open (issue 24, helper sta2: each task's
 * problem clipped only for its lines, each detail text made once per key and value, the ladder's shares by unit made
 * once): the earlier code, kept here line for line, gives the same lines in the same order on a generated ledger
 * with notices at every level, on four days, on both engines.
 */
class DeskLinesAsBeforeTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void theDeskShowsTheLinesItShowedBefore(Engine engine) {
        LocalDate end = LocalDate.of(2026, 11, 29);
        try (Database db = engine.create(dir)) {
            new LedgerGenerator(Wired.of(db)).generate(new LedgerGenerator.Options(160, 1400, 7, end),
                    LedgerGenerator.Progress.NONE);
            // notices: a 催办单 to some units weeks ago, a 督办通知书 to one of them since (the ladder's three steps)
            Services early = Services.over(db, new TestClock(end.minusDays(30)));
            List<NoticeService.Candidate> chase = early.notices().candidates(end.minusDays(30), NoticeLevel.CHASE);
            assertTrue(chase.size() >= 2, "units to chase: " + chase.size());
            for (NoticeService.Candidate c : chase.subList(0, chase.size() / 2)) {
                early.notices().issue(c.unit().id(), NoticeLevel.CHASE, end.minusDays(30), false, c.shares());
            }
            Services later = Services.over(db, new TestClock(end.minusDays(5)));
            NoticeService.Candidate order = later.notices().candidates(end.minusDays(5), NoticeLevel.ORDER).get(0);
            later.notices().issue(order.unit().id(), NoticeLevel.ORDER, end.minusDays(5), false, order.shares());
            int lines = 0;
            java.util.Set<DeskItem.Kind> kinds = java.util.EnumSet.noneOf(DeskItem.Kind.class);
            for (LocalDate day : List.of(end, end.minusDays(40), end.minusDays(150), end.plusDays(60))) {
                Services s = Services.over(db, new TestClock(day));
                List<DeskItem> now = s.desk().desk(day, 15);
                assertEquals(before(s, day, 15), now, "the desk on " + day);
                lines += now.size();
                now.forEach(i -> kinds.add(i.kind()));
            }
            assertTrue(lines > 200, "lines compared: " + lines);
            assertTrue(kinds.containsAll(List.of(DeskItem.Kind.OVERDUE, DeskItem.Kind.DUE_SOON,
                    DeskItem.Kind.REPORT_LATE, DeskItem.Kind.SUGGESTION, DeskItem.Kind.RESPONSE_DUE)), kinds.toString());
        }
    }

    /** {@code DeskService.desk} as it was at 4ccfed3. */
    private static List<DeskItem> before(Services s, LocalDate day, int days) {
        NoticeService notices = s.notices();
        List<TaskTracking> tracked = s.tracking().trackForDesk(TaskScope.all(), day);
        Map<Long, String> units = new HashMap<>();
        for (Unit u : s.repositories().units().findAll()) {
            units.put(u.id(), u.name());
        }
        LightRule rule = s.tracking().settings().rule();
        LocalDate horizon = day.plusDays(days);
        List<DeskItem> items = new ArrayList<>();
        for (TaskTracking t : tracked) {
            String problem = clip(t.task().problem());
            int seq = t.task().seq();
            long taskId = t.task().id();
            for (AssignmentState a : t.states()) {
                String unit = units.getOrDefault(a.unitId(), "?");
                LocalDate due = a.daysLeft() == null ? null : day.plusDays(a.daysLeft());
                if (!a.status().isCompleted()) {
                    if (a.overdue()) {
                        items.add(item(DeskItem.Kind.OVERDUE, day, due, taskId, a.unitId(), unit, seq, problem,
                                Messages.tr("desk.detail.percent", a.percent())));
                    } else if (due != null && !due.isAfter(horizon)) {
                        items.add(item(DeskItem.Kind.DUE_SOON, day, due, taskId, a.unitId(), unit, seq, problem,
                                Messages.tr("desk.detail.percent", a.percent())));
                    }
                    if (t.supervision() != null) {
                        LocalDate last = t.supervision().since();
                        ProgressReport r = a.latestReport();
                        if (r != null && r.reportedOn().isAfter(last)) {
                            last = r.reportedOn();
                        }
                        LocalDate owed = t.supervision().cycle().nextDue(last);
                        if (!owed.isAfter(horizon)) {
                            items.add(item(DeskItem.Kind.SUPERVISION_REPORT, day, owed, taskId, a.unitId(), unit, seq,
                                    problem, t.supervision().leader()));
                        }
                    } else if (a.reasons().contains(LightReason.NO_RECENT_REPORT)) {
                        ProgressReport r = a.latestReport();
                        LocalDate owed = r == null ? null : r.reportedOn().plusDays(rule.staleReportDays());
                        items.add(item(DeskItem.Kind.REPORT_LATE, day, owed, taskId, a.unitId(), unit, seq, problem,
                                r == null ? Messages.tr("desk.detail.noReport")
                                        : Messages.tr("desk.detail.lastReport", r.reportedOn().toString())));
                    }
                }
                CloseOut c = a.closeOut();
                if (c != null && !c.appliedOn().isAfter(day)) {
                    CloseOutStage stage = c.stageOn(day);
                    if (stage == CloseOutStage.APPLIED) {
                        items.add(item(DeskItem.Kind.VERIFY, day, c.appliedOn(), taskId, a.unitId(), unit, seq,
                                problem, Messages.tr("desk.detail.applied", c.appliedOn().toString())));
                    } else if ((stage == CloseOutStage.IN_NOTICE || stage == CloseOutStage.NOTICE_OVER)
                            && c.noticeTo() != null && !c.noticeTo().isAfter(horizon)) {
                        items.add(item(DeskItem.Kind.NOTICE_ENDING, day, c.noticeTo(), taskId, a.unitId(), unit, seq,
                                problem, Messages.tr(stage == CloseOutStage.NOTICE_OVER ? "desk.detail.noticeOver"
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
        for (org.duban.model.Interview iv : s.repositories().interviews().findAll()) {
            if (iv.followUpDue() != null && !iv.heldOn().isAfter(day) && !iv.followUpDue().isAfter(horizon)
                    && !iv.followUpDue().isBefore(day)) {
                items.add(new DeskItem(DeskItem.Kind.RESPONSE_DUE, iv.followUpDue(),
                        ChronoUnit.DAYS.between(day, iv.followUpDue()), null, iv.unitId(),
                        units.getOrDefault(iv.unitId(), "?"), null, "",
                        Messages.tr("desk.detail.interview", iv.number(), iv.leader()), null));
            }
        }
        items.addAll(suggestions(s, tracked, day, units));
        items.sort(Comparator.comparing(DeskItem::kind)
                .thenComparing(DeskItem::day, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(DeskItem::unit).thenComparing(i -> i.seq() == null ? 0 : i.seq()));
        return items;
    }

    private static List<DeskItem> suggestions(Services s, List<TaskTracking> tracked, LocalDate day,
                                              Map<Long, String> units) {
        NoticeService notices = s.notices();
        List<DeskItem> items = new ArrayList<>();
        for (NoticeLevel level : NoticeLevel.values()) {
            for (NoticeService.Candidate c : notices.candidates(tracked, day, level)) {
                NoticeShare first = c.shares().get(0);
                items.add(new DeskItem(DeskItem.Kind.SUGGESTION, null, null, first.taskId(), c.unit().id(),
                        c.unit().name(), null, first.taskLabel(), Messages.tr("desk.suggest." + level.name(),
                        c.shares().size()), null));
            }
        }
        int talkAfter = notices.settings().load().talkAfterOrders();
        Map<Long, List<NoticeShare>> open = NoticeService.sharesByUnit(tracked, day);
        Map<Long, Integer> orders = new HashMap<>();
        Map<Long, LocalDate> lastOrder = new HashMap<>();
        for (Notice n : notices.all()) {
            if (!n.draft() && n.level() == NoticeLevel.ORDER && !n.issuedOn().isAfter(day)) {
                orders.merge(n.unitId(), 1, Integer::sum);
                lastOrder.merge(n.unitId(), n.issuedOn(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        for (org.duban.model.Interview iv : s.repositories().interviews().findAll()) {
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
                        Messages.tr("desk.suggest.TALK", count), null));
            }
        });
        return items;
    }

    private static DeskItem item(DeskItem.Kind kind, LocalDate today, LocalDate day, long taskId, long unitId,
                                 String unit, int seq, String problem, String detail) {
        return new DeskItem(kind, day, day == null ? null : ChronoUnit.DAYS.between(today, day), taskId, unitId, unit,
                seq, problem, detail, null);
    }

    private static String clip(String problem) {
        String p = problem.strip().replaceAll("\\s+", "");
        return p.length() <= 40 ? p : p.substring(0, 40) + "……";
    }
}
