package org.duban.persistence;

import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The queries behind the {@code check} command: rows that point at nothing, and the raw stored values that
 * the program's own rules are checked against. Reads only.
 */
public final class ConsistencyRepository {
    /**
     * By position, not by name: {@code check} reads every task of a ledger (10,000 in the benchmark), and the
     * flag {@code ongoing} is a 0/1 integer.
     */
    private static final RowMapper<StoredTask> TASK = (rs, ctx) -> new StoredTask(rs.getLong(1), rs.getLong(2),
            rs.getInt(3), rs.getString(4), rs.getString(5), rs.getInt(6) != 0, rs.getInt(7));
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

    /**
     * SQLite only: its own report of foreign keys that lead nowhere ({@code PRAGMA foreign_key_check}: table,
     * rowid, parent table). A server that enforces every foreign key has none to report: PostgreSQL checks each
     * reference when its row is written and cannot be told to skip it, so on a shared ledger the list is empty.
     */
    public List<DanglingReference> danglingReferences() {
        if (db.isShared()) {
            return List.of();
        }
        return db.query(h -> h.createQuery("PRAGMA foreign_key_check")
                .map((rs, ctx) -> new DanglingReference(rs.getString(1), rs.getLong(2), rs.getString(3)))
                .list());
    }

    /** Assignments whose unit is not in the roster, by meeting and 序号 (a share without its task first). */
    public List<UnitlessAssignment> assignmentsWithoutUnit() {
        return db.query(h -> h.createQuery("SELECT a.id AS assignment_id, coalesce(t.meeting_id, 0) AS meeting_id, "
                        + "coalesce(t.seq, 0) AS seq, a.unit_id FROM assignment a "
                        + "LEFT JOIN task t ON t.id = a.task_id LEFT JOIN unit u ON u.id = a.unit_id "
                        + "WHERE u.id IS NULL ORDER BY t.meeting_id NULLS FIRST, t.seq NULLS FIRST, a.id")
                .map(JdbiSupport.record(UnitlessAssignment.class))
                .list());
    }

    /** Every task as stored, by meeting and 序号. */
    public List<StoredTask> tasks() {
        return db.query(h -> h.createQuery("SELECT t.id, t.meeting_id, t.seq, t.deadline, t.due_date, t.ongoing, "
                        + "(SELECT count(*) FROM assignment a WHERE a.task_id = t.id AND a.withdrawn_on IS NULL) "
                        + "FROM task t ORDER BY t.meeting_id, t.seq")
                .map(TASK)
                .list());
    }
}
