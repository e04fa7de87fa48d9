package org.duban.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The queries behind the tracking rules of {@code check}: close-out applications, evidence files and tracking
 * records as stored, whatever wrote them. Dates come back as the text in the file, since another tool may
 * have written anything there. Reads only.
 */
public final class TrackingConsistencyRepository {
    /** Joins that name an assignment in a message: its meeting, 序号 and unit. */
    private static final String PLACE = "coalesce(t.meeting_id, 0), coalesce(t.seq, 0), coalesce(u.name, '')";
    private static final String PLACE_JOINS = " LEFT JOIN assignment a ON a.id = x.assignment_id "
            + "LEFT JOIN task t ON t.id = a.task_id LEFT JOIN unit u ON u.id = a.unit_id ";

    /**
     * No assignment or no task: a typed NULL, so that PostgreSQL can match the UNION's columns (two untyped NULLs
     * become text there, which a later bigint does not match).
     */
    private static final String NONE = "CAST(NULL AS BIGINT)";

    /**
     * The tables whose every row the program writes together with a CREATE row of the audit trail, and the
     * audit entity that names them. They all came with the audit trail (schema version 2), so no row of them
     * predates it. Tasks and assignments are not here: a ledger of schema version 1 has them without history.
     */
    private static final List<Audited> AUDITED = List.of(
            new Audited("REPORT", "progress_report", "id", "assignment_id", NONE),
            new Audited("MILESTONE", "milestone", "id", "assignment_id", NONE),
            new Audited("CLOSE_OUT", "close_out", "id", "assignment_id", NONE),
            new Audited("EVIDENCE", "evidence", "id", "assignment_id", NONE),
            new Audited("SUPERVISION", "supervision", "task_id", NONE, "task_id"),
            new Audited("INSPECTION", "inspection", "id", NONE, NONE),
            new Audited("FINDING", "inspection_finding", "id", NONE, "task_id"));

    private record Audited(String entity, String table, String id, String assignment, String task) {
        String missing() {
            return "SELECT '" + entity + "' AS entity, " + id + " AS rid, " + assignment + " AS aid, " + task
                    + " AS tid FROM " + table + " WHERE " + id + " NOT IN (SELECT entity_id FROM audit_log "
                    + "WHERE entity = '" + entity + "' AND action = 'CREATE')";
        }
    }

    /*
     * By position, not by name: check reads every application and every evidence file of a ledger (a ledger of
     * 10,000 tasks has thousands), and the place is a record of its own. Dates stay text: another tool may have
     * written anything there.
     */
    private static final RowMapper<StoredCloseOut> CLOSE_OUT = (rs, ctx) -> new StoredCloseOut(rs.getLong(1),
            rs.getLong(2), place(rs, 3), rs.getString(6), rs.getString(7), JdbiSupport.nullableInt(rs, 8),
            rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12));
    private static final RowMapper<StoredEvidence> EVIDENCE = (rs, ctx) -> new StoredEvidence(rs.getLong(1),
            rs.getLong(2), place(rs, 3), rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getString(9));
    private final Database db;

    public TrackingConsistencyRepository(Database db) {
        this.db = db;
    }

    /** Where a record belongs, for messages: meeting 0 and 序号 0 when it belongs to no task. */
    public record Place(long meetingId, int seq, String unit) {
    }

    /** A close-out application as stored. */
    public record StoredCloseOut(long id, long assignmentId, Place place, String appliedOn, String verifiedOn,
                                 Integer passed, String noticeFrom, String noticeTo, String closedOn,
                                 String reopenedOn) {
    }

    /** An evidence file's description as stored, and the length of the bytes actually kept. */
    public record StoredEvidence(long id, long assignmentId, Place place, String fileName, long sizeBytes,
                                 long storedBytes, String sha256) {
    }

    /** A tracking record without its CREATE row in the audit trail. */
    public record Unaudited(String entity, long id, Place place) {
    }

    /** Every application as stored, by meeting, 序号, unit, day applied and entry (those of no task first). */
    public List<StoredCloseOut> closeOuts() {
        return db.query(h -> h.createQuery("SELECT x.id, x.assignment_id, " + PLACE + ", x.applied_on, x.verified_on, "
                        + "x.verification_passed, x.notice_from, x.notice_to, x.closed_on, x.reopened_on "
                        + "FROM close_out x" + PLACE_JOINS + "ORDER BY t.meeting_id NULLS FIRST, t.seq NULLS FIRST, "
                        + "u.sort_order NULLS FIRST, x.applied_on, x.id")
                .map(CLOSE_OUT)
                .list());
    }

    /** Every evidence file's description as stored and the length of its bytes, by entry. */
    public List<StoredEvidence> evidence() {
        return db.query(h -> h.createQuery("SELECT x.id, x.assignment_id, " + PLACE + ", x.file_name, x.size_bytes, "
                        + "length(x.content), x.sha256 FROM evidence x" + PLACE_JOINS + "ORDER BY x.id")
                .map(EVIDENCE)
                .list());
    }

    /** Tracking records that have no CREATE row in the audit trail, by entity and id. */
    public List<Unaudited> unaudited() {
        String sql = "SELECT m.entity, m.rid, " + PLACE + " FROM ("
                + String.join(" UNION ALL ", AUDITED.stream().map(Audited::missing).toList()) + ") m "
                + "LEFT JOIN assignment a ON a.id = m.aid "
                + "LEFT JOIN task t ON t.id = coalesce(m.tid, a.task_id) LEFT JOIN unit u ON u.id = a.unit_id "
                + "ORDER BY m.entity, m.rid";
        return db.query(h -> h.createQuery(sql)
                .map((rs, ctx) -> new Unaudited(rs.getString(1), rs.getLong(2), place(rs, 3)))
                .list());
    }

    private static Place place(ResultSet rs, int first) throws SQLException {
        return new Place(rs.getLong(first), rs.getInt(first + 1), rs.getString(first + 2));
    }
}
