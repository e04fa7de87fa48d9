package org.duban.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.duban.model.Milestone;

/** 节点 of assignments. */
public final class MilestoneRepository {
    private static final String SELECT = "SELECT id, assignment_id, name, due_on, done_on FROM milestone";
    private final Database db;

    public MilestoneRepository(Database db) {
        this.db = db;
    }

    /** Milestones in scope, by due date. */
    public List<Milestone> find(TaskScope scope) {
        return db.read(c -> Rows.scoped(c, SELECT, scope.onAssignment("assignment_id"), scope,
                "assignment_id, due_on, id", MilestoneRepository::map));
    }

    public Optional<Milestone> findById(long id) {
        return db.read(c -> Rows.byId(c, SELECT, id, MilestoneRepository::map));
    }

    public Milestone insert(Milestone m) {
        return db.write(c -> {
            try (PreparedStatement ps = Rows.prepareInsert(c,
                    "INSERT INTO milestone (assignment_id, name, due_on, done_on) VALUES (?, ?, ?, ?)")) {
                ps.setLong(1, m.assignmentId());
                ps.setString(2, m.name());
                Rows.setDate(ps, 3, m.dueOn());
                Rows.setDate(ps, 4, m.doneOn());
                return new Milestone(Rows.insert(ps), m.assignmentId(), m.name(), m.dueOn(), m.doneOn());
            }
        });
    }

    public void update(Milestone m) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE milestone SET name = ?, due_on = ?, done_on = ? WHERE id = ?")) {
                ps.setString(1, m.name());
                Rows.setDate(ps, 2, m.dueOn());
                Rows.setDate(ps, 3, m.doneOn());
                ps.setLong(4, m.id());
                return ps.executeUpdate();
            }
        });
    }

    public void delete(long id) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM milestone WHERE id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate();
            }
        });
    }

    private static Milestone map(ResultSet rs) throws SQLException {
        return new Milestone(rs.getLong(1), rs.getLong(2), rs.getString(3), Rows.date(rs, 4), Rows.date(rs, 5));
    }
}
