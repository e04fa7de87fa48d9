package org.duban.persistence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.duban.model.Meeting;
import org.duban.model.MeetingDetails;
import org.duban.model.MeetingSpeaker;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Meetings (交办会, 调度会, 推进会) and what is recorded about each: speakers, venues, units, reviewed tasks. */
public final class MeetingRepository {
    private static final String SELECT = "SELECT id, kind, held_on, title, notes FROM meeting";
    private final Database db;

    public MeetingRepository(Database db) {
        this.db = db;
    }

    /** Every meeting, newest first. */
    public List<Meeting> findAll() {
        return db.query(h -> h.createQuery(SELECT + " ORDER BY held_on DESC, id DESC")
                .map(JdbiSupport.record(Meeting.class))
                .list());
    }

    public Optional<Meeting> findById(long id) {
        return db.query(h -> h.createQuery(SELECT + " WHERE id = :id")
                .bind("id", id)
                .map(JdbiSupport.record(Meeting.class))
                .findOne());
    }

    public Meeting insert(Meeting meeting) {
        return db.update(h -> insert(h, meeting));
    }

    /** A new meeting with its details, on one handle in one transaction; returns it with its id. */
    public MeetingDetails insert(MeetingDetails details) {
        return db.update(h -> {
            MeetingDetails stored = details.withMeeting(insert(h, details.meeting()));
            writeDetails(h, stored);
            return stored;
        });
    }

    /** Replaces a stored meeting's heading and details, in one transaction. */
    public void update(MeetingDetails details) {
        db.update(h -> {
            Meeting m = details.meeting();
            int changed = h.createUpdate("UPDATE meeting SET kind = :kind, held_on = :heldOn, title = :title, "
                            + "notes = :notes WHERE id = :id")
                    .bindMethods(m)
                    .execute();
            if (changed != 1) {
                throw new PersistenceException("meetings.error.gone");
            }
            for (String table : List.of("meeting_speaker", "meeting_unit", "meeting_task")) {
                h.createUpdate("DELETE FROM " + table + " WHERE meeting_id = :id")
                        .bind("id", m.id())
                        .execute();
            }
            writeDetails(h, details);
            return null;
        });
    }

    /** Removes a meeting with its details and bulletins (the caller has checked it issued no tasks). */
    public void delete(long id) {
        db.update(h -> h.createUpdate("DELETE FROM meeting WHERE id = :id")
                .bind("id", id)
                .execute());
    }

    /** How many tasks a meeting issued (tasks whose meeting it is). */
    public int issuedTaskCount(long meetingId) {
        return db.query(h -> h.createQuery("SELECT count(*) FROM task WHERE meeting_id = :meetingId")
                .bind("meetingId", meetingId)
                .mapTo(Integer.class)
                .one());
    }

    /** A meeting with everything recorded about it. */
    public Optional<MeetingDetails> details(long id) {
        return db.query(h -> {
            Optional<Meeting> found = h.createQuery(SELECT + " WHERE id = :id")
                    .bind("id", id)
                    .map(JdbiSupport.record(Meeting.class))
                    .findOne();
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Venue venue = h.createQuery("SELECT video, main_venue FROM meeting WHERE id = :id")
                    .bind("id", id)
                    .map((rs, ctx) -> new Venue(rs.getInt(1) != 0, rs.getString(2)))
                    .one();
            List<MeetingSpeaker> speakers = h.createQuery("SELECT role, name, post FROM meeting_speaker "
                            + "WHERE meeting_id = :id ORDER BY position")
                    .bind("id", id)
                    .map(JdbiSupport.record(MeetingSpeaker.class))
                    .list();
            List<Long> subVenues = new ArrayList<>();
            List<Long> attending = new ArrayList<>();
            Map<Integer, Long> pledges = new TreeMap<>();
            List<UnitPart> parts = h.createQuery("SELECT mu.unit_id, mu.sub_venue, mu.attends, mu.pledge_position "
                            + "FROM meeting_unit mu JOIN unit u ON u.id = mu.unit_id WHERE mu.meeting_id = :id "
                            + "ORDER BY u.sort_order, u.id")
                    .bind("id", id)
                    .map((rs, ctx) -> new UnitPart(rs.getLong(1), rs.getInt(2) != 0, rs.getInt(3) != 0,
                            JdbiSupport.nullableInt(rs, 4)))
                    .list();
            for (UnitPart p : parts) {
                if (p.subVenue()) {
                    subVenues.add(p.unitId());
                }
                if (p.attends()) {
                    attending.add(p.unitId());
                }
                if (p.pledgePosition() != null) {
                    pledges.put(p.pledgePosition(), p.unitId());
                }
            }
            List<Long> tasks = h.createQuery("SELECT mt.task_id FROM meeting_task mt JOIN task t ON t.id = mt.task_id "
                            + "WHERE mt.meeting_id = :id ORDER BY t.meeting_id, t.seq")
                    .bind("id", id)
                    .mapTo(Long.class)
                    .list();
            return Optional.of(new MeetingDetails(found.get(), venue.video(), venue.mainVenue(), speakers, subVenues,
                    attending, List.copyOf(pledges.values()), tasks));
        });
    }

    /** How a meeting was held: the meeting row's columns beyond its {@link Meeting} heading. */
    private record Venue(boolean video, String mainVenue) {
    }

    /** A unit's part in a meeting, as {@code meeting_unit} keeps it (pledge position null: no pledge). */
    private record UnitPart(long unitId, boolean subVenue, boolean attends, Integer pledgePosition) {
    }

    private static Meeting insert(Handle h, Meeting meeting) {
        long id = h.createQuery("INSERT INTO meeting (kind, held_on, title, notes) "
                        + "VALUES (:kind, :heldOn, :title, :notes) RETURNING id")
                .bindMethods(meeting)
                .mapTo(Long.class)
                .one();
        return meeting.withId(id);
    }

    private static void writeDetails(Handle h, MeetingDetails d) {
        long id = d.id();
        h.createUpdate("UPDATE meeting SET video = :video, main_venue = :mainVenue WHERE id = :id")
                .bind("video", d.video() ? 1 : 0)
                .bind("mainVenue", d.mainVenue())
                .bind("id", id)
                .execute();
        PreparedBatch speakers = h.prepareBatch("INSERT INTO meeting_speaker (meeting_id, position, role, name, post) "
                + "VALUES (:id, :position, :role, :name, :post)");
        int position = 1;
        for (MeetingSpeaker s : d.speakers()) {
            speakers.bind("id", id).bind("position", position++).bindMethods(s).add();
        }
        JdbiSupport.runBatch(speakers);
        Map<Long, int[]> units = new LinkedHashMap<>(); // unit → {sub venue, attends, pledge position}
        d.subVenueUnitIds().forEach(u -> units.computeIfAbsent(u, k -> new int[3])[0] = 1);
        d.attendingUnitIds().forEach(u -> units.computeIfAbsent(u, k -> new int[3])[1] = 1);
        for (int i = 0; i < d.pledgeUnitIds().size(); i++) {
            int[] row = units.computeIfAbsent(d.pledgeUnitIds().get(i), k -> new int[3]);
            if (row[2] == 0) {
                row[2] = i + 1;
            }
        }
        PreparedBatch unitRows = h.prepareBatch("INSERT INTO meeting_unit (meeting_id, unit_id, sub_venue, attends, "
                + "pledge_position) VALUES (:id, :unit, :subVenue, :attends, :pledge)");
        units.forEach((unit, row) -> unitRows.bind("id", id)
                .bind("unit", unit)
                .bind("subVenue", row[0])
                .bind("attends", row[1])
                .bind("pledge", row[2] == 0 ? null : (Integer) row[2])
                .add());
        JdbiSupport.runBatch(unitRows);
        // a task named twice is reviewed once
        PreparedBatch tasks = h.prepareBatch("INSERT INTO meeting_task (meeting_id, task_id) VALUES (:id, :task) "
                + "ON CONFLICT (meeting_id, task_id) DO NOTHING");
        for (long task : d.reviewedTaskIds()) {
            tasks.bind("id", id).bind("task", task).add();
        }
        JdbiSupport.runBatch(tasks);
    }
}
