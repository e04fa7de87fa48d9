package org.duban.model;

/** What an audit row is about. */
public enum AuditEntity {
    TASK,
    ASSIGNMENT,
    REPORT,
    MILESTONE,
    CLOSE_OUT,
    EVIDENCE,
    SUPERVISION,
    INSPECTION,
    FINDING,
    SETTING,
    MEETING,
    BULLETIN
}
