package org.duban.service.tracking;

import org.duban.model.WarningLight;

/** Why an assignment has its light; the checklist and the detail view say it in words. */
public enum LightReason {
    /** 已超期 */
    OVERDUE(WarningLight.RED),
    /** 滞后序时进度超过红灯界限 */
    FAR_BEHIND(WarningLight.RED),
    /** 临近完成时限 */
    DUE_SOON(WarningLight.YELLOW),
    /** 滞后序时进度 */
    BEHIND(WarningLight.YELLOW),
    /** 有逾期节点 */
    LATE_MILESTONE(WarningLight.YELLOW),
    /** 长时间未报送进展 */
    NO_RECENT_REPORT(WarningLight.YELLOW);

    private final WarningLight light;

    LightReason(WarningLight light) {
        this.light = light;
    }

    public WarningLight light() {
        return light;
    }
}
