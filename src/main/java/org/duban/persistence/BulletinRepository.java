package org.duban.persistence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.duban.model.BulletinTotals;
import org.duban.model.BulletinUnitLine;
import org.duban.model.IssuedBulletin;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The figures of issued bulletins (通报). A bulletin's scope is one meeting's tasks, or every meeting's (null);
 * there is at most one per scope and day.
 */
public final class BulletinRepository {
    /** The scope as the unique index keys it: every meeting's bulletins under 0. */
    private static final String SCOPE = "coalesce(meeting_id, 0) = :scope";
    private static final String SELECT = "SELECT id, meeting_id, as_of, issued_at, tasks, assignments, "
            + "completed_tasks, completed_assignments, closed_assignments, overdue_tasks, overdue_assignments, "
            + "supervised_tasks FROM bulletin";
    /** A bulletin's heading and totals, by position (the totals are a record of their own); its lines come later. */
    private static final RowMapper<IssuedBulletin> HEAD = (rs, ctx) -> new IssuedBulletin(rs.getLong(1),
            Rows.nullableLong(rs, 2), Rows.date(rs, 3), Rows.instant(rs, 4), new BulletinTotals(rs.getInt(5),
            rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getInt(11), rs.getInt(12)),
            List.of());
    /** A unit's line (by position) and the bulletin it belongs to. */
    private static final RowMapper<Line> LINE = (rs, ctx) -> new Line(rs.getLong(1), new BulletinUnitLine(
            rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getDouble(8),
            rs.getInt(9)));
    private final Database db;

    public BulletinRepository(Database db) {
        this.db = db;
    }

    /** The latest bulletin of the scope issued for a day before {@code day}. */
    public Optional<IssuedBulletin> latestBefore(Long meetingId, LocalDate day) {
        return one(SELECT + " WHERE " + SCOPE + " AND as_of < :day ORDER BY as_of DESC LIMIT 1", meetingId, day);
    }

    /** The bulletin of the scope for exactly {@code day}. */
    public Optional<IssuedBulletin> onDay(Long meetingId, LocalDate day) {
        return one(SELECT + " WHERE " + SCOPE + " AND as_of = :day", meetingId, day);
    }

    /** How many bulletins of the scope were issued for days up to and including {@code day} (its 期号). */
    public int countUpTo(Long meetingId, LocalDate day) {
        return db.query(h -> h.createQuery("SELECT count(*) FROM bulletin WHERE " + SCOPE + " AND as_of <= :day")
                .bind("scope", scope(meetingId))
                .bind("day", day)
                .mapTo(Integer.class)
                .one());
    }

    /** Every bulletin, newest day first. */
    public List<IssuedBulletin> findAll() {
        return db.query(h -> withLines(h, h.createQuery(SELECT + " ORDER BY as_of DESC, id DESC").map(HEAD).list()));
    }

    /** Stores a bulletin's figures, replacing those issued earlier for the same scope and day; returns it with its id. */
    public IssuedBulletin replace(IssuedBulletin b) {
        return db.update(h -> {
            h.createUpdate("DELETE FROM bulletin WHERE " + SCOPE + " AND as_of = :asOf")
                    .bind("scope", scope(b.meetingId()))
                    .bind("asOf", b.asOf())
                    .execute();
            long id = h.createQuery("INSERT INTO bulletin (meeting_id, as_of, issued_at, tasks, assignments, "
                            + "completed_tasks, completed_assignments, closed_assignments, overdue_tasks, "
                            + "overdue_assignments, supervised_tasks) VALUES (:meetingId, :asOf, :issuedAt, :t.tasks, "
                            + ":t.assignments, :t.completedTasks, :t.completedAssignments, :t.closedAssignments, "
                            + ":t.overdueTasks, :t.overdueAssignments, :t.supervisedTasks) RETURNING id")
                    .bindMethods(b)
                    .bindMethods("t", b.totals())
                    .mapTo(Long.class)
                    .one();
            PreparedBatch lines = h.prepareBatch("INSERT INTO bulletin_unit (bulletin_id, unit_id, unit_name, "
                    + "assignments, completed, closed, overdue, rate, rank) VALUES (:bulletinId, :unitId, :unitName, "
                    + ":assignments, :completed, :closed, :overdue, :rate, :rank)");
            for (BulletinUnitLine u : b.units()) {
                lines.bind("bulletinId", id).bindMethods(u).add();
            }
            JdbiSupport.runBatch(lines);
            return new IssuedBulletin(id, b.meetingId(), b.asOf(), b.issuedAt(), b.totals(), b.units());
        });
    }

    /** Keeps the audit trail's head printed on an issued bulletin (row and hash). */
    public void recordAuditHead(long bulletinId, long row, String hash) {
        db.update(h -> h.createUpdate("UPDATE bulletin SET audit_row = :row, audit_hash = :hash WHERE id = :id")
                .bind("row", row)
                .bind("hash", hash)
                .bind("id", bulletinId)
                .execute());
    }

    /** An issued bulletin's day and the audit head printed on it. */
    public record PrintedHead(long bulletinId, LocalDate asOf, long row, String hash) {
    }

    /** The heads printed on issued bulletins, oldest first. */
    public List<PrintedHead> printedHeads() {
        return db.query(h -> h.createQuery("SELECT id, as_of, audit_row, audit_hash FROM bulletin "
                        + "WHERE audit_hash IS NOT NULL ORDER BY audit_row, id")
                .map((rs, ctx) -> new PrintedHead(rs.getLong(1), Rows.date(rs, 2), rs.getLong(3), rs.getString(4)))
                .list());
    }

    private Optional<IssuedBulletin> one(String sql, Long meetingId, LocalDate day) {
        return db.query(h -> withLines(h, h.createQuery(sql)
                .bind("scope", scope(meetingId))
                .bind("day", day)
                .map(HEAD)
                .list()).stream().findFirst());
    }

    /** The scope's key: the meeting, or 0 for every meeting's bulletins. */
    private static long scope(Long meetingId) {
        return meetingId == null ? 0 : meetingId;
    }

    /** The bulletins with their units' lines, by rank (and unit, within a shared rank). */
    private static List<IssuedBulletin> withLines(Handle h, List<IssuedBulletin> heads) {
        Map<Long, List<BulletinUnitLine>> lines = new HashMap<>();
        for (Line l : JdbiSupport.byKeys(heads.stream().map(IssuedBulletin::id).toList(), ids -> h.createQuery(
                        "SELECT bulletin_id, unit_id, unit_name, assignments, completed, closed, overdue, rate, rank "
                                + "FROM bulletin_unit WHERE bulletin_id IN (<ids>) ORDER BY bulletin_id, rank, unit_id")
                .bindList("ids", ids)
                .map(LINE)
                .list())) {
            lines.computeIfAbsent(l.bulletinId(), k -> new ArrayList<>()).add(l.line());
        }
        List<IssuedBulletin> full = new ArrayList<>(heads.size());
        for (IssuedBulletin b : heads) {
            full.add(new IssuedBulletin(b.id(), b.meetingId(), b.asOf(), b.issuedAt(), b.totals(),
                    lines.getOrDefault(b.id(), List.of())));
        }
        return full;
    }

    /** A unit's line and the bulletin it belongs to. */
    private record Line(long bulletinId, BulletinUnitLine line) {
    }
}
