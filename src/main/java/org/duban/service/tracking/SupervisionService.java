package org.duban.service.tracking;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalLong;
import org.duban.i18n.LocalizedException;
import org.duban.model.AuditEntity;
import org.duban.model.ReportingCycle;
import org.duban.model.Supervision;
import org.duban.model.Task;
import org.duban.persistence.PersistenceException;
import org.duban.persistence.Repositories;
import org.duban.persistence.StaleRowException;
import org.duban.persistence.SupervisionRepository;
import org.duban.persistence.TaskRepository;
import org.duban.persistence.UnitOfWork;
import org.duban.service.audit.AuditLog;

/** 挂牌督办 flags and 举一反三 links of tasks, audited. */
public final class SupervisionService {
    private final AuditLog audit;
    private final SupervisionRepository supervisions;
    private final TaskRepository tasks;
    private final UnitOfWork uow;

    public SupervisionService(Repositories repos, UnitOfWork uow, AuditLog audit) {
        this.audit = audit;
        this.uow = uow;
        this.supervisions = repos.supervisions();
        this.tasks = repos.tasks();
    }

    private SupervisionService(SupervisionService other, AuditLog audit) {
        this.audit = audit;
        this.uow = other.uow;
        this.supervisions = other.supervisions;
        this.tasks = other.tasks;
    }

    /**
     * This service writing its audit rows to {@code log}: an import's buffered log, which keeps them after the
     * task's own until it flushes, and takes the supervision's state from the values put.
     */
    public SupervisionService auditedBy(AuditLog log) {
        return new SupervisionService(this, log);
    }

    public Optional<Supervision> of(long taskId) {
        return supervisions.findByTask(taskId);
    }

    /**
     * The version of the task's supervision as stored ({@code row_version}), empty when it is not supervised: read
     * it before the supervision a form shows, and give it back to {@link #supervise(long, String, LocalDate,
     * ReportingCycle, String, OptionalLong)}.
     */
    public OptionalLong version(long taskId) {
        return supervisions.version(taskId);
    }

    /** Puts a task under supervision (挂牌), or changes its leader, date or cycle, as it is stored now. */
    public Supervision supervise(long taskId, String leader, LocalDate since, ReportingCycle cycle, String note) {
        return supervise(taskId, leader, since, cycle, note, null);
    }

    /**
     * Puts a task under supervision, or changes it, as of {@code seen}: the {@link #version(long)} read when the
     * form was filled (empty: not supervised then). A seat that supervised the task or changed its supervision since
     * then wins; this one is told who and when, and nothing is written. {@code null}: as it is stored now.
     */
    public Supervision supervise(long taskId, String leader, LocalDate since, ReportingCycle cycle, String note,
                                 OptionalLong seen) {
        Supervision s = checked(taskId, leader, since, cycle, note);
        String who = s.leader();
        return uow.inTransaction(() -> {
            task(taskId);
            // before the reading: a change in between is refused
            OptionalLong asOf = seen != null ? seen : supervisions.version(taskId);
            Optional<Supervision> old = supervisions.findByTask(taskId);
            try {
                supervisions.put(s, asOf);
            } catch (StaleRowException e) {
                throw audit.conflict(e, org.duban.i18n.Messages.tr("edit.what.supervision"), "edit.next.detail");
            }
            if (audit.written() != null) {
                audit.written().put(s);
            }
            if (old.isEmpty()) {
                audit.created(AuditEntity.SUPERVISION, taskId, taskId, null,
                        who + "，" + since + "，" + cycle.name());
            } else {
                Supervision o = old.get();
                audit.changed(AuditEntity.SUPERVISION, taskId, taskId, null, "leader", o.leader(), who);
                audit.changed(AuditEntity.SUPERVISION, taskId, taskId, null, "since", o.since(), since);
                audit.changed(AuditEntity.SUPERVISION, taskId, taskId, null, "cycle", o.cycle().name(), cycle.name());
                audit.changed(AuditEntity.SUPERVISION, taskId, taskId, null, "note", o.note(), s.note());
            }
            return s;
        });
    }

    /**
     * Puts a task that the current change has just created under supervision (an import's new task marked 挂牌督办):
     * it exists and cannot be supervised yet, so nothing is read first (an import asked four questions of each of the
     * 446 such tasks of a 10,000-row list, issue 24). The same checks and the same audit row as {@link #supervise};
     * should a supervision of that task be there after all, nothing is written over it and the change fails. Audited
     * by a buffered log (an import), the row is inserted with the change's other supervisions when the log writes its
     * rows ({@link org.duban.persistence.RowStates#insertLater}), not one statement each.
     */
    public Supervision superviseNew(long taskId, String leader, LocalDate since, ReportingCycle cycle, String note) {
        Supervision s = checked(taskId, leader, since, cycle, note);
        return uow.inTransaction(() -> {
            if (audit.written() != null) {
                audit.written().insertLater(s); // with the others, before the buffered audit rows are written
            } else {
                supervisions.put(s, OptionalLong.empty());
            }
            audit.created(AuditEntity.SUPERVISION, taskId, taskId, null,
                    s.leader() + "，" + since + "，" + cycle.name());
            return s;
        });
    }

    /** A supervision from a form's or an import's values, checked: a leader, a day and a cycle are required. */
    private static Supervision checked(long taskId, String leader, LocalDate since, ReportingCycle cycle, String note) {
        String who = Checks.text(leader, "supervision.field.leader");
        if (since == null) {
            throw new LocalizedException("tracking.error.dateRequired", org.duban.i18n.Messages.tr("supervision.field.since"));
        }
        if (cycle == null) {
            throw new LocalizedException("tracking.error.required", org.duban.i18n.Messages.tr("supervision.field.cycle"));
        }
        return new Supervision(taskId, who, since, cycle, Checks.optional(note));
    }

    /** Ends the supervision (摘牌). */
    public void end(long taskId) {
        uow.inTransaction(() -> {
            supervisions.findByTask(taskId).ifPresent(o -> {
                supervisions.delete(taskId);
                audit.deleted(AuditEntity.SUPERVISION, taskId, taskId, null,
                        o.leader() + "，" + o.since() + "，" + o.cycle().name());
            });
            return null;
        });
    }

    /** Links a 举一反三 task to the task it was found by analogy to; {@code null} removes the link. */
    public void linkOrigin(long taskId, Long originTaskId) {
        if (originTaskId != null && originTaskId == taskId) {
            throw new LocalizedException("supervision.error.selfOrigin");
        }
        uow.inTransaction(() -> {
            task(taskId);
            Long old = tasks.origins(org.duban.persistence.TaskScope.task(taskId)).get(taskId);
            String newText = null;
            if (originTaskId != null) {
                newText = String.valueOf(task(originTaskId).seq());
            }
            String oldText = old == null ? null : tasks.findById(old).map(t -> String.valueOf(t.seq())).orElse(null);
            tasks.setOrigin(taskId, originTaskId);
            audit.changed(AuditEntity.TASK, taskId, taskId, null, "origin", oldText, newText);
            return null;
        });
    }

    private Task task(long id) {
        return tasks.findById(id).orElseThrow(() -> new PersistenceException("tracking.error.taskGone"));
    }
}
