package org.duban.service.tracking;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.duban.i18n.LocalizedException;
import org.duban.i18n.Messages;
import org.duban.model.Assignment;
import org.duban.model.AuditEntity;
import org.duban.model.CloseOut;
import org.duban.model.CloseOutStage;
import org.duban.model.Verification;
import org.duban.model.VerificationLevel;
import org.duban.persistence.CloseOutRepository;
import org.duban.persistence.PersistenceException;
import org.duban.persistence.Repositories;
import org.duban.persistence.StaleRowException;
import org.duban.persistence.TaskRepository;
import org.duban.persistence.UnitOfWork;
import org.duban.service.audit.AuditLog;

/**
 * The 销号 workflow of one assignment: apply (date, explanation) → verification (level, verifiers, date,
 * result) → 公示 (from, to) → closed. Closing is refused, saying what is missing, without a passed verification,
 * at least one evidence file and a 公示 that has ended; reopening a closed assignment needs a reason. A failed
 * verification ends the application: the unit goes on working and applies again.
 */
public final class CloseOutService {
    private final AuditLog audit;
    private final TrackingSettings settings;
    private final TaskRepository tasks;
    private final CloseOutRepository closeOuts;
    private final EvidenceService evidence;
    private final StatusSnapshot snapshot;
    private final UnitOfWork uow;

    public CloseOutService(Repositories repos, UnitOfWork uow, AuditLog audit, TrackingSettings settings,
                           EvidenceService evidence, TrackingService tracking) {
        this.audit = audit;
        this.uow = uow;
        this.settings = settings;
        this.tasks = repos.tasks();
        this.closeOuts = repos.closeOuts();
        this.evidence = evidence;
        this.snapshot = new StatusSnapshot(tracking, tasks, audit);
    }

    /** Applies for close-out, with evidence files if any. */
    public CloseOut apply(long assignmentId, LocalDate on, String explanation, List<EvidenceService.Upload> files) {
        LocalDate day = Checks.pastOrToday(on, audit.today(), "closeOut.field.appliedOn");
        String text = Checks.text(explanation, "closeOut.field.explanation");
        return uow.inTransaction(() -> {
            Assignment a = assignment(assignmentId);
            for (CloseOut existing : closeOuts.find(org.duban.persistence.TaskScope.assignment(assignmentId))) {
                CloseOutStage s = existing.stageOn(audit.today());
                if (s == CloseOutStage.CLOSED) {
                    throw new LocalizedException("closeOut.error.alreadyClosed");
                }
                if (s.isActive()) {
                    throw new LocalizedException("closeOut.error.pending", existing.appliedOn());
                }
            }
            CloseOut co = closeOuts.insert(CloseOut.applied(assignmentId, day, text));
            audit.created(AuditEntity.CLOSE_OUT, co.id(), a.taskId(), a.unitId(), day + "：" + text);
            if (!files.isEmpty()) {
                evidence.attach(assignmentId, null, co.id(), files);
            }
            snapshot.refresh(assignmentId);
            return co;
        });
    }

    /** Records the verification (验收) of an application, passed or not. */
    public CloseOut verify(long closeOutId, VerificationLevel level, String verifiers, LocalDate on, boolean passed,
                           String note) {
        return verify(closeOutId, level, verifiers, on, passed, note, null);
    }

    /**
     * {@link #verify(long, VerificationLevel, String, LocalDate, boolean, String)} of the application as the form
     * showed it ({@code shown}; {@code null}: as stored now): when another seat has changed it since, this one is
     * told who and when, and nothing is written. The same holds for the other steps' {@code shown}.
     */
    public CloseOut verify(long closeOutId, VerificationLevel level, String verifiers, LocalDate on, boolean passed,
                           String note, CloseOut shown) {
        if (level == null) {
            throw new LocalizedException("tracking.error.required", Messages.tr("closeOut.field.level"));
        }
        String who = Checks.text(verifiers, "closeOut.field.verifiers");
        LocalDate day = Checks.pastOrToday(on, audit.today(), "closeOut.field.verifiedOn");
        return uow.inTransaction(() -> {
            long seen = version(closeOutId); // before the reading: a change in between is refused, not overwritten
            CloseOut co = asShown(closeOut(closeOutId), shown);
            if (co.stageOn(audit.today()) != CloseOutStage.APPLIED) {
                throw new LocalizedException("closeOut.error.notAwaitingVerification");
            }
            notBefore(day, co.appliedOn(), "closeOut.field.verifiedOn", "closeOut.field.appliedOn");
            Verification v = new Verification(level, who, day, passed, Checks.optional(note));
            CloseOut changed = co.withVerification(v);
            write(changed, seen);
            Assignment a = assignment(co.assignmentId());
            audit.changed(AuditEntity.CLOSE_OUT, co.id(), a.taskId(), a.unitId(), "verificationLevel", null, level.name());
            audit.changed(AuditEntity.CLOSE_OUT, co.id(), a.taskId(), a.unitId(), "verifiers", null, who);
            audit.changed(AuditEntity.CLOSE_OUT, co.id(), a.taskId(), a.unitId(), "verifiedOn", null, day);
            audit.changed(AuditEntity.CLOSE_OUT, co.id(), a.taskId(), a.unitId(), "verificationResult", null,
                    passed ? "PASSED" : "FAILED");
            if (!v.note().isEmpty()) {
                audit.changed(AuditEntity.CLOSE_OUT, co.id(), a.taskId(), a.unitId(), "verificationNote", null, v.note());
            }
            snapshot.refresh(co.assignmentId());
            return changed;
        });
    }

    /** The default last day of 公示 starting on {@code from} (the length is a setting; both ends count). */
    public LocalDate defaultNoticeEnd(LocalDate from) {
        return from.plusDays(settings.noticeDays() - 1L);
    }

    /** Starts the 公示 of a verified application; {@code to} null means the default length. */
    public CloseOut startNotice(long closeOutId, LocalDate from, LocalDate to) {
        return startNotice(closeOutId, from, to, null);
    }

    /** {@link #startNotice(long, LocalDate, LocalDate)} of the application as shown ({@code null}: as stored now). */
    public CloseOut startNotice(long closeOutId, LocalDate from, LocalDate to, CloseOut shown) {
        LocalDate start = Checks.pastOrToday(from, audit.today(), "closeOut.field.noticeFrom");
        LocalDate end = to == null ? defaultNoticeEnd(start) : to;
        if (end.isBefore(start)) {
            throw new LocalizedException("closeOut.error.noticeEndBeforeStart", start, end);
        }
        return uow.inTransaction(() -> {
            long seen = version(closeOutId); // before the reading: a change in between is refused, not overwritten
            CloseOut co = asShown(closeOut(closeOutId), shown);
            CloseOutStage s = co.stageOn(audit.today());
            if (s != CloseOutStage.VERIFIED && s != CloseOutStage.IN_NOTICE && s != CloseOutStage.NOTICE_OVER) {
                throw new LocalizedException("closeOut.error.notVerified");
            }
            notBefore(start, co.verification().verifiedOn(), "closeOut.field.noticeFrom", "closeOut.field.verifiedOn");
            CloseOut changed = co.withNotice(start, end);
            write(changed, seen);
            Assignment a = assignment(co.assignmentId());
            audit.changed(AuditEntity.CLOSE_OUT, co.id(), a.taskId(), a.unitId(), "noticeFrom", co.noticeFrom(), start);
            audit.changed(AuditEntity.CLOSE_OUT, co.id(), a.taskId(), a.unitId(), "noticeTo", co.noticeTo(), end);
            return changed;
        });
    }

    /** What is still missing to close an application on {@code day}; empty when it can be closed. */
    public List<String> missingToClose(long closeOutId, LocalDate day) {
        CloseOut co = closeOut(closeOutId);
        List<String> missing = new ArrayList<>();
        if (!co.passedBy(day)) {
            missing.add(Messages.tr("closeOut.missing.verification"));
        }
        if (evidence.countForAssignment(co.assignmentId()) == 0) {
            missing.add(Messages.tr("closeOut.missing.evidence"));
        }
        if (co.noticeFrom() == null || co.noticeFrom().isAfter(day)) {
            missing.add(Messages.tr("closeOut.missing.notice"));
        } else if (!day.isAfter(co.noticeTo())) {
            missing.add(Messages.tr("closeOut.missing.noticeRunning", co.noticeTo()));
        }
        return missing;
    }

    /**
     * Closes (销号) the application's assignment.
     *
     * @throws LocalizedException listing what is missing: a passed verification, evidence, a 公示 that has ended
     */
    public CloseOut close(long closeOutId, LocalDate on) {
        return close(closeOutId, on, null);
    }

    /** {@link #close(long, LocalDate)} of the application as shown ({@code null}: as stored now). */
    public CloseOut close(long closeOutId, LocalDate on, CloseOut shown) {
        LocalDate day = Checks.pastOrToday(on, audit.today(), "closeOut.field.closedOn");
        return uow.inTransaction(() -> {
            long seen = version(closeOutId); // before the reading: a change in between is refused, not overwritten
            CloseOut co = asShown(closeOut(closeOutId), shown);
            CloseOutStage s = co.stageOn(audit.today());
            if (s == CloseOutStage.CLOSED) {
                throw new LocalizedException("closeOut.error.alreadyClosed");
            }
            if (!s.isActive()) {
                throw new LocalizedException("closeOut.error.notActive");
            }
            List<String> missing = missingToClose(closeOutId, day);
            if (!missing.isEmpty()) {
                throw new LocalizedException("closeOut.error.cannotClose", String.join("；", missing));
            }
            CloseOut changed = co.withClosedOn(day);
            write(changed, seen);
            Assignment a = assignment(co.assignmentId());
            audit.changed(AuditEntity.CLOSE_OUT, co.id(), a.taskId(), a.unitId(), "closedOn", null, day);
            snapshot.refresh(co.assignmentId());
            return changed;
        });
    }

    /** Reopens a closed assignment; the reason is required and kept. */
    public CloseOut reopen(long closeOutId, LocalDate on, String reason) {
        return reopen(closeOutId, on, reason, null);
    }

    /** {@link #reopen(long, LocalDate, String)} of the application as shown ({@code null}: as stored now). */
    public CloseOut reopen(long closeOutId, LocalDate on, String reason, CloseOut shown) {
        String why = Checks.text(reason, "closeOut.field.reopenReason");
        LocalDate day = Checks.pastOrToday(on, audit.today(), "closeOut.field.reopenedOn");
        return uow.inTransaction(() -> {
            long seen = version(closeOutId); // before the reading: a change in between is refused, not overwritten
            CloseOut co = asShown(closeOut(closeOutId), shown);
            if (co.stageOn(audit.today()) != CloseOutStage.CLOSED) {
                throw new LocalizedException("closeOut.error.notClosed");
            }
            notBefore(day, co.closedOn(), "closeOut.field.reopenedOn", "closeOut.field.closedOn");
            CloseOut changed = co.withReopened(day, why);
            write(changed, seen);
            Assignment a = assignment(co.assignmentId());
            audit.changed(AuditEntity.CLOSE_OUT, co.id(), a.taskId(), a.unitId(), "reopenedOn", null, day);
            audit.changed(AuditEntity.CLOSE_OUT, co.id(), a.taskId(), a.unitId(), "reopenReason", null, why);
            snapshot.refresh(co.assignmentId());
            return changed;
        });
    }

    private static void notBefore(LocalDate day, LocalDate earliest, String labelKey, String earlierKey) {
        if (day.isBefore(earliest)) {
            throw new LocalizedException("closeOut.error.dateOrder", Messages.tr(labelKey), day,
                    Messages.tr(earlierKey), earliest);
        }
    }

    private long version(long id) {
        return closeOuts.version(id).orElseThrow(() -> new PersistenceException("closeOut.error.gone"));
    }

    /** Writes a step as of the version read: a seat that changed the application meanwhile wins, this one is told. */
    private void write(CloseOut changed, long seen) {
        try {
            closeOuts.update(changed, seen);
        } catch (StaleRowException e) {
            throw audit.conflict(e, Messages.tr("edit.what.closeOut"), "edit.next.detail");
        }
    }

    /**
     * {@code stored}, when it is what the form showed ({@code shown}, or no form): a step is taken on what the user
     * saw. Another seat's step in between (a 公示 started, the application closed or reopened) is refused with that
     * seat's name and time, instead of being overwritten or stepped over.
     */
    private CloseOut asShown(CloseOut stored, CloseOut shown) {
        if (shown != null && !shown.equals(stored)) {
            throw audit.conflict(new StaleRowException(AuditEntity.CLOSE_OUT, stored.id()),
                    Messages.tr("edit.what.closeOut"), "edit.next.detail");
        }
        return stored;
    }

    private CloseOut closeOut(long id) {
        return closeOuts.findById(id).orElseThrow(() -> new PersistenceException("closeOut.error.gone"));
    }

    private Assignment assignment(long id) {
        return Checks.active(tasks, id);
    }
}
