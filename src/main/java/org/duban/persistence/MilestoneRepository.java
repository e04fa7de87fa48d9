package org.duban.persistence;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.duban.model.Milestone;
import org.jdbi.v3.core.mapper.RowMapper;

/** 节点 of assignments. */
public final class MilestoneRepository {
    private static final String SELECT = "SELECT id, assignment_id, name, due_on, done_on FROM milestone";
    /**
     * By position, not by name: every light reads every milestone of its scope (69,000 in the benchmark's ledger),
     * and JDBI's constructor mapper spent more on each row than reading it (a profile of the checklist's load).
     */
    private static final RowMapper<Milestone> MAP = (rs, ctx) -> new Milestone(rs.getLong(1), rs.getLong(2),
            Rows.text(rs, 3), Rows.date(rs, 4), Rows.date(rs, 5));
    private final Database db;

    public MilestoneRepository(Database db) {
        this.db = db;
    }

    /** Milestones in scope, by due date. */
    public List<Milestone> find(TaskScope scope) {
        return db.query(h -> JdbiSupport.scoped(h, SELECT, scope.onAssignment("assignment_id"), scope,
                "assignment_id, due_on, id", MAP));
    }

    /**
     * The milestones in scope late on {@code day} (due before it and not done by it: {@link Milestone#isLateOn}), in
     * {@link #find}'s order: all a light on that day reads of the milestones. The checklist read all 69,000 of a
     * large ledger, each with its name and two dates, to find the 8,000 late ones (issue 24).
     */
    public List<Milestone> lateOn(TaskScope scope, LocalDate day) {
        return db.query(h -> {
            var q = h.createQuery(SELECT + " WHERE " + JdbiSupport.named(scope.onAssignment("assignment_id"))
                    + " AND due_on < :day AND (done_on IS NULL OR done_on > :day) ORDER BY assignment_id, due_on, id")
                    .bind("day", day.toString());
            if (scope.hasParameter()) {
                q.bind("scope", scope.id());
            }
            return q.map(MAP).list();
        });
    }

    public Optional<Milestone> findById(long id) {
        return db.query(h -> h.createQuery(SELECT + " WHERE id = :id")
                .bind("id", id)
                .map(MAP)
                .findOne());
    }

    /** Stores a milestone; the one returned has its new id. */
    public Milestone insert(Milestone m) {
        long id = db.update(h -> h.createQuery("INSERT INTO milestone (assignment_id, name, due_on, done_on) "
                        + "VALUES (:assignmentId, :name, :dueOn, :doneOn) RETURNING id")
                .bindMethods(m)
                .mapTo(Long.class)
                .one());
        return new Milestone(id, m.assignmentId(), m.name(), m.dueOn(), m.doneOn());
    }

    public void update(Milestone m) {
        db.update(h -> h.createUpdate("UPDATE milestone SET name = :name, due_on = :dueOn, done_on = :doneOn "
                        + "WHERE id = :id")
                .bindMethods(m)
                .execute());
    }

    public void delete(long id) {
        db.update(h -> h.createUpdate("DELETE FROM milestone WHERE id = :id")
                .bind("id", id)
                .execute());
    }
}
