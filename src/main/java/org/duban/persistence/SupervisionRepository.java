package org.duban.persistence;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
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
    private static final RowMapper<Supervision> MAP = (rs, ctx) -> new Supervision(rs.getLong(1), Rows.text(rs, 2),
            Rows.date(rs, 3), ReportingCycle.valueOf(Rows.text(rs, 4)), Rows.text(rs, 5));
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

    /** The stored version of a task's supervision ({@code row_version}), empty when the task is not supervised. */
    public OptionalLong version(long taskId) {
        return db.query(h -> h.createQuery("SELECT row_version FROM supervision WHERE task_id = :taskId")
                .bind("taskId", taskId)
                .mapTo(Long.class)
                .findOne()
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty()));
    }

    /**
     * Puts a task under supervision ({@code seenVersion} empty: it was not supervised when read), or changes its
     * supervision as of the version it was read at (the version moves on by one).
     *
     * @throws StaleRowException when another seat supervised the task, or changed its supervision, since it was read
     */
    public void put(Supervision s, OptionalLong seenVersion) {
        db.update(h -> {
            int changed = seenVersion.isEmpty()
                    ? h.createUpdate("INSERT INTO supervision (task_id, leader, since, cycle, note) "
                            + "VALUES (:taskId, :leader, :since, :cycle, :note) ON CONFLICT (task_id) DO NOTHING")
                    .bindMethods(s)
                    .execute()
                    : h.createUpdate("UPDATE supervision SET leader = :leader, since = :since, cycle = :cycle, "
                            + "note = :note, row_version = row_version + 1 WHERE task_id = :taskId "
                            + "AND row_version = :seen")
                    .bindMethods(s)
                    .bind("seen", seenVersion.getAsLong())
                    .execute();
            if (changed != 1) {
                throw new StaleRowException(org.duban.model.AuditEntity.SUPERVISION, s.taskId());
            }
            return null;
        });
    }

    /**
     * Puts tasks that the current change has just created under supervision, in one statement: kept by a buffered
     * change's {@link RowStates#insertLater} until its audit rows are written (an import's 446 挂牌督办 rows were one
     * statement each, issue 24). Should one of the tasks be supervised already, nothing is written over it and the
     * change fails, as {@link #put} with no version seen.
     *
     * @throws StaleRowException naming the first task of {@code list} when any of them was supervised already
     */
    static void insertNew(java.sql.Connection c, List<Supervision> list) throws java.sql.SQLException {
        if (list.isEmpty()) {
            return;
        }
        int inserted = ManyRows.insert(c, "INSERT INTO supervision (task_id, leader, since, cycle, note)", 5,
                " ON CONFLICT (task_id) DO NOTHING", list, (ps, first, s) -> {
                    ps.setLong(first, s.taskId());
                    ps.setString(first + 1, s.leader());
                    Rows.setDate(ps, first + 2, s.since());
                    ps.setString(first + 3, s.cycle().name());
                    ps.setString(first + 4, s.note());
                });
        if (inserted != list.size()) {
            throw new StaleRowException(org.duban.model.AuditEntity.SUPERVISION, list.get(0).taskId());
        }
    }

    public void delete(long taskId) {
        db.update(h -> h.createUpdate("DELETE FROM supervision WHERE task_id = :taskId")
                .bind("taskId", taskId)
                .execute());
    }
}
