package org.duban.service.generate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.duban.i18n.LocalizedException;
import org.duban.model.Assignment;
import org.duban.model.AuditAction;
import org.duban.model.AuditEntity;
import org.duban.model.AuditEntry;
import org.duban.model.CloseOut;
import org.duban.model.Deadline;
import org.duban.model.Meeting;
import org.duban.model.MeetingKind;
import org.duban.model.Milestone;
import org.duban.model.ProgressReport;
import org.duban.model.ReportingCycle;
import org.duban.model.Supervision;
import org.duban.model.Task;
import org.duban.model.TaskStatus;
import org.duban.model.Unit;
import org.duban.persistence.BulkInsert;
import org.duban.service.Services;
import org.duban.service.audit.SettableClock;
import org.duban.service.tracking.AssignmentFacts;
import org.duban.service.tracking.LightRule;

/**
 * Makes a realistic ledger for measuring the program at scale ({@code generate}): one assignment meeting of
 * {@code tasks} tasks over the roster's units, with {@code reports} progress reports spread over the shares, 节点,
 * close-outs with their 佐证材料, 挂牌督办 and the audit rows the services would have written. Everything is drawn
 * from one seed, so the same seed and day give the same ledger, byte for byte in content. The rows go in through
 * {@link BulkInsert}, one transaction per chunk of tasks.
 */
public final class LedgerGenerator {
    /** Generated times are read on Beijing time, whatever the computer's zone, so the content does not depend on it. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String OPERATOR = "生成数据";
    static final int CHUNK = 500;
    public static final int MAX_TASKS = 200_000;
    public static final int MAX_REPORTS = 5_000_000;

    private final Services services;
    private final BulkInsert bulk;

    public LedgerGenerator(Services services) {
        this.services = services;
        this.bulk = services.repositories().bulkInsert();
    }

    /**
     * @param asOf the day the ledger is "today": the meeting is held about eight months before, nothing is dated
     *             after it
     */
    public record Options(int tasks, int reports, long seed, LocalDate asOf) {
        public Options {
            if (tasks < 1 || tasks > MAX_TASKS) {
                throw new LocalizedException("generate.error.tasks", tasks, MAX_TASKS);
            }
            if (reports < 0 || reports > MAX_REPORTS) {
                throw new LocalizedException("generate.error.reports", reports, MAX_REPORTS);
            }
        }
    }

    /** What was made. */
    public record Result(Meeting meeting, int tasks, int assignments, int reports, int milestones, int closeOuts,
                         int closed, int supervised) {
    }

    /** Reports how many tasks are written. */
    @FunctionalInterface
    public interface Progress {
        void update(int done, int total);

        Progress NONE = (d, t) -> { };
    }

    public Result generate(Options o, Progress progress) {
        services.roster().ensureDefaultRoster();
        List<Unit> roster = services.roster().all();
        Map<Long, Unit> unitsById = new HashMap<>();
        roster.forEach(u -> unitsById.put(u.id(), u));
        LocalDate held = o.asOf().minusDays(255);
        // the meeting's own audit row on the meeting's day, by the generator, like every other generated row
        Meeting meeting = services.at(new SettableClock(ZONE, held, LocalTime.of(10, 30))).operatedBy(OPERATOR)
                .meetings().create(new Meeting(0, MeetingKind.ASSIGNMENT, held,
                "生态环境保护重点工作任务交办会（生成数据：" + o.tasks() + " 项任务，种子 " + o.seed() + "）",
                "由 generate 命令生成，用于大规模数据下的性能测量。"));

        Random rnd = new Random(o.seed());
        TaskDrafter drafter = new TaskDrafter(rnd, roster, held);
        List<TaskDraft> drafts = new ArrayList<>(o.tasks());
        for (int i = 1; i <= o.tasks(); i++) {
            drafts.add(drafter.draw(i));
        }
        int[] reportCounts = allocateReports(drafts, held, o, rnd);

        AssignmentCourse.Ids ids = new AssignmentCourse.Ids(bulk.nextIds());
        Counts counts = new Counts();
        List<AuditEntry> audit = new ArrayList<>();
        int assignmentIndex = 0;
        for (int start = 0; start < drafts.size(); start += CHUNK) {
            ChunkBuilder chunk = new ChunkBuilder(held, audit);
            for (TaskDraft d : drafts.subList(start, Math.min(drafts.size(), start + CHUNK))) {
                Deadline deadline = Deadline.parse(d.deadline());
                long taskId = ids.task++;
                List<Assignment> assignments = new ArrayList<>();
                for (long unitId : d.unitIds()) {
                    long aid = ids.assignment++;
                    AssignmentCourse course = new AssignmentCourse(
                            new Random(o.seed() * 0x9E3779B97F4A7C15L + assignmentIndex), ids);
                    course.plan(d, aid, unitsById.get(unitId), deadline, held, o.asOf(),
                            reportCounts[assignmentIndex++]);
                    Assignment a = new Assignment(aid, taskId, unitId, TaskStatus.NOT_STARTED);
                    TaskStatus status = LightRule.DEFAULT.evaluate(new AssignmentFacts(a, held, deadline,
                            course.reports, course.milestones, course.closeOuts), o.asOf()).status();
                    assignments.add(a.withStatus(status));
                    chunk.add(taskId, unitsById.get(unitId), aid, course, counts);
                }
                Task task = new Task(taskId, meeting.id(), d.seq(), d.source(), d.category(), d.problem(), d.target(),
                        d.measures(), d.leader(), d.supportingUnits(), deadline, d.remarks(), assignments);
                chunk.task(task, d);
                counts.assignments += assignments.size();
                counts.supervised += d.supervised() ? 1 : 0;
            }
            bulk.write(chunk.build());
            progress.update(Math.min(drafts.size(), start + CHUNK), drafts.size());
        }
        writeAudit(audit, ids);
        services.database().checkpoint();
        return new Result(meeting, drafts.size(), counts.assignments, counts.reports, counts.milestones,
                counts.closeOuts, counts.closed, counts.supervised);
    }

    /**
     * Exactly {@code reports} reports over the shares, more to shares that have been running longer; about one
     * share in forty has not reported at all.
     */
    private static int[] allocateReports(List<TaskDraft> drafts, LocalDate held, Options o, Random rnd) {
        int n = drafts.stream().mapToInt(d -> d.unitIds().size()).sum();
        double[] weight = new double[n];
        double total = 0;
        int i = 0;
        long months = Math.max(1, ChronoUnit.DAYS.between(held, o.asOf()) / 30);
        for (TaskDraft d : drafts) {
            for (int u = 0; u < d.unitIds().size(); u++) {
                weight[i] = rnd.nextInt(40) == 0 ? 0 : months * (0.4 + rnd.nextDouble() * 1.2);
                total += weight[i++];
            }
        }
        int[] counts = new int[n];
        if (total == 0) {
            return counts;
        }
        long given = 0;
        for (i = 0; i < n; i++) {
            counts[i] = (int) Math.floor(o.reports() * weight[i] / total);
            given += counts[i];
        }
        List<Integer> order = new ArrayList<>();
        for (i = 0; i < n; i++) {
            if (weight[i] > 0) {
                order.add(i);
            }
        }
        java.util.Collections.shuffle(order, rnd);
        for (int k = 0; given < o.reports(); k = (k + 1) % order.size()) {
            counts[order.get(k)]++;
            given++;
        }
        return counts;
    }

    /**
     * The audit rows in the order the services would have written them over the months: by time (a task, then its
     * shares, then what followed on the same day), numbered in that order, so that {@code check} finds the trail
     * unbroken (consecutive numbers, time never going back).
     */
    private void writeAudit(List<AuditEntry> audit, AssignmentCourse.Ids ids) {
        audit.sort(Comparator.comparing(AuditEntry::at).thenComparingInt(e -> ORDER.indexOf(e.entity())));
        for (int from = 0; from < audit.size(); from += 20_000) {
            List<AuditEntry> slice = new ArrayList<>();
            for (AuditEntry e : audit.subList(from, Math.min(audit.size(), from + 20_000))) {
                slice.add(new AuditEntry(ids.audit++, e.at(), e.operator(), e.entity(), e.entityId(), e.taskId(),
                        e.unitId(), e.action(), e.field(), e.oldValue(), e.newValue()));
            }
            bulk.write(new BulkInsert.Chunk(Instant.EPOCH, List.of(), List.of(), List.of(), List.of(),
                    List.of(), List.of(), slice));
        }
    }

    private static final List<AuditEntity> ORDER = List.of(AuditEntity.TASK, AuditEntity.ASSIGNMENT,
            AuditEntity.SUPERVISION, AuditEntity.MILESTONE, AuditEntity.REPORT, AuditEntity.CLOSE_OUT,
            AuditEntity.EVIDENCE);

    static Instant at(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(ZONE).toInstant();
    }

    private static final class Counts {
        int assignments;
        int reports;
        int milestones;
        int closeOuts;
        int closed;
        int supervised;
    }

    /** The rows of one chunk; the audit rows the services would have written for them go to the ledger's list. */
    private static final class ChunkBuilder {
        private final LocalDate held;
        private final List<Task> tasks = new ArrayList<>();
        private final List<ProgressReport> reports = new ArrayList<>();
        private final List<Milestone> milestones = new ArrayList<>();
        private final List<CloseOut> closeOuts = new ArrayList<>();
        private final List<BulkInsert.EvidenceFile> evidence = new ArrayList<>();
        private final List<Supervision> supervisions = new ArrayList<>();
        private final List<AuditEntry> audit;

        ChunkBuilder(LocalDate held, List<AuditEntry> audit) {
            this.held = held;
            this.audit = audit;
        }

        void add(long taskId, Unit unit, long assignmentId, AssignmentCourse c, Counts counts) {
            audit(at(held, 11), AuditEntity.ASSIGNMENT, assignmentId, taskId, unit.id(), AuditAction.CREATE, "", null,
                    unit.name());
            for (ProgressReport r : c.reports) {
                audit(at(r.reportedOn(), 9), AuditEntity.REPORT, r.id(), taskId, unit.id(), AuditAction.CREATE, "",
                        null, r.reportedOn() + " " + r.percent() + "%：" + r.text());
            }
            for (Milestone m : c.milestones) {
                audit(at(held.plusDays(7), 9), AuditEntity.MILESTONE, m.id(), taskId, unit.id(), AuditAction.CREATE,
                        "", null, m.name() + "（" + m.dueOn() + "）");
                if (m.doneOn() != null) {
                    audit(at(m.doneOn(), 10), AuditEntity.MILESTONE, m.id(), taskId, unit.id(), AuditAction.UPDATE,
                            "doneOn", null, m.doneOn().toString());
                }
            }
            for (CloseOut co : c.closeOuts) {
                audit(at(co.appliedOn(), 10), AuditEntity.CLOSE_OUT, co.id(), taskId, unit.id(), AuditAction.CREATE,
                        "", null, co.appliedOn() + "：" + co.explanation());
                for (BulkInsert.EvidenceFile f : c.evidence) {
                    if (f.evidence().closeOutId() == co.id()) {
                        audit(f.evidence().addedAt(), AuditEntity.EVIDENCE, f.evidence().id(), taskId, unit.id(),
                                AuditAction.CREATE, "", null, f.evidence().fileName());
                    }
                }
                if (co.closedOn() != null) {
                    audit(at(co.closedOn(), 15), AuditEntity.CLOSE_OUT, co.id(), taskId, unit.id(), AuditAction.UPDATE,
                            "closedOn", null, co.closedOn().toString());
                    counts.closed++;
                }
            }
            reports.addAll(c.reports);
            milestones.addAll(c.milestones);
            closeOuts.addAll(c.closeOuts);
            evidence.addAll(c.evidence);
            counts.reports += c.reports.size();
            counts.milestones += c.milestones.size();
            counts.closeOuts += c.closeOuts.size();
        }

        void task(Task t, TaskDraft d) {
            tasks.add(t);
            audit(at(held, 11), AuditEntity.TASK, t.id(), t.id(), null, AuditAction.CREATE, "", null,
                    t.seq() + "：" + t.problem());
            if (d.supervised()) {
                String leader = d.unitIds().size() > 1 ? "分管副市长" : "市长";
                supervisions.add(new Supervision(t.id(), leader, held, ReportingCycle.MONTHLY, "每月向督办领导报告整改进展"));
                audit(at(held, 11), AuditEntity.SUPERVISION, t.id(), t.id(), null, AuditAction.CREATE, "", null,
                        leader + "（" + ReportingCycle.MONTHLY.name() + "）");
            }
        }

        private void audit(Instant at, AuditEntity entity, long entityId, Long taskId, Long unitId, AuditAction action,
                           String field, String oldValue, String newValue) {
            audit.add(new AuditEntry(0, at, OPERATOR, entity, entityId, taskId, unitId, action, field, oldValue,
                    newValue));
        }

        BulkInsert.Chunk build() {
            return new BulkInsert.Chunk(at(held, 11), tasks, reports, milestones, closeOuts, evidence, supervisions,
                    List.of());
        }
    }
}
