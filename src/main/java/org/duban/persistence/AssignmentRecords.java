package org.duban.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;

/**
 * How many tracking records hang on each assignment of a task: progress reports, milestones, close-out
 * applications and evidence files: what a withdrawn share keeps (only deleting the whole task would take them, ON
 * DELETE CASCADE).
 */
public final class AssignmentRecords {
    private final Database db;

    public AssignmentRecords(Database db) {
        this.db = db;
    }

    /** The records of one assignment. */
    public record Counts(int reports, int milestones, int closeOuts, int evidence) {
        public static final Counts NONE = new Counts(0, 0, 0, 0);

        public boolean isEmpty() {
            return reports == 0 && milestones == 0 && closeOuts == 0 && evidence == 0;
        }
    }

    /** The counts of each assignment of a meeting's tasks, by assignment id (withdrawn ones too). */
    public Map<Long, Counts> ofMeeting(long meetingId) {
        return of("a.task_id IN (SELECT id FROM task WHERE meeting_id = ?)", meetingId);
    }

    /** The counts of each assignment of a task, by assignment id (every assignment of the task is listed). */
    public Map<Long, Counts> ofTask(long taskId) {
        return of("a.task_id = ?", taskId);
    }

    private Map<Long, Counts> of(String condition, long id) {
        return db.read(c -> {
            Map<Long, Counts> map = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT a.id, "
                    + "(SELECT count(*) FROM progress_report r WHERE r.assignment_id = a.id), "
                    + "(SELECT count(*) FROM milestone m WHERE m.assignment_id = a.id), "
                    + "(SELECT count(*) FROM close_out o WHERE o.assignment_id = a.id), "
                    + "(SELECT count(*) FROM evidence e WHERE e.assignment_id = a.id) "
                    + "FROM assignment a WHERE " + condition)) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        map.put(rs.getLong(1), new Counts(rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)));
                    }
                }
            }
            return map;
        });
    }
}
