package org.duban.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One close-out (销号) application of an assignment and how far it went: applied (date, explanation), verified
 * (level, verifiers, date, result), 公示 (from, to), closed, and possibly reopened with a reason. Every step
 * is dated, so the stage can be read at any day.
 */
public record CloseOut(long id, long assignmentId, LocalDate appliedOn, String explanation,
                       Verification verification, LocalDate noticeFrom, LocalDate noticeTo, LocalDate closedOn,
                       LocalDate reopenedOn, String reopenReason) {
    public CloseOut {
        Objects.requireNonNull(appliedOn, "appliedOn");
        Objects.requireNonNull(explanation, "explanation");
        reopenReason = reopenReason == null ? "" : reopenReason;
    }

    public static CloseOut applied(long assignmentId, LocalDate on, String explanation) {
        return new CloseOut(0, assignmentId, on, explanation, null, null, null, null, null, "");
    }

    public Optional<Verification> verificationOpt() {
        return Optional.ofNullable(verification);
    }

    /** Verified and passed by {@code day}. */
    public boolean passedBy(LocalDate day) {
        return verification != null && verification.passed() && !verification.verifiedOn().isAfter(day);
    }

    /** The stage on {@code day} (the application existed by then: {@code appliedOn <= day}). */
    public CloseOutStage stageOn(LocalDate day) {
        if (reopenedOn != null && !reopenedOn.isAfter(day)) {
            return CloseOutStage.REOPENED;
        }
        if (closedOn != null && !closedOn.isAfter(day)) {
            return CloseOutStage.CLOSED;
        }
        if (verification == null || verification.verifiedOn().isAfter(day)) {
            return CloseOutStage.APPLIED;
        }
        if (!verification.passed()) {
            return CloseOutStage.REJECTED;
        }
        if (noticeFrom == null || noticeFrom.isAfter(day)) {
            return CloseOutStage.VERIFIED;
        }
        return noticeTo != null && day.isAfter(noticeTo) ? CloseOutStage.NOTICE_OVER : CloseOutStage.IN_NOTICE;
    }

    /** The day the application stopped counting (rejected or reopened) by {@code day}, if it did. */
    public Optional<LocalDate> endedOn(LocalDate day) {
        return switch (stageOn(day)) {
            case REOPENED -> Optional.of(reopenedOn);
            case REJECTED -> Optional.of(verification.verifiedOn());
            default -> Optional.empty();
        };
    }

    public CloseOut withVerification(Verification v) {
        return new CloseOut(id, assignmentId, appliedOn, explanation, v, noticeFrom, noticeTo, closedOn, reopenedOn,
                reopenReason);
    }

    public CloseOut withNotice(LocalDate from, LocalDate to) {
        return new CloseOut(id, assignmentId, appliedOn, explanation, verification, from, to, closedOn, reopenedOn,
                reopenReason);
    }

    public CloseOut withClosedOn(LocalDate day) {
        return new CloseOut(id, assignmentId, appliedOn, explanation, verification, noticeFrom, noticeTo, day,
                reopenedOn, reopenReason);
    }

    public CloseOut withReopened(LocalDate day, String reason) {
        return new CloseOut(id, assignmentId, appliedOn, explanation, verification, noticeFrom, noticeTo, closedOn,
                day, reason);
    }

    public CloseOut withId(long newId) {
        return new CloseOut(newId, assignmentId, appliedOn, explanation, verification, noticeFrom, noticeTo, closedOn,
                reopenedOn, reopenReason);
    }
}
