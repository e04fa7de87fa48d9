package org.duban.model;

/**
 * The totals a bulletin (通报) opens with, as they stood on its day. "Assignments" are a task's shares (项次): a
 * task given to three units counts three times.
 */
public record BulletinTotals(int tasks, int assignments, int completedTasks, int completedAssignments,
                             int closedAssignments, int overdueTasks, int overdueAssignments, int supervisedTasks) {
    /** Completed shares over all shares, 0 to 1 (0 when there are none). */
    public double completionRate() {
        return assignments == 0 ? 0 : (double) completedAssignments / assignments;
    }
}
