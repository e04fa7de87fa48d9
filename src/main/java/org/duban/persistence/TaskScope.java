package org.duban.persistence;

/**
 * Which tasks a query looks at: every task, those one meeting issued or reviewed, one task's, or one assignment's
 * share. Repositories of things that hang off assignments (reports, milestones, close-outs, evidence) read by
 * scope, so that a whole checklist is read in one query per table.
 */
public record TaskScope(Kind kind, long id) {
    enum Kind { ALL, MEETING, REVIEWED, TASK, ASSIGNMENT }

    public static TaskScope all() {
        return new TaskScope(Kind.ALL, 0);
    }

    /** Every meeting when {@code meetingId} is null. */
    public static TaskScope meeting(Long meetingId) {
        return meetingId == null ? all() : new TaskScope(Kind.MEETING, meetingId);
    }

    /** The tasks a follow-up meeting (调度会, 推进会) reviewed. */
    public static TaskScope reviewedAt(long meetingId) {
        return new TaskScope(Kind.REVIEWED, meetingId);
    }

    /** A meeting's tasks: those it issued (交办会), or those it reviewed (调度会, 推进会). */
    public static TaskScope of(org.duban.model.Meeting meeting) {
        return meeting.kind().isFollowUp() ? reviewedAt(meeting.id()) : meeting(meeting.id());
    }

    public static TaskScope task(long taskId) {
        return new TaskScope(Kind.TASK, taskId);
    }

    public static TaskScope assignment(long assignmentId) {
        return new TaskScope(Kind.ASSIGNMENT, assignmentId);
    }

    /** A condition on an assignment id column, with at most one {@code ?} (see {@link #hasParameter()}). */
    String onAssignment(String column) {
        return switch (kind) {
            case ALL -> "1 = 1";
            case MEETING -> column + " IN (SELECT a.id FROM assignment a JOIN task t ON t.id = a.task_id "
                    + "WHERE t.meeting_id = ?)";
            case REVIEWED -> column + " IN (SELECT a.id FROM assignment a JOIN meeting_task mt ON mt.task_id = a.task_id "
                    + "WHERE mt.meeting_id = ?)";
            case TASK -> column + " IN (SELECT a.id FROM assignment a WHERE a.task_id = ?)";
            case ASSIGNMENT -> column + " = ?";
        };
    }

    /** A condition on a task id column. */
    String onTask(String column) {
        return switch (kind) {
            case ALL -> "1 = 1";
            case MEETING -> column + " IN (SELECT t.id FROM task t WHERE t.meeting_id = ?)";
            case REVIEWED -> column + " IN (SELECT mt.task_id FROM meeting_task mt WHERE mt.meeting_id = ?)";
            case TASK -> column + " = ?";
            case ASSIGNMENT -> column + " IN (SELECT a.task_id FROM assignment a WHERE a.id = ?)";
        };
    }

    boolean hasParameter() {
        return kind != Kind.ALL;
    }
}
