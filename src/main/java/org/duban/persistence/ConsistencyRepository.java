package org.duban.persistence;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The queries behind the {@code check} command: rows that point at nothing, and the raw stored values that
 * the program's own rules are checked against. Reads only.
 */
public final class ConsistencyRepository {
    private final Database db;

    public ConsistencyRepository(Database db) {
        this.db = db;
    }

    /** A row whose reference leads nowhere ({@code PRAGMA foreign_key_check}). */
    public record DanglingReference(String table, long rowId, String parentTable) {
    }

    /** A task as stored, with what the program derived from its deadline phrase, and its active shares. */
    public record StoredTask(long id, long meetingId, int seq, String deadline, String dueDate, boolean ongoing,
                             int assignments) {
    }

    /** An assignment whose responsible unit is missing from the roster. */
    public record UnitlessAssignment(long assignmentId, long meetingId, int seq, long unitId) {
    }

    public List<DanglingReference> danglingReferences() {
        return db.read(c -> {
            List<DanglingReference> list = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA foreign_key_check")) {
                while (rs.next()) {
                    list.add(new DanglingReference(rs.getString(1), rs.getLong(2), rs.getString(3)));
                }
            }
            return list;
        });
    }

    public List<UnitlessAssignment> assignmentsWithoutUnit() {
        return db.read(c -> {
            List<UnitlessAssignment> list = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT a.id, coalesce(t.meeting_id, 0), coalesce(t.seq, 0), a.unit_id FROM assignment a "
                            + "LEFT JOIN task t ON t.id = a.task_id LEFT JOIN unit u ON u.id = a.unit_id "
                            + "WHERE u.id IS NULL ORDER BY t.meeting_id, t.seq")) {
                while (rs.next()) {
                    list.add(new UnitlessAssignment(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4)));
                }
            }
            return list;
        });
    }

    public List<StoredTask> tasks() {
        return db.read(c -> {
            List<StoredTask> list = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT t.id, t.meeting_id, t.seq, t.deadline, t.due_date, t.ongoing, "
                            + "(SELECT count(*) FROM assignment a WHERE a.task_id = t.id AND a.withdrawn_on IS NULL) "
                            + "FROM task t ORDER BY t.meeting_id, t.seq")) {
                while (rs.next()) {
                    list.add(new StoredTask(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
                            rs.getString(5), rs.getInt(6) != 0, rs.getInt(7)));
                }
            }
            return list;
        });
    }
}
