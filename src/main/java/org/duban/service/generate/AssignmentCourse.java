package org.duban.service.generate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.duban.model.CloseOut;
import org.duban.model.Deadline;
import org.duban.model.Evidence;
import org.duban.model.Milestone;
import org.duban.model.ProgressReport;
import org.duban.model.Unit;
import org.duban.model.UnitKind;
import org.duban.model.Verification;
import org.duban.model.VerificationLevel;
import org.duban.persistence.BulkInsert;
import org.duban.service.tracking.LightRule;

/**
 * One unit's share of a generated task, from the meeting to {@code asOf}: its reports (a given number, dated
 * through the months, the percent rising at the unit's own pace, some stalling), its 节点 (done when the reports
 * passed them), and for shares reported done, the close-out as far as the dates have come (apply → verify, now
 * and then failed → 公示 → closed), each application with its 佐证材料 file.
 */
final class AssignmentCourse {
    final List<ProgressReport> reports = new ArrayList<>();
    final List<Milestone> milestones = new ArrayList<>();
    final List<CloseOut> closeOuts = new ArrayList<>();
    final List<BulkInsert.EvidenceFile> evidence = new ArrayList<>();

    private final Random rnd;
    private final Ids ids;

    /** The next id of each table, handed out in order. */
    static final class Ids {
        long task;
        long assignment;
        long report;
        long milestone;
        long closeOut;
        long evidence;
        long audit;

        Ids(BulkInsert.NextIds next) {
            task = next.task();
            assignment = next.assignment();
            report = next.report();
            milestone = next.milestone();
            closeOut = next.closeOut();
            evidence = next.evidence();
            audit = next.audit();
        }
    }

    AssignmentCourse(Random rnd, Ids ids) {
        this.rnd = rnd;
        this.ids = ids;
    }

    void plan(TaskDraft t, long assignmentId, Unit unit, Deadline deadline, LocalDate issued, LocalDate asOf,
              int reportCount) {
        Optional<LocalDate> due = deadline.effectiveDueDate(issued);
        LocalDate first = issued.plusDays(Math.min(10, Math.max(0, ChronoUnit.DAYS.between(issued, asOf) - 1)));
        LocalDate lastDay = asOf.minusDays(1).isBefore(first) ? first : asOf.minusDays(1);
        LocalDate last = lastDay;
        int finalPct = finalPercent(deadline, due, issued, lastDay);
        if (finalPct == 100) { // a unit that finished stops reporting: its last report is the day it was done
            LocalDate end = due.filter(d -> d.isBefore(lastDay) && d.isAfter(first)).orElse(lastDay);
            last = first.plusDays(rnd.nextLong(ChronoUnit.DAYS.between(first, end) + 1));
        }
        Integer stallAt = rnd.nextInt(100) < 15 && finalPct < 100 ? finalPct : null;
        String reporter = unit.name() + (unit.kind() == UnitKind.CITY_DEPARTMENT ? "办公室" : "整改办");
        long span = ChronoUnit.DAYS.between(first, last);
        int prev = 0;
        for (int k = 0; k < reportCount; k++) {
            long at = span * (k + 1) / reportCount - rnd.nextInt(6);
            LocalDate day = first.plusDays(Math.max(0, Math.min(span, at)));
            if (!reports.isEmpty() && day.isBefore(reports.get(reports.size() - 1).reportedOn())) {
                day = reports.get(reports.size() - 1).reportedOn();
            }
            int pct = k == reportCount - 1 ? finalPct
                    : (int) Math.round(finalPct * (k + 1.0) / reportCount * (0.85 + rnd.nextDouble() * 0.15));
            pct = Math.min(k == reportCount - 1 ? 100 : 99, Math.max(Math.max(pct, prev), 5));
            boolean stalled = stallAt != null && pct == prev;
            reports.add(new ProgressReport(ids.report++, assignmentId, day, pct,
                    PhraseBank.progress(t.steps(), pct, stalled, rnd), reporter));
            prev = pct;
        }
        if (!deadline.isOngoing() && due.isPresent() && due.get().isAfter(issued.plusDays(60))) {
            milestones(t, assignmentId, issued, due.get(), asOf);
        }
        if (prev == 100 && rnd.nextInt(100) < 80) {
            closeOut(t, assignmentId, unit, reports.get(reports.size() - 1).reportedOn(), asOf);
        }
    }

    /** How far the unit will have come by its last report: its pace against 序时进度; ongoing work never ends. */
    private int finalPercent(Deadline deadline, Optional<LocalDate> due, LocalDate issued, LocalDate last) {
        if (deadline.isOngoing()) {
            return 50 + rnd.nextInt(40);
        }
        double expected = LightRule.expectedPercent(issued, due.orElse(issued), last);
        if (expected >= 100 && rnd.nextInt(100) < 70 || rnd.nextInt(100) < 12) {
            return 100; // done by the deadline (most are), or well ahead of it
        }
        double pace = 0.45 + rnd.nextDouble() * 0.75;
        return (int) Math.max(5, Math.min(99, Math.round(expected * pace)));
    }

    private void milestones(TaskDraft t, long assignmentId, LocalDate issued, LocalDate due, LocalDate asOf) {
        int n = Math.min(3, Math.max(2, t.steps().size()));
        long total = ChronoUnit.DAYS.between(issued, due);
        for (int i = 1; i <= n; i++) {
            String name = i <= t.steps().size() ? "完成" + PhraseBank.clip(t.steps().get(i - 1), 16) : "完成第" + i + "阶段整改";
            LocalDate msDue = YearMonth.from(issued.plusDays(total * i / (n + 1))).atEndOfMonth();
            int threshold = 100 * i / (n + 1);
            LocalDate done = reports.stream().filter(r -> r.percent() >= threshold).map(ProgressReport::reportedOn)
                    .findFirst().filter(d -> !d.isAfter(asOf)).orElse(null);
            milestones.add(new Milestone(ids.milestone++, assignmentId, name, msDue, done));
        }
    }

    private void closeOut(TaskDraft t, long assignmentId, Unit unit, LocalDate completed, LocalDate asOf) {
        LocalDate applied = completed.plusDays(3 + rnd.nextInt(8));
        if (applied.isAfter(asOf)) {
            return;
        }
        long id = ids.closeOut++;
        CloseOut co = CloseOut.applied(assignmentId, applied, "已完成全部整改措施，"
                + PhraseBank.clip(t.target(), 40) + "，申请验收销号。").withId(id);
        LocalDate verified = applied.plusDays(10 + rnd.nextInt(16));
        if (!verified.isAfter(asOf)) {
            boolean passed = rnd.nextInt(100) >= 5;
            boolean city = unit.kind() == UnitKind.CITY_DEPARTMENT || t.supervised();
            co = co.withVerification(new Verification(city ? VerificationLevel.CITY : VerificationLevel.COUNTY,
                    city ? "市生态环境局牵头，市直相关部门联合验收组" : unit.name() + "整改验收组", verified, passed,
                    passed ? "同意通过验收" : "整改措施尚未全部落实到位，暂不同意销号"));
            LocalDate from = verified.plusDays(1 + rnd.nextInt(3));
            if (passed && !from.isAfter(asOf)) {
                LocalDate to = from.plusDays(6);
                co = co.withNotice(from, to);
                LocalDate closed = to.plusDays(1 + rnd.nextInt(5));
                if (!closed.isAfter(asOf)) {
                    co = co.withClosedOn(closed);
                }
            }
        }
        closeOuts.add(co);
        String text = "现场验收意见书\n任务序号：" + t.seq() + "\n责任单位：" + unit.name() + "\n申请日期：" + applied
                + "\n验收意见：经现场核查，" + PhraseBank.clip(t.target(), 40) + "，整改措施已落实。\n";
        byte[] content = text.repeat(3).getBytes(StandardCharsets.UTF_8);
        evidence.add(new BulkInsert.EvidenceFile(new Evidence(ids.evidence++, assignmentId, null, id,
                "现场验收意见书-" + t.seq() + "-" + unit.shortName() + ".txt", "text/plain", content.length,
                sha256(content), applied.atTime(10, 0).atZone(LedgerGenerator.ZONE).toInstant()), content));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
