package org.duban.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.duban.model.Notice;
import org.duban.model.NoticeLevel;
import org.duban.model.NoticeShare;

/** 催办单 and 督办通知书 with the shares they list, and the 文号 counters (which only rise). */
public final class NoticeRepository {
    private static final String SELECT = "SELECT id, unit_id, level, issued_on, response_due, draft, number_year, "
            + "number_seq, number_text, response_on, response_text, created_at FROM notice";
    private final Database db;

    public NoticeRepository(Database db) {
        this.db = db;
    }

    /** Stores a new notice with its shares; returns it with its id. */
    public Notice insert(Notice n) {
        return db.write(c -> {
            long id;
            try (PreparedStatement ps = Rows.prepareInsert(c, "INSERT INTO notice (unit_id, level, issued_on, "
                    + "response_due, draft, number_year, number_seq, number_text, response_on, response_text, "
                    + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, n.unitId());
                ps.setInt(2, n.level().number());
                Rows.setDate(ps, 3, n.issuedOn());
                Rows.setDate(ps, 4, n.responseDue());
                ps.setInt(5, n.draft() ? 1 : 0);
                setInt(ps, 6, n.numberYear());
                setInt(ps, 7, n.numberSeq());
                ps.setString(8, n.number());
                Rows.setDate(ps, 9, n.responseOn());
                ps.setString(10, n.responseText());
                ps.setString(11, n.createdAt().toString());
                id = Rows.insert(ps);
            }
            List<NoticeShare> shares = n.shares();
            for (int i = 0; i < shares.size(); i++) {
                NoticeShare s = shares.get(i);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO notice_share (notice_id, position, task_id, "
                        + "assignment_id, task_label, deadline, days_overdue, last_report) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setLong(1, id);
                    ps.setInt(2, i + 1);
                    Rows.setLong(ps, 3, s.taskId());
                    Rows.setLong(ps, 4, s.assignmentId());
                    ps.setString(5, s.taskLabel());
                    ps.setString(6, s.deadline());
                    setInt(ps, 7, s.daysOverdue());
                    ps.setString(8, s.lastReport());
                    ps.executeUpdate();
                }
            }
            return n.withId(id);
        });
    }

    /**
     * Takes the next number of a series and year and raises its counter: call inside the transaction that stores
     * the notice. The counter never goes down, so a number is never given twice.
     */
    public int takeNumber(String series, int year) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO notice_counter (series, year, last) "
                    + "VALUES (?, ?, 1) ON CONFLICT (series, year) DO UPDATE SET last = last + 1")) {
                ps.setString(1, series);
                ps.setInt(2, year);
                ps.executeUpdate();
            }
            return lastNumber(c, series, year);
        });
    }

    /** The last number given in a series and year (0: none yet). */
    public int lastNumber(String series, int year) {
        return db.read(c -> lastNumber(c, series, year));
    }

    private static int lastNumber(Connection c, String series, int year) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last FROM notice_counter WHERE series = ? AND year = ?")) {
            ps.setString(1, series);
            ps.setInt(2, year);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    /** Gives a draft its number (it is no longer a draft). */
    public void setNumber(long id, int year, int seq, String text) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE notice SET draft = 0, number_year = ?, "
                    + "number_seq = ?, number_text = ? WHERE id = ?")) {
                ps.setInt(1, year);
                ps.setInt(2, seq);
                ps.setString(3, text);
                ps.setLong(4, id);
                return ps.executeUpdate();
            }
        });
    }

    /** Records (or clears, with a null day) the unit's response. */
    public void setResponse(long id, LocalDate on, String text) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE notice SET response_on = ?, response_text = ? "
                    + "WHERE id = ?")) {
                Rows.setDate(ps, 1, on);
                ps.setString(2, text == null ? "" : text);
                ps.setLong(3, id);
                return ps.executeUpdate();
            }
        });
    }

    public void delete(long id) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM notice WHERE id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate();
            }
        });
    }

    public Optional<Notice> findById(long id) {
        return db.read(c -> {
            List<Notice> list = query(c, SELECT + " WHERE id = ?", ps -> ps.setLong(1, id));
            return list.stream().findFirst();
        });
    }

    /** Every notice, by day issued and id. */
    public List<Notice> findAll() {
        return db.read(c -> query(c, SELECT + " ORDER BY issued_on, id", ps -> { }));
    }

    public List<Notice> findByUnit(long unitId) {
        return db.read(c -> query(c, SELECT + " WHERE unit_id = ? ORDER BY issued_on, id", ps -> ps.setLong(1, unitId)));
    }

    /** The notices that list a task, by day issued. */
    public List<Notice> findByTask(long taskId) {
        return db.read(c -> query(c, SELECT + " WHERE id IN (SELECT notice_id FROM notice_share WHERE task_id = ?) "
                + "ORDER BY issued_on, id", ps -> ps.setLong(1, taskId)));
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private static List<Notice> query(Connection c, String sql, Binder binder) throws SQLException {
        List<Notice> heads = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    heads.add(new Notice(rs.getLong(1), rs.getLong(2), NoticeLevel.of(rs.getInt(3)), Rows.date(rs, 4),
                            Rows.date(rs, 5), rs.getInt(6) == 1, nullableInt(rs, 7), nullableInt(rs, 8),
                            rs.getString(9), Rows.date(rs, 10), rs.getString(11), Instant.parse(rs.getString(12)),
                            List.of()));
                }
            }
        }
        List<Notice> full = new ArrayList<>(heads.size());
        try (PreparedStatement ps = c.prepareStatement("SELECT task_id, assignment_id, task_label, deadline, "
                + "days_overdue, last_report FROM notice_share WHERE notice_id = ? ORDER BY position")) {
            for (Notice n : heads) {
                ps.setLong(1, n.id());
                List<NoticeShare> shares = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        shares.add(new NoticeShare(Rows.nullableLong(rs, 1), Rows.nullableLong(rs, 2), rs.getString(3),
                                rs.getString(4), nullableInt(rs, 5), rs.getString(6)));
                    }
                }
                full.add(new Notice(n.id(), n.unitId(), n.level(), n.issuedOn(), n.responseDue(), n.draft(),
                        n.numberYear(), n.numberSeq(), n.number(), n.responseOn(), n.responseText(), n.createdAt(),
                        shares));
            }
        }
        return full;
    }

    private static Integer nullableInt(ResultSet rs, int col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }

    private static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }
}
