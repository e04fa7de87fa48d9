package org.duban.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.duban.model.Meeting;
import org.duban.model.MeetingDetails;
import org.duban.model.MeetingKind;
import org.duban.model.MeetingRole;
import org.duban.model.MeetingSpeaker;

/** Meetings (交办会, 调度会, 推进会) and what is recorded about each: speakers, venues, units, reviewed tasks. */
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
                    "INSERT INTO meeting (kind, held_on, title, notes) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, meeting.kind().name());
                ps.setString(2, meeting.heldOn().toString());
                ps.setString(3, meeting.title());
                ps.setString(4, meeting.notes());
                return meeting.withId(Rows.insert(ps));
            }
        });
    }

    /** A new meeting with its details, in one transaction; returns it with its id. */
    public MeetingDetails insert(MeetingDetails details) {
        return db.write(c -> {
            Meeting m = insert(details.meeting());
            MeetingDetails stored = details.withMeeting(m);
            writeDetails(c, stored);
            return stored;
        });
    }

    /** Replaces a stored meeting's heading and details, in one transaction. */
    public void update(MeetingDetails details) {
        db.write(c -> {
            Meeting m = details.meeting();
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE meeting SET kind = ?, held_on = ?, title = ?, notes = ? WHERE id = ?")) {
                ps.setString(1, m.kind().name());
                ps.setString(2, m.heldOn().toString());
                ps.setString(3, m.title());
                ps.setString(4, m.notes());
                ps.setLong(5, m.id());
                if (ps.executeUpdate() != 1) {
                    throw new PersistenceException("meetings.error.gone");
                }
            }
            for (String table : List.of("meeting_speaker", "meeting_unit", "meeting_task")) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE meeting_id = ?")) {
                    ps.setLong(1, m.id());
                    ps.executeUpdate();
                }
            }
            writeDetails(c, details);
            return null;
        });
    }

    /** Removes a meeting with its details and bulletins (the caller has checked it issued no tasks). */
    public void delete(long id) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM meeting WHERE id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate();
            }
        });
    }

    /** How many tasks a meeting issued (tasks whose meeting it is). */
    public int issuedTaskCount(long meetingId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM task WHERE meeting_id = ?")) {
                ps.setLong(1, meetingId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    /** A meeting with everything recorded about it. */
    public Optional<MeetingDetails> details(long id) {
        return db.read(c -> {
            Optional<Meeting> found = findById(id);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            boolean video;
            String mainVenue;
            try (PreparedStatement ps = c.prepareStatement("SELECT video, main_venue FROM meeting WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    video = rs.getInt(1) != 0;
                    mainVenue = rs.getString(2);
                }
            }
            List<MeetingSpeaker> speakers = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT role, name, post FROM meeting_speaker WHERE meeting_id = ? ORDER BY position")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        speakers.add(new MeetingSpeaker(MeetingRole.valueOf(rs.getString(1)), rs.getString(2),
                                rs.getString(3)));
                    }
                }
            }
            List<Long> subVenues = new ArrayList<>();
            List<Long> attending = new ArrayList<>();
            Map<Integer, Long> pledges = new java.util.TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT mu.unit_id, mu.sub_venue, mu.attends, mu.pledge_position FROM meeting_unit mu "
                            + "JOIN unit u ON u.id = mu.unit_id WHERE mu.meeting_id = ? ORDER BY u.sort_order, u.id")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long unit = rs.getLong(1);
                        if (rs.getInt(2) != 0) {
                            subVenues.add(unit);
                        }
                        if (rs.getInt(3) != 0) {
                            attending.add(unit);
                        }
                        int pledge = rs.getInt(4);
                        if (!rs.wasNull()) {
                            pledges.put(pledge, unit);
                        }
                    }
                }
            }
            List<Long> tasks = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT mt.task_id FROM meeting_task mt JOIN task t ON t.id = mt.task_id "
                            + "WHERE mt.meeting_id = ? ORDER BY t.meeting_id, t.seq")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        tasks.add(rs.getLong(1));
                    }
                }
            }
            return Optional.of(new MeetingDetails(found.get(), video, mainVenue, speakers, subVenues, attending,
                    List.copyOf(pledges.values()), tasks));
        });
    }

    private static void writeDetails(Connection c, MeetingDetails d) throws SQLException {
        long id = d.id();
        try (PreparedStatement ps = c.prepareStatement("UPDATE meeting SET video = ?, main_venue = ? WHERE id = ?")) {
            ps.setInt(1, d.video() ? 1 : 0);
            ps.setString(2, d.mainVenue());
            ps.setLong(3, id);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO meeting_speaker (meeting_id, position, role, name, post) VALUES (?, ?, ?, ?, ?)")) {
            int position = 1;
            for (MeetingSpeaker s : d.speakers()) {
                ps.setLong(1, id);
                ps.setInt(2, position++);
                ps.setString(3, s.role().name());
                ps.setString(4, s.name());
                ps.setString(5, s.post());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        Map<Long, int[]> units = new LinkedHashMap<>(); // unit → {sub venue, attends, pledge position}
        d.subVenueUnitIds().forEach(u -> units.computeIfAbsent(u, k -> new int[3])[0] = 1);
        d.attendingUnitIds().forEach(u -> units.computeIfAbsent(u, k -> new int[3])[1] = 1);
        for (int i = 0; i < d.pledgeUnitIds().size(); i++) {
            int[] row = units.computeIfAbsent(d.pledgeUnitIds().get(i), k -> new int[3]);
            if (row[2] == 0) {
                row[2] = i + 1;
            }
        }
        Rows.batch(c, "INSERT INTO meeting_unit (meeting_id, unit_id, sub_venue, attends, pledge_position) "
                + "VALUES (?, ?, ?, ?, ?)", units.entrySet(), (ps, e) -> {
                    ps.setLong(1, id);
                    ps.setLong(2, e.getKey());
                    ps.setInt(3, e.getValue()[0]);
                    ps.setInt(4, e.getValue()[1]);
                    Rows.setLong(ps, 5, e.getValue()[2] == 0 ? null : (long) e.getValue()[2]);
                });
        Rows.batch(c, "INSERT OR IGNORE INTO meeting_task (meeting_id, task_id) VALUES (?, ?)", d.reviewedTaskIds(),
                (ps, task) -> {
                    ps.setLong(1, id);
                    ps.setLong(2, task);
                });
    }

    private static Meeting map(ResultSet rs) throws SQLException {
        return new Meeting(rs.getLong(1), MeetingKind.valueOf(rs.getString(2)), LocalDate.parse(rs.getString(3)),
                rs.getString(4), rs.getString(5));
    }
}
