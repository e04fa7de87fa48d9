package org.duban.persistence;

import java.util.List;
import java.util.Optional;
import org.duban.model.ReportingCycle;
import org.duban.model.Supervision;
import org.jdbi.v3.core.mapper.RowMapper;

/** 挂牌督办 flags, at most one per task. */
public final class SupervisionRepository {
    private static final String SELECT = "SELECT task_id, leader, since, cycle, note FROM supervision";
    /**
     * By position, not by JDBI's constructor mapper: an import asks for each task marked 挂牌督办 whether it is
     * supervised already (446 of 10,000 in the benchmark), and the mapper's set-up per query was most of each ask.
     */
    private static final RowMapper<Supervision> MAP = (rs, ctx) -> new Supervision(rs.getLong(1), rs.getString(2),
            Rows.date(rs, 3), ReportingCycle.valueOf(rs.getString(4)), rs.getString(5));
    private final Database db;

    public SupervisionRepository(Database db) {
        this.db = db;
    }

    public List<Supervision> find(TaskScope scope) {
        return db.query(h -> JdbiSupport.scoped(h, SELECT, scope.onTask("task_id"), scope, "task_id", MAP));
    }

    public Optional<Supervision> findByTask(long taskId) {
        return find(TaskScope.task(taskId)).stream().findFirst();
    }

    /** Puts a task under supervision, or changes its supervision. */
    public void put(Supervision s) {
        db.update(h -> h.createUpdate("INSERT INTO supervision (task_id, leader, since, cycle, note) "
                        + "VALUES (:taskId, :leader, :since, :cycle, :note) ON CONFLICT (task_id) DO UPDATE SET "
                        + "leader = excluded.leader, since = excluded.since, cycle = excluded.cycle, note = excluded.note")
                .bindMethods(s)
                .execute());
    }

    public void delete(long taskId) {
        db.update(h -> h.createUpdate("DELETE FROM supervision WHERE task_id = :taskId")
                .bind("taskId", taskId)
                .execute());
    }
}
