package org.duban.model;

/** 交办会 hands out the task lists; 调度会 and 推进会 review progress. */
public enum MeetingKind {
    /** 交办会 */
    ASSIGNMENT,
    /** 调度会 */
    REVIEW,
    /** 推进会 */
    PUSH;

    /** 调度会 and 推进会: meetings that review tasks issued earlier. */
    public boolean isFollowUp() {
        return this != ASSIGNMENT;
    }
}
