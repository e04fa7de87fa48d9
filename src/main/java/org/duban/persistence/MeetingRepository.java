package org.duban.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.duban.model.Meeting;
import org.duban.model.MeetingKind;

/** Meetings (交办会, 调度会, 推进会). */
public final class MeetingRepository {
    private static final String COLUMNS = "id, kind, held_on, title, notes";
    private final Database db;

    public MeetingRepository(Database db) {
        this.db = db;
    }

    /** Every meeting, newest first. */
    public List<Meeting> findAll() {
        return db.read(c -> {
            List<Meeting> list = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT " + COLUMNS + " FROM meeting ORDER BY held_on DESC, id DESC")) {
                while (rs.next()) {
                    list.add(map(rs));
                }
            }
            return list;
        });
    }

    public Optional<Meeting> findById(long id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM meeting WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(map(rs)) : Optional.empty();
                }
            }
        });
    }

    public Meeting insert(Meeting meeting) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO meeting (kind, held_on, title, notes) VALUES (?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, meeting.kind().name());
                ps.setString(2, meeting.heldOn().toString());
                ps.setString(3, meeting.title());
                ps.setString(4, meeting.notes());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return meeting.withId(keys.getLong(1));
                }
            }
        });
    }

    private static Meeting map(ResultSet rs) throws SQLException {
        return new Meeting(rs.getLong(1), MeetingKind.valueOf(rs.getString(2)), LocalDate.parse(rs.getString(3)),
                rs.getString(4), rs.getString(5));
    }
}
