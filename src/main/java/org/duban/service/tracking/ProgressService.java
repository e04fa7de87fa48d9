package org.duban.service.tracking;

import java.time.LocalDate;
import java.util.List;
import org.duban.i18n.LocalizedException;
import org.duban.model.Assignment;
import org.duban.model.AuditEntity;
import org.duban.model.Milestone;
import org.duban.model.ProgressReport;
import org.duban.persistence.MilestoneRepository;
import org.duban.persistence.PersistenceException;
import org.duban.persistence.ReportRepository;
import org.duban.persistence.Repositories;
import org.duban.persistence.TaskRepository;
import org.duban.persistence.UnitOfWork;
import org.duban.service.audit.AuditLog;

/**
 * 调度 and 节点管控: adding progress reports (with evidence) and milestones to an assignment. Each change is one
 * transaction with its audit rows and the assignment's refreshed status.
 */
public final class ProgressService {
    private final AuditLog audit;
    private final TaskRepository tasks;
    private final ReportRepository reports;
    private final MilestoneRepository milestones;
    private final EvidenceService evidence;
    private final StatusSnapshot snapshot;
    private final UnitOfWork uow;

    public ProgressService(Repositories repos, UnitOfWork uow, AuditLog audit, EvidenceService evidence,
                           TrackingService tracking) {
        this.audit = audit;
        this.uow = uow;
        this.tasks = repos.tasks();
        this.reports = repos.reports();
        this.milestones = repos.milestones();
        this.evidence = evidence;
        this.snapshot = new StatusSnapshot(tracking, tasks, audit);
    }

    /** A report as the user typed it. */
    public record ReportInput(LocalDate reportedOn, String percent, String text, String reporter) {
    }

    /**
     * Adds a report, with evidence files if any.
     *
     * @throws LocalizedException saying what to fix (date in the future, percent not 0–100, no text, a file too
     *                            large); nothing is written then
     */
    public ProgressReport addReport(long assignmentId, ReportInput in, List<EvidenceService.Upload> files) {
        LocalDate on = Checks.pastOrToday(in.reportedOn(), audit.today(), "progress.field.date");
        int percent = percent(in.percent());
        String text = Checks.text(in.text(), "progress.field.text");
        String reporter = Checks.optional(in.reporter());
        return uow.inTransaction(() -> {
            Assignment a = assignment(assignmentId);
            ProgressReport r = reports.insert(new ProgressReport(0, assignmentId, on, percent, text, reporter));
            audit.created(AuditEntity.REPORT, r.id(), a.taskId(), a.unitId(), on + " " + percent + "%：" + text);
            if (!files.isEmpty()) {
                evidence.attach(assignmentId, r.id(), null, files);
            }
            snapshot.refresh(assignmentId);
            return r;
        });
    }

    static int percent(String text) {
        String t = text == null ? "" : text.strip().replace("%", "").replace("％", "").strip();
        if (t.isEmpty()) {
            throw new LocalizedException("progress.error.percent", "");
        }
        try {
            int p = Integer.parseInt(t);
            if (p >= 0 && p <= 100) {
                return p;
            }
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        throw new LocalizedException("progress.error.percent", text.strip());
    }

    /** Adds a milestone (节点) with its due date. */
    public Milestone addMilestone(long assignmentId, String name, LocalDate dueOn) {
        String n = Checks.text(name, "milestone.field.name");
        if (dueOn == null) {
            throw new LocalizedException("tracking.error.dateRequired", org.duban.i18n.Messages.tr("milestone.field.due"));
        }
        return uow.inTransaction(() -> {
            Assignment a = assignment(assignmentId);
            Milestone m = milestones.insert(new Milestone(0, assignmentId, n, dueOn, null));
            audit.created(AuditEntity.MILESTONE, m.id(), a.taskId(), a.unitId(), n + "（" + dueOn + "）");
            return m;
        });
    }

    /** Adds the same milestone to every unit of a task (倒排工期 is usually the same for all). */
    public List<Milestone> addMilestoneToAll(long taskId, String name, LocalDate dueOn) {
        return uow.inTransaction(() -> tasks.findById(taskId)
                .orElseThrow(() -> new PersistenceException("tracking.error.taskGone"))
                .assignments().stream().map(a -> addMilestone(a.id(), name, dueOn)).toList());
    }

    /** Marks a milestone done on a day, or open again with {@code null}. */
    public Milestone setMilestoneDone(long milestoneId, LocalDate doneOn) {
        if (doneOn != null) {
            Checks.pastOrToday(doneOn, audit.today(), "milestone.field.done");
        }
        return uow.inTransaction(() -> {
            Milestone m = milestones.findById(milestoneId)
                    .orElseThrow(() -> new PersistenceException("milestone.error.gone"));
            Assignment a = assignment(m.assignmentId());
            Milestone changed = m.withDoneOn(doneOn);
            milestones.update(changed);
            audit.changed(AuditEntity.MILESTONE, m.id(), a.taskId(), a.unitId(), "doneOn", m.doneOn(), doneOn);
            return changed;
        });
    }

    /** Deletes a milestone entered by mistake; the audit trail keeps what it was. */
    public void deleteMilestone(long milestoneId) {
        uow.inTransaction(() -> {
            Milestone m = milestones.findById(milestoneId)
                    .orElseThrow(() -> new PersistenceException("milestone.error.gone"));
            Assignment a = assignment(m.assignmentId());
            milestones.delete(milestoneId);
            audit.deleted(AuditEntity.MILESTONE, m.id(), a.taskId(), a.unitId(), m.name() + "（" + m.dueOn() + "）");
            return null;
        });
    }

    private Assignment assignment(long id) {
        return Checks.active(tasks, id);
    }
}
