package org.duban.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.duban.model.AuditAction;
import org.duban.model.AuditEntity;
import org.duban.model.AuditEntry;

/**
 * The audit trail (留痕). Only {@link #append} writes; the table's triggers refuse UPDATE and DELETE, so the
 * history cannot be rewritten, by this program or by an SQL tool.
 */
public final class AuditRepository {
    private static final String SELECT = "SELECT id, at, operator, entity, entity_id, task_id, unit_id, action, field, "
            + "old_value, new_value FROM audit_log";
    private final Database db;

    public AuditRepository(Database db) {
        this.db = db;
    }

    public AuditEntry append(AuditEntry e) {
        return db.write(c -> {
            try (PreparedStatement ps = Rows.prepareInsert(c, "INSERT INTO audit_log (at, operator, entity, "
                    + "entity_id, task_id, unit_id, action, field, old_value, new_value) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, e.at().toString());
                ps.setString(2, e.operator());
                ps.setString(3, e.entity().name());
                ps.setLong(4, e.entityId());
                Rows.setLong(ps, 5, e.taskId());
                Rows.setLong(ps, 6, e.unitId());
                ps.setString(7, e.action().name());
                ps.setString(8, e.field());
                ps.setString(9, e.oldValue());
                ps.setString(10, e.newValue());
                long id = Rows.insert(ps);
                return new AuditEntry(id, e.at(), e.operator(), e.entity(), e.entityId(), e.taskId(), e.unitId(),
                        e.action(), e.field(), e.oldValue(), e.newValue());
            }
        });
    }

    /** A task's history, newest first (also after the task itself was deleted). */
    public List<AuditEntry> findByTask(long taskId) {
        return db.read(c -> Rows.scoped(c, SELECT, "task_id = ?", TaskScope.task(taskId), "id DESC",
                AuditRepository::map));
    }

    /** The whole trail, oldest first. */
    public List<AuditEntry> findAll() {
        return db.read(c -> Rows.scoped(c, SELECT, "1 = 1", TaskScope.all(), "id", AuditRepository::map));
    }

    private static AuditEntry map(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong(1), Rows.instant(rs, 2), rs.getString(3), AuditEntity.valueOf(rs.getString(4)),
                rs.getLong(5), Rows.nullableLong(rs, 6), Rows.nullableLong(rs, 7), AuditAction.valueOf(rs.getString(8)),
                rs.getString(9), rs.getString(10), rs.getString(11));
    }
}
