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
    BULLETIN,
    /** A unit of the roster: added, renamed, its kind, short name, aliases or order changed, retired, merged. */
    UNIT,
    /** A name of the vocabulary of sources and categories: added, renamed, merged, moved. */
    VOCABULARY,
    /** An import of a task list or of return forms (undoing one restores the backup taken before it). */
    IMPORT,
    /** A 催办单 or 督办通知书 to a unit (one row per task it lists, so that the task's history shows it). */
    NOTICE,
    /** A 约谈 record. */
    INTERVIEW,
    /** A 考评 rule set. */
    SCORE_RULES
}
