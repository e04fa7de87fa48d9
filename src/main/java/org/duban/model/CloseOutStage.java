package org.duban.model;

/** Where a close-out (销号) application stands: apply → verification → 公示 → closed. */
public enum CloseOutStage {
    /** 已申请，待验收 */
    APPLIED,
    /** 验收未通过: the application ends; the unit goes on working and applies again */
    REJECTED,
    /** 验收通过，待公示 */
    VERIFIED,
    /** 公示中 */
    IN_NOTICE,
    /** 公示期满，待销号 */
    NOTICE_OVER,
    /** 已销号 */
    CLOSED,
    /** 已重新打开: closed once, then reopened with a reason */
    REOPENED;

    /** Whether the application is still alive (not rejected, not reopened). */
    public boolean isActive() {
        return this != REJECTED && this != REOPENED;
    }
}
