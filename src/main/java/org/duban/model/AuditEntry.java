package org.duban.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of the audit trail (留痕): who changed what, when, from which value to which. Rows are only ever
 * appended; the database refuses to change or delete them.
 *
 * @param entityId the id of the thing changed (it may no longer exist)
 * @param taskId   the task it belongs to, for a task's history; null for things outside tasks
 * @param unitId   the unit whose share it concerns, or null
 * @param field    which field changed (a code name such as {@code percent}); empty for CREATE and DELETE
 * @param oldValue the value before (null for CREATE)
 * @param newValue the value after (null for DELETE)
 */
public record AuditEntry(long id, Instant at, String operator, AuditEntity entity, long entityId, Long taskId,
                         Long unitId, AuditAction action, String field, String oldValue, String newValue) {
    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(action, "action");
        field = field == null ? "" : field;
    }
}
