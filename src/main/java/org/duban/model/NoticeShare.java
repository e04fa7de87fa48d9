package org.duban.model;

/**
 * One share a notice lists, as the notice printed it on its day.
 *
 * @param taskId       the task (null once the task was deleted)
 * @param assignmentId the unit's share (null once deleted)
 * @param taskLabel    序号 and problem, as printed
 * @param deadline     the deadline phrase
 * @param daysOverdue  days past the deadline on the notice's day, or null when not yet overdue (lagging)
 * @param lastReport   the unit's latest report by then ("11月20日：……"), or empty
 */
public record NoticeShare(Long taskId, Long assignmentId, String taskLabel, String deadline, Integer daysOverdue,
                          String lastReport) {
    public NoticeShare {
        taskLabel = taskLabel == null ? "" : taskLabel;
        deadline = deadline == null ? "" : deadline;
        lastReport = lastReport == null ? "" : lastReport;
    }
}
