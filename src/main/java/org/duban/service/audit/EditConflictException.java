package org.duban.service.audit;

import java.time.Instant;
import org.duban.i18n.LocalizedException;

/**
 * A change was refused because another seat changed the same record after this one read it (optimistic versioning,
 * issue 16). The message names who changed it and when (local time), says that nothing was written, and what to do:
 * look at the newest values and save again. Thrown inside the change's transaction, so nothing of it (audit rows
 * included) is kept.
 */
public final class EditConflictException extends LocalizedException {
    private static final long serialVersionUID = 1L;
    private final String operator;
    private final transient Instant at;

    EditConflictException(String key, String operator, Instant at, Object... args) {
        super(key, args);
        this.operator = operator;
        this.at = at;
    }

    /** Who changed the record last, by the audit trail; empty when the trail does not say. */
    public String operator() {
        return operator;
    }

    /** When, or null when the trail does not say. */
    public Instant at() {
        return at;
    }
}
