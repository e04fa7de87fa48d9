package org.duban.persistence;

import java.util.List;
import java.util.Optional;
import org.duban.model.Supervision;

/** 挂牌督办 flags, at most one per task. */
public final class SupervisionRepository {
    private static final String SELECT = "SELECT task_id, leader, since, cycle, note FROM supervision";
    private final Database db;

    public SupervisionRepository(Database db) {
        this.db = db;
    }

    public List<Supervision> find(TaskScope scope) {
        return db.query(h -> JdbiSupport.scoped(h, SELECT, scope.onTask("task_id"), scope, "task_id",
                Supervision.class));
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
