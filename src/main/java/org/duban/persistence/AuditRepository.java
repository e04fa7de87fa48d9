package org.duban.persistence;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.duban.model.AuditAction;
import org.duban.model.AuditEntity;
import org.duban.model.AuditEntry;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The audit trail (留痕). Only {@link #append} writes, chaining each row to the one before ({@link AuditChain}); the
 * table's triggers refuse UPDATE and DELETE, and the chain shows whoever got round them.
 */
public final class AuditRepository {
    private static final String SELECT = "SELECT id, at, operator, entity, entity_id, task_id, unit_id, action, field, "
            + "old_value, new_value FROM audit_log";
    /**
     * By position, not by name: {@code check} and the exports read the whole trail (hundreds of thousands of rows in
     * a ledger of some years), and the columns are {@link #SELECT}'s own.
     */
    private static final RowMapper<AuditEntry> MAP = (rs, ctx) -> new AuditEntry(rs.getLong(1), Rows.instant(rs, 2),
            rs.getString(3), AuditEntity.valueOf(rs.getString(4)), rs.getLong(5), Rows.nullableLong(rs, 6),
            Rows.nullableLong(rs, 7), AuditAction.valueOf(rs.getString(8)), rs.getString(9), rs.getString(10),
            rs.getString(11));
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

    /**
     * Appends many rows in one batch, in order, the states of the tracked rows that {@code written} holds taken from
     * it rather than read back ({@link RowStates}); it is emptied then. The supervisions it kept to insert
     * ({@link RowStates#insertLater}) are inserted first.
     */
    public void appendAll(List<AuditEntry> entries, RowStates written) {
        db.write(c -> {
            SupervisionRepository.insertNew(c, written.takeInserts()); // the rows first, as their audit rows say
            return AuditChain.append(c, entries, false, written);
        });
        written.clear();
    }

    /** A task's history, newest first (also after the task itself was deleted). */
    public List<AuditEntry> findByTask(long taskId) {
        return db.query(h -> h.createQuery(SELECT + " WHERE task_id = :taskId ORDER BY id DESC")
                .bind("taskId", taskId)
                .map(MAP)
                .list());
    }

    /** The whole trail, oldest first. */
    public List<AuditEntry> findAll() {
        return db.query(h -> h.createQuery(SELECT + " ORDER BY id").map(MAP).list());
    }

    /** One row's place in the trail: its id and its time as stored. */
    public record Stamp(long id, String at) {
    }

    /** Every row's id and time, in id order: what {@code check} walks to see the trail is unbroken. */
    public List<Stamp> timeline() {
        List<Stamp> list = new java.util.ArrayList<>();
        forEachStamp(list::add);
        return list;
    }

    /**
     * Every row's id and time, in id order, handed to {@code each} as it is read: a trail of a million rows
     * (50,000 tasks) is walked without being held (issue 24).
     */
    public void forEachStamp(java.util.function.Consumer<Stamp> each) {
        db.query(h -> {
            h.createQuery("SELECT id, at FROM audit_log ORDER BY id")
                    .setFetchSize(1000)
                    .map((rs, ctx) -> new Stamp(rs.getLong(1), rs.getString(2)))
                    .forEach(each);
            return null;
        });
    }

    /**
     * The triggers on the audit table, by name, with their SQL: the one method that reads each engine's own
     * catalogue (SQLite's {@code sqlite_master}, PostgreSQL's {@code pg_trigger}).
     */
    public Map<String, String> triggers() {
        String sql = db.isShared()
                ? "SELECT tgname, pg_get_triggerdef(oid) FROM pg_trigger "
                        + "WHERE tgrelid = 'audit_log'::regclass AND NOT tgisinternal"
                : "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'";
        return db.query(h -> {
            Map<String, String> m = new TreeMap<>();
            h.createQuery(sql)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .forEach(e -> m.put(e.getKey(), e.getValue()));
            return m;
        });
    }

    /**
     * The newest audit row about one row of the ledger (by its entity and id), if any: who changed it last, and when
     * (what a seat whose change of it was refused is told).
     */
    public Optional<AuditEntry> newest(AuditEntity entity, long entityId) {
        return db.query(h -> h.createQuery(SELECT + " WHERE entity = :entity AND entity_id = :entityId "
                        + "ORDER BY id DESC LIMIT 1")
                .bind("entity", entity.name())
                .bind("entityId", entityId)
                .map(MAP)
                .findOne());
    }

    /**
     * What the trail holds, in two numbers: its newest row's id and how many rows it has. Every change of the ledger
     * writes audit rows and none is ever taken away, so a seat that sees these move knows another seat (or command)
     * has written. Both, because on a shared ledger two seats' rows can commit out of id order: a row committed after
     * a higher id leaves the newest id as it was, but not the count.
     */
    public record ChangeStamp(long lastId, long rows) {
    }

    /** The trail's {@link ChangeStamp} now: one index read on either engine. */
    public ChangeStamp changeStamp() {
        return db.query(h -> h.createQuery("SELECT coalesce(max(id), 0), count(*) FROM audit_log")
                .map((rs, ctx) -> new ChangeStamp(rs.getLong(1), rs.getLong(2)))
                .one());
    }

    /**
     * For {@link AuditChain}'s plain JDBC insert (which chains each row to the one before): binds at (as text, made
     * once for the rows of one change), operator, entity, entity_id, task_id, unit_id, action, field, old_value,
     * new_value from {@code i}.
     */
    static void bind(PreparedStatement ps, int i, AuditEntry e, String at) throws SQLException {
        ps.setString(i, at);
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
}
