package org.duban.model;

/** What a person did at a meeting, in the words of a meeting report. */
public enum MeetingRole {
    /** 主持 */
    CHAIR,
    /** 出席并讲话 */
    SPEECH,
    /** 部署工作 */
    DEPLOY,
    /** 通报情况 */
    REPORT,
    /** 出席 */
    ATTEND
}
