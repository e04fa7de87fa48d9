package org.duban.service.handout;

/** The rows of a handout table. */
public enum RowKind {
    /** The column headings, repeated at the top of every page. */
    HEADER,
    /** A source heading (一、中央生态环境保护督察反馈问题) spanning the table. */
    SECTION,
    /** One task. */
    TASK
}
