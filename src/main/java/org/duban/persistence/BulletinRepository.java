package org.duban.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.duban.model.BulletinTotals;
import org.duban.model.BulletinUnitLine;
import org.duban.model.IssuedBulletin;

/**
 * The figures of issued bulletins (通报). A bulletin's scope is one meeting's tasks, or every meeting's (null);
 * there is at most one per scope and day.
 */
public final class BulletinRepository {
    private static final String SCOPE = "coalesce(meeting_id, 0) = ?";
    private static final String COLUMNS = "id, meeting_id, as_of, issued_at, tasks, assignments, completed_tasks, "
            + "completed_assignments, closed_assignments, overdue_tasks, overdue_assignments, supervised_tasks";
    private final Database db;

    public BulletinRepository(Database db) {
        this.db = db;
    }

    /** The latest bulletin of the scope issued for a day before {@code day}. */
    public Optional<IssuedBulletin> latestBefore(Long meetingId, LocalDate day) {
        return one("SELECT " + COLUMNS + " FROM bulletin WHERE " + SCOPE + " AND as_of < ? ORDER BY as_of DESC LIMIT 1",
                meetingId, day);
    }

    /** The bulletin of the scope for exactly {@code day}. */
    public Optional<IssuedBulletin> onDay(Long meetingId, LocalDate day) {
        return one("SELECT " + COLUMNS + " FROM bulletin WHERE " + SCOPE + " AND as_of = ?", meetingId, day);
    }

    /** How many bulletins of the scope were issued for days up to and including {@code day} (its 期号). */
    public int countUpTo(Long meetingId, LocalDate day) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM bulletin WHERE " + SCOPE
                    + " AND as_of <= ?")) {
                ps.setLong(1, meetingId == null ? 0 : meetingId);
                ps.setString(2, day.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    /** Every bulletin, newest day first. */
    public List<IssuedBulletin> findAll() {
        return db.read(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM bulletin ORDER BY as_of DESC, id DESC");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            List<IssuedBulletin> list = new ArrayList<>();
            for (long id : ids) {
                try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM bulletin WHERE id = ?")) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        list.add(map(c, rs));
                    }
                }
            }
            return list;
        });
    }

    /** Stores a bulletin's figures, replacing those issued earlier for the same scope and day; returns it with its id. */
    public IssuedBulletin replace(IssuedBulletin b) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM bulletin WHERE " + SCOPE + " AND as_of = ?")) {
                ps.setLong(1, b.meetingId() == null ? 0 : b.meetingId());
                ps.setString(2, b.asOf().toString());
                ps.executeUpdate();
            }
            long id;
            BulletinTotals t = b.totals();
            try (PreparedStatement ps = Rows.prepareInsert(c, "INSERT INTO bulletin (meeting_id, as_of, issued_at, tasks, "
                    + "assignments, completed_tasks, completed_assignments, closed_assignments, overdue_tasks, "
                    + "overdue_assignments, supervised_tasks) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                Rows.setLong(ps, 1, b.meetingId());
                ps.setString(2, b.asOf().toString());
                ps.setString(3, b.issuedAt().toString());
                int[] values = {t.tasks(), t.assignments(), t.completedTasks(), t.completedAssignments(),
                    t.closedAssignments(), t.overdueTasks(), t.overdueAssignments(), t.supervisedTasks()};
                for (int i = 0; i < values.length; i++) {
                    ps.setInt(4 + i, values[i]);
                }
                id = Rows.insert(ps);
            }
            long bulletinId = id;
            Rows.batch(c, "INSERT INTO bulletin_unit (bulletin_id, unit_id, unit_name, assignments, completed, closed, "
                    + "overdue, rate, rank) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", b.units(), (ps, u) -> {
                        ps.setLong(1, bulletinId);
                        ps.setLong(2, u.unitId());
                        ps.setString(3, u.unitName());
                        ps.setInt(4, u.assignments());
                        ps.setInt(5, u.completed());
                        ps.setInt(6, u.closed());
                        ps.setInt(7, u.overdue());
                        ps.setDouble(8, u.rate());
                        ps.setInt(9, u.rank());
                    });
            return new IssuedBulletin(id, b.meetingId(), b.asOf(), b.issuedAt(), t, b.units());
        });
    }

    /** Keeps the audit trail's head printed on an issued bulletin (row and hash). */
    public void recordAuditHead(long bulletinId, long row, String hash) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE bulletin SET audit_row = ?, audit_hash = ? WHERE id = ?")) {
                ps.setLong(1, row);
                ps.setString(2, hash);
                ps.setLong(3, bulletinId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** An issued bulletin's day and the audit head printed on it. */
    public record PrintedHead(long bulletinId, LocalDate asOf, long row, String hash) {
    }

    /** The heads printed on issued bulletins, oldest first. */
    public List<PrintedHead> printedHeads() {
        return db.read(c -> {
            List<PrintedHead> list = new java.util.ArrayList<>();
            try (java.sql.Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, as_of, "
                    + "audit_row, audit_hash FROM bulletin WHERE audit_hash IS NOT NULL ORDER BY audit_row, id")) {
                while (rs.next()) {
                    list.add(new PrintedHead(rs.getLong(1), Rows.date(rs, 2), rs.getLong(3), rs.getString(4)));
                }
            }
            return list;
        });
    }

    private Optional<IssuedBulletin> one(String sql, Long meetingId, LocalDate day) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, meetingId == null ? 0 : meetingId);
                ps.setString(2, day.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(map(c, rs)) : Optional.empty();
                }
            }
        });
    }

    private static IssuedBulletin map(Connection c, ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        BulletinTotals totals = new BulletinTotals(rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8),
                rs.getInt(9), rs.getInt(10), rs.getInt(11), rs.getInt(12));
        IssuedBulletin head = new IssuedBulletin(id, Rows.nullableLong(rs, 2), Rows.date(rs, 3), Rows.instant(rs, 4),
                totals, List.of());
        List<BulletinUnitLine> lines = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT unit_id, unit_name, assignments, completed, closed, "
                + "overdue, rate, rank FROM bulletin_unit WHERE bulletin_id = ? ORDER BY rank, unit_id")) {
            ps.setLong(1, id);
            try (ResultSet u = ps.executeQuery()) {
                while (u.next()) {
                    lines.add(new BulletinUnitLine(u.getLong(1), u.getString(2), u.getInt(3), u.getInt(4), u.getInt(5),
                            u.getInt(6), u.getDouble(7), u.getInt(8)));
                }
            }
        }
        return new IssuedBulletin(id, head.meetingId(), head.asOf(), head.issuedAt(), totals, lines);
    }
}
