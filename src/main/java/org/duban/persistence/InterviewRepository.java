package org.duban.persistence;

import java.util.List;
import org.duban.model.Interview;

/** 约谈 records. */
public final class InterviewRepository {
    private static final String SELECT = "SELECT id, unit_id, held_on, leader, attendees, minutes, follow_up_due, "
            + "number_text AS number, created_at FROM interview";
    private final Database db;

    public InterviewRepository(Database db) {
        this.db = db;
    }

    /** Stores a 约谈 and returns its id. */
    public long insert(Interview i) {
        return db.update(h -> h.createQuery("INSERT INTO interview (unit_id, held_on, leader, attendees, minutes, "
                        + "follow_up_due, number_text, created_at) VALUES (:unitId, :heldOn, :leader, :attendees, "
                        + ":minutes, :followUpDue, :number, :createdAt) RETURNING id")
                .bindMethods(i)
                .mapTo(Long.class)
                .one());
    }

    /** Every 约谈, by day. */
    public List<Interview> findAll() {
        return db.query(h -> h.createQuery(SELECT + " ORDER BY held_on, id")
                .map(JdbiSupport.record(Interview.class))
                .list());
    }
}
