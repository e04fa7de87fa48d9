package org.duban.persistence;

/**
 * Which tasks a query looks at: every task, those one meeting issued or reviewed, one task's, or one assignment's
 * share; a meeting's tasks of one unit, or a run of a meeting's 序号. Repositories of things that hang off
 * assignments (reports, milestones, close-outs, evidence) read by scope, so that a whole checklist is read in one
 * query per table, and a large ledger a piece at a time (issue 24).
 *
 * <p>The condition has at most one {@code ?} (the meeting, task or assignment: {@link #id}); a unit, a run of
 * 序号 ({@link #from}, {@link #to}) and a list of task ids ({@link #ids}) are numbers written into the SQL, which
 * nothing can be slipped into.
 */
public record TaskScope(Kind kind, long id, long from, long to, long[] ids) {
    enum Kind { ALL, MEETING, REVIEWED, TASK, ASSIGNMENT, MEETING_UNIT, REVIEWED_UNIT, SEQS, TASKS }

    TaskScope(Kind kind, long id) {
        this(kind, id, 0, 0);
    }

    TaskScope(Kind kind, long id, long from, long to) {
        this(kind, id, from, to, null);
    }

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

    /**
     * The tasks of {@link #of(org.duban.model.Meeting) a meeting} that unit {@code unitId} has a share of (not
     * withdrawn), with all their shares: one unit's handout.
     */
    public static TaskScope ofUnit(org.duban.model.Meeting meeting, long unitId) {
        return new TaskScope(meeting.kind().isFollowUp() ? Kind.REVIEWED_UNIT : Kind.MEETING_UNIT, meeting.id(),
                unitId, 0);
    }

    /** The tasks of meeting {@code meetingId} (which it issued) numbered {@code from} to {@code to}, both included. */
    public static TaskScope seqs(long meetingId, int from, int to) {
        return new TaskScope(Kind.SEQS, meetingId, from, to);
    }

    /**
     * The tasks whose ids are {@code taskIds} (at least one): a piece of a large unit's handout, read in turn
     * (issue 24). The ids are numbers written into the SQL, as a unit's id is.
     */
    public static TaskScope tasks(long... taskIds) {
        if (taskIds.length == 0) {
            throw new IllegalArgumentException("no tasks");
        }
        return new TaskScope(Kind.TASKS, 0, 0, 0, taskIds.clone());
    }

    public static TaskScope task(long taskId) {
        return new TaskScope(Kind.TASK, taskId);
    }

    public static TaskScope assignment(long assignmentId) {
        return new TaskScope(Kind.ASSIGNMENT, assignmentId);
    }

    /** The ids of this scope's tasks, as a sub-select with one {@code ?}: the kinds that are sets of tasks. */
    private String taskIds() {
        return switch (kind) {
            case MEETING_UNIT -> "SELECT s.task_id FROM assignment s JOIN task st ON st.id = s.task_id "
                    + "WHERE st.meeting_id = ? AND s.unit_id = " + from + " AND s.withdrawn_on IS NULL";
            case REVIEWED_UNIT -> "SELECT s.task_id FROM assignment s JOIN meeting_task mt ON mt.task_id = s.task_id "
                    + "WHERE mt.meeting_id = ? AND s.unit_id = " + from + " AND s.withdrawn_on IS NULL";
            case SEQS -> "SELECT st.id FROM task st WHERE st.meeting_id = ? AND st.seq BETWEEN " + from + " AND " + to;
            case TASKS -> idList();
            default -> throw new IllegalStateException(kind.name());
        };
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
            case MEETING_UNIT, REVIEWED_UNIT, SEQS, TASKS -> column + " IN (SELECT a.id FROM assignment a "
                    + "WHERE a.task_id IN (" + taskIds() + "))";
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
            case MEETING_UNIT, REVIEWED_UNIT, SEQS, TASKS -> column + " IN (" + taskIds() + ")";
        };
    }

    boolean hasParameter() {
        return kind != Kind.ALL && kind != Kind.TASKS;
    }

    private String idList() {
        StringBuilder sb = new StringBuilder(ids.length * 7);
        for (long i : ids) {
            sb.append(sb.isEmpty() ? "" : ",").append(i);
        }
        return sb.toString();
    }
}
