package org.duban.service.tracking;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.duban.i18n.LocalizedException;
import org.duban.model.CloseOut;
import org.duban.model.Milestone;
import org.duban.model.ProgressReport;
import org.duban.model.TaskStatus;
import org.duban.model.WarningLight;

/**
 * The 红黄绿灯 rule. Cities set their own thresholds, so they are settings; the default:
 * <ul>
 *   <li>red: overdue (deadline passed, not completed), or behind 序时进度 by more than {@code redLagPoints};</li>
 *   <li>yellow: deadline within {@code dueSoonDays} days, behind by {@code yellowLagPoints} up to
 *       {@code redLagPoints}, a late milestone, or no report for {@code staleReportDays} days;</li>
 *   <li>green otherwise, and always once the unit has completed its share.</li>
 * </ul>
 * 序时进度 (expected progress) is the share of time elapsed between the day the task was issued and its deadline,
 * in points (0–100); progress is the percent of the latest report. 长期坚持 work has no deadline, so it is
 * never overdue, never behind and never "due soon".
 */
public record LightRule(int redLagPoints, int yellowLagPoints, int dueSoonDays, int staleReportDays) {
    public static final LightRule DEFAULT = new LightRule(30, 10, 15, 30);
    private static final int REASONS = LightReason.values().length;

    public LightRule {
        if (yellowLagPoints < 1 || redLagPoints > 100 || yellowLagPoints > redLagPoints) {
            throw new LocalizedException("settings.light.error.lag", yellowLagPoints, redLagPoints);
        }
        if (dueSoonDays < 0 || dueSoonDays > 365 || staleReportDays < 1 || staleReportDays > 365) {
            throw new LocalizedException("settings.light.error.days");
        }
    }

    /**
     * Where one assignment stands on {@code day}, from the facts dated up to that day. Plain loops, each fact looked
     * for once: a checklist evaluates every share of 10,000 tasks at each load (BENCHMARKS.md, "Checklist load").
     */
    public AssignmentState evaluate(AssignmentFacts f, LocalDate day) {
        CloseOut current = f.currentCloseOutOn(day).orElse(null);
        ProgressReport latest = f.latestReportOn(day).orElse(null);
        TaskStatus stage = f.stageOn(day, current, latest);
        boolean completed = stage.isCompleted();
        // a 100 % report that a failed verification or a reopening has overtaken no longer means done
        int percent = completed ? 100 : Math.min(99, latest == null ? 0 : latest.percent());
        LocalDate due = f.deadline().effectiveDueDate(f.issuedOn()).orElse(null);
        Long daysLeft = due == null ? null : ChronoUnit.DAYS.between(day, due);
        Double expected = due == null ? null : expectedPercent(f.issuedOn(), due, day);
        double lag = expected == null ? 0 : expected - percent;
        boolean overdue = !completed && daysLeft != null && daysLeft < 0;
        List<Milestone> late = lateMilestones(f.milestones(), day);

        LightReason[] found = new LightReason[REASONS];
        int n = 0;
        if (!completed) {
            if (overdue) {
                found[n++] = LightReason.OVERDUE;
            }
            if (lag > redLagPoints) {
                found[n++] = LightReason.FAR_BEHIND;
            }
            if (daysLeft != null && daysLeft >= 0 && daysLeft <= dueSoonDays) {
                found[n++] = LightReason.DUE_SOON;
            }
            if (lag >= yellowLagPoints && lag <= redLagPoints) {
                found[n++] = LightReason.BEHIND;
            }
            if (!late.isEmpty()) {
                found[n++] = LightReason.LATE_MILESTONE;
            }
            LocalDate lastHeard = latest == null ? f.issuedOn() : latest.reportedOn();
            if (lastHeard != null && ChronoUnit.DAYS.between(lastHeard, day) >= staleReportDays) {
                found[n++] = LightReason.NO_RECENT_REPORT;
            }
        }
        WarningLight light = WarningLight.GREEN;
        for (int i = 0; i < n; i++) {
            light = light.worse(found[i].light());
        }
        Set<LightReason> reasons = Set.of(java.util.Arrays.copyOf(found, n)); // each reason at most once

        TaskStatus status;
        if (completed || stage == TaskStatus.NOT_STARTED) {
            status = stage;
        } else {
            status = overdue || lag >= yellowLagPoints ? TaskStatus.BEHIND_SCHEDULE : TaskStatus.ON_SCHEDULE;
        }
        return new AssignmentState(f.assignment().withStatus(status), day, status, light, reasons, overdue, percent,
                expected, daysLeft, latest, late, current);
    }

    private static List<Milestone> lateMilestones(List<Milestone> milestones, LocalDate day) {
        List<Milestone> late = null;
        for (Milestone m : milestones) {
            if (m.isLateOn(day)) {
                if (late == null) {
                    late = new java.util.ArrayList<>(milestones.size());
                }
                late.add(m);
            }
        }
        return late == null ? List.of() : List.copyOf(late);
    }

    /**
     * 序时进度 on {@code day}: the share of days elapsed from {@code issuedOn} to {@code due}, 0–100. Work due on
     * the day it was issued (立行立改) is expected done at once.
     */
    public static double expectedPercent(LocalDate issuedOn, LocalDate due, LocalDate day) {
        if (issuedOn == null) {
            return 0;
        }
        long total = ChronoUnit.DAYS.between(issuedOn, due);
        if (total <= 0) {
            return day.isBefore(issuedOn) ? 0 : 100;
        }
        long elapsed = Math.max(0, Math.min(total, ChronoUnit.DAYS.between(issuedOn, day)));
        return 100.0 * elapsed / total;
    }
}
