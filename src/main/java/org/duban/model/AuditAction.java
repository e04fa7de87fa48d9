package org.duban.model;

/** What happened to the thing an audit row is about. */
public enum AuditAction {
    CREATE,
    UPDATE,
    DELETE
}
