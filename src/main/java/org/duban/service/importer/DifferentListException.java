package org.duban.service.importer;

import org.duban.i18n.LocalizedException;
import org.duban.model.Meeting;

/**
 * The file is a different list, not a revision of the meeting's: most of its rows that name a task by 序号
 * describe another problem ({@link ImportPlan.ListMatch#different()}). Nothing was written. Import it into a new
 * meeting, or say explicitly that the meeting's tasks are to be updated anyway.
 */
public final class DifferentListException extends LocalizedException {
    private final transient ImportPlan plan;

    public DifferentListException(ImportPlan plan, Meeting meeting) {
        super("import.error.differentList", plan.listMatch().differing(), plan.listMatch().paired(), meeting.title(),
                Math.round(ProblemSimilarity.SAME_TASK * 100));
        this.plan = plan;
    }

    public ImportPlan plan() {
        return plan;
    }
}
