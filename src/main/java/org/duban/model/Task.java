package org.duban.model;

import java.util.List;
import java.util.Objects;

/**
 * A task (重点工作任务 / 整改任务) issued at a meeting, with its assignments to responsible units.
 *
 * @param seq             序号 within its meeting, starting at 1
 * @param source          来源, e.g. 中央生态环境保护督察
 * @param category        问题类别, e.g. 水环境 (may be empty)
 * @param supportingUnits 配合单位 as written (they get no share of their own)
 * @param leadUnitId      牵头单位: the unit (usually a city department) that leads and coordinates the task, 0 for
 *                        none; it gets no share by leading (the 责任单位 carry the work)
 * @param version         the stored row's version as read ({@code task.row_version}): a change names it, and is
 *                        refused when another seat changed the task since (0 for a task not stored yet)
 */
public record Task(
        long id,
        long meetingId,
        int seq,
        String source,
        String category,
        String problem,
        String target,
        String measures,
        String leader,
        String supportingUnits,
        Deadline deadline,
        String remarks,
        List<Assignment> assignments,
        long leadUnitId,
        long version) {

    /** A task as it is before it is stored (or when its version does not matter): version 0. */
    public Task(long id, long meetingId, int seq, String source, String category, String problem, String target,
                String measures, String leader, String supportingUnits, Deadline deadline, String remarks,
                List<Assignment> assignments, long leadUnitId) {
        this(id, meetingId, seq, source, category, problem, target, measures, leader, supportingUnits, deadline,
                remarks, assignments, leadUnitId, 0);
    }

    /** A task without a lead unit. */
    public Task(long id, long meetingId, int seq, String source, String category, String problem, String target,
                String measures, String leader, String supportingUnits, Deadline deadline, String remarks,
                List<Assignment> assignments) {
        this(id, meetingId, seq, source, category, problem, target, measures, leader, supportingUnits, deadline,
                remarks, assignments, 0);
    }

    public Task {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(deadline, "deadline");
        category = nz(category);
        target = nz(target);
        measures = nz(measures);
        leader = nz(leader);
        supportingUnits = nz(supportingUnits);
        remarks = nz(remarks);
        assignments = List.copyOf(assignments);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The derived status: where the slowest assignment stands. */
    public TaskStatus status() {
        return TaskStatus.ofTask(assignments.stream().map(Assignment::status).toList());
    }

    public List<Long> unitIds() {
        return assignments.stream().map(Assignment::unitId).toList();
    }

    public Task withId(long newId, List<Assignment> storedAssignments) {
        return new Task(newId, meetingId, seq, source, category, problem, target, measures, leader,
                supportingUnits, deadline, remarks, storedAssignments, leadUnitId, version);
    }

    /** This task as of the stored row's version {@code v} (what a change of it will name as the version it read). */
    public Task withVersion(long v) {
        return new Task(id, meetingId, seq, source, category, problem, target, measures, leader, supportingUnits,
                deadline, remarks, assignments, leadUnitId, v);
    }

    /** Whether a lead unit (牵头单位) is recorded. */
    public boolean hasLeadUnit() {
        return leadUnitId > 0;
    }
}
