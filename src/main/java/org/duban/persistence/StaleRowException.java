package org.duban.persistence;

import org.duban.model.AuditEntity;

/**
 * A versioned row (issue 16: {@code row_version} of task, close_out, supervision) was not changed because another
 * seat changed it after its editor read it: the UPDATE named a version the row no longer has. Nothing of the change
 * is written (the caller's transaction rolls back); the service turns this into a message naming who changed the
 * row and when (its newest audit row). On its own the message only says that someone did.
 */
public class StaleRowException extends PersistenceException {
    private static final long serialVersionUID = 1L;
    private final AuditEntity entity;
    private final long entityId;

    public StaleRowException(AuditEntity entity, long entityId) {
        super("edit.error.stale");
        this.entity = entity;
        this.entityId = entityId;
    }

    /** What kind of row, as the audit trail names it. */
    public AuditEntity entity() {
        return entity;
    }

    /** The row's id (for a supervision: its task's id, as in the audit trail). */
    public long entityId() {
        return entityId;
    }
}
