package org.duban.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.duban.model.Interview;

/** 约谈 records. */
public final class InterviewRepository {
    private static final String SELECT = "SELECT id, unit_id, held_on, leader, attendees, minutes, follow_up_due, "
            + "number_text, created_at FROM interview";
    private final Database db;

    public InterviewRepository(Database db) {
        this.db = db;
    }

    public long insert(Interview i) {
        return db.write(c -> {
            try (PreparedStatement ps = Rows.prepareInsert(c, "INSERT INTO interview (unit_id, held_on, leader, "
                    + "attendees, minutes, follow_up_due, number_text, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, i.unitId());
                Rows.setDate(ps, 2, i.heldOn());
                ps.setString(3, i.leader());
                ps.setString(4, i.attendees());
                ps.setString(5, i.minutes());
                Rows.setDate(ps, 6, i.followUpDue());
                ps.setString(7, i.number());
                ps.setString(8, i.createdAt().toString());
                return Rows.insert(ps);
            }
        });
    }

    /** Every 约谈, by day. */
    public List<Interview> findAll() {
        return db.read(c -> {
            List<Interview> list = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(SELECT + " ORDER BY held_on, id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new Interview(rs.getLong(1), rs.getLong(2), Rows.date(rs, 3), rs.getString(4),
                            rs.getString(5), rs.getString(6), Rows.date(rs, 7), rs.getString(8),
                            Instant.parse(rs.getString(9))));
                }
            }
            return list;
        });
    }
}
