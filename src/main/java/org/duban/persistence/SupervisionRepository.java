package org.duban.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.duban.model.ReportingCycle;
import org.duban.model.Supervision;

/** 挂牌督办 flags, at most one per task. */
public final class SupervisionRepository {
    private static final String SELECT = "SELECT task_id, leader, since, cycle, note FROM supervision";
    private final Database db;

    public SupervisionRepository(Database db) {
        this.db = db;
    }

    public List<Supervision> find(TaskScope scope) {
        return db.read(c -> Rows.scoped(c, SELECT, scope.onTask("task_id"), scope, "task_id",
                SupervisionRepository::map));
    }

    public Optional<Supervision> findByTask(long taskId) {
        return find(TaskScope.task(taskId)).stream().findFirst();
    }

    /** Puts a task under supervision, or changes its supervision. */
    public void put(Supervision s) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO supervision (task_id, leader, since, cycle, "
                    + "note) VALUES (?, ?, ?, ?, ?) ON CONFLICT (task_id) DO UPDATE SET leader = excluded.leader, "
                    + "since = excluded.since, cycle = excluded.cycle, note = excluded.note")) {
                ps.setLong(1, s.taskId());
                ps.setString(2, s.leader());
                Rows.setDate(ps, 3, s.since());
                ps.setString(4, s.cycle().name());
                ps.setString(5, s.note());
                return ps.executeUpdate();
            }
        });
    }

    public void delete(long taskId) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM supervision WHERE task_id = ?")) {
                ps.setLong(1, taskId);
                return ps.executeUpdate();
            }
        });
    }

    private static Supervision map(ResultSet rs) throws SQLException {
        return new Supervision(rs.getLong(1), rs.getString(2), Rows.date(rs, 3),
                ReportingCycle.valueOf(rs.getString(4)), rs.getString(5));
    }
}
