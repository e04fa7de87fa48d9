package org.duban.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.duban.model.AuditAction;
import org.duban.model.AuditEntity;
import org.duban.model.AuditEntry;

/**
 * The audit trail (留痕). Only {@link #append} writes, chaining each row to the one before ({@link AuditChain}); the
 * table's triggers refuse UPDATE and DELETE, and the chain shows whoever got round them.
 */
public final class AuditRepository {
    private static final String SELECT = "SELECT id, at, operator, entity, entity_id, task_id, unit_id, action, field, "
            + "old_value, new_value FROM audit_log";
    private final Database db;

    public AuditRepository(Database db) {
        this.db = db;
    }

    /** Appends one row to the chain ({@link AuditChain}), in the caller's transaction. */
    public AuditEntry append(AuditEntry e) {
        return db.write(c -> AuditChain.append(c, List.of(e), false).get(0));
    }

    /** Appends many rows in one batch, in order. */
    public void appendAll(List<AuditEntry> entries) {
        db.write(c -> AuditChain.append(c, entries, false));
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

    /** One row's place in the trail: its id and its time as stored. */
    public record Stamp(long id, String at) {
    }

    /** Every row's id and time, in id order: what {@code check} walks to see the trail is unbroken. */
    public List<Stamp> timeline() {
        return db.read(c -> {
            List<Stamp> list = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT id, at FROM audit_log ORDER BY id")) {
                while (rs.next()) {
                    list.add(new Stamp(rs.getLong(1), rs.getString(2)));
                }
            }
            return list;
        });
    }

    /** The triggers on the audit table, by name, with their SQL. */
    public Map<String, String> triggers() {
        return db.read(c -> {
            Map<String, String> m = new TreeMap<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'")) {
                while (rs.next()) {
                    m.put(rs.getString(1), rs.getString(2));
                }
            }
            return m;
        });
    }

    /** Binds at, operator, entity, entity_id, task_id, unit_id, action, field, old_value, new_value from {@code i}. */
    static void bind(PreparedStatement ps, int i, AuditEntry e) throws SQLException {
        ps.setString(i, e.at().toString());
        ps.setString(i + 1, e.operator());
        ps.setString(i + 2, e.entity().name());
        ps.setLong(i + 3, e.entityId());
        Rows.setLong(ps, i + 4, e.taskId());
        Rows.setLong(ps, i + 5, e.unitId());
        ps.setString(i + 6, e.action().name());
        ps.setString(i + 7, e.field());
        ps.setString(i + 8, e.oldValue());
        ps.setString(i + 9, e.newValue());
    }

    private static AuditEntry map(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong(1), Rows.instant(rs, 2), rs.getString(3), AuditEntity.valueOf(rs.getString(4)),
                rs.getLong(5), Rows.nullableLong(rs, 6), Rows.nullableLong(rs, 7), AuditAction.valueOf(rs.getString(8)),
                rs.getString(9), rs.getString(10), rs.getString(11));
    }
}
