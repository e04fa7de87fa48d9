package org.duban.persistence;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.duban.model.AuditEntity;
import org.duban.persistence.AuditChain.StateMismatch;

/**
 * Verifying the audit trail's hash chain ({@link AuditChain#verify}): every row's hash again, and every tracked row
 * against the state its last audit row recorded.
 */
final class AuditVerification {
    private AuditVerification() {
    }

    /**
     * Walks the whole trail: recomputes every row's hash from the previous stored hash (so each edited row is named,
     * not only the first), and compares every tracked row with the state its last audit row recorded.
     *
     * <p>Nothing is held per row (issue 24: the map of every tracked row's last state took 0.3 GB at 10,000 tasks):
     * the walk keeps the previous hash, the lowest task created and the tasks whose last row deleted them; then the
     * last audit row of each tracked row, which the database sorts by entity and id, is merged with each tracked
     * table read in key order.
     */
    static AuditChain.Verification verify(Database db) {
        return db.read(c -> {
            MessageDigest md = AuditChain.sha256();
            List<AuditChain.BrokenLink> broken = new ArrayList<>();
            java.util.Set<Long> deletedTasks = new java.util.HashSet<>(); // tasks whose last audit row deleted them
            long firstTaskCreated = Long.MAX_VALUE; // the lowest task id the trail saw created
            String previous = AuditChain.GENESIS;
            long lastId = 0;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT id, at, operator, entity, entity_id, task_id, unit_id, action, field, old_value, "
                            + "new_value, state, hash FROM audit_log ORDER BY id")) {
                while (rs.next()) {
                    lastId = rs.getLong(1);
                    String stored = rs.getString(13);
                    String hash = AuditChain.rowHash(md, previous, rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12));
                    if (stored == null || !stored.equals(hash)) {
                        broken.add(new AuditChain.BrokenLink(lastId, stored == null));
                    }
                    previous = stored == null ? hash : stored;
                    if (AuditEntity.TASK.name().equals(rs.getString(4))) {
                        long taskId = rs.getLong(5);
                        String action = rs.getString(8);
                        if ("DELETE".equals(action)) {
                            deletedTasks.add(taskId);
                        } else {
                            deletedTasks.remove(taskId);
                        }
                        if ("CREATE".equals(action)) {
                            firstTaskCreated = Math.min(firstTaskCreated, taskId);
                        }
                    }
                }
            }
            AuditChain.Head head = new AuditChain.Head(lastId, lastId == 0 ? AuditChain.GENESIS : previous);
            Map<AuditEntity, List<StateMismatch>> found = new HashMap<>();
            java.util.Set<AuditEntity> merged = java.util.EnumSet.noneOf(AuditEntity.class);
            // the last row about each tracked row, by entity (in the database's order) and id
            String lastRows = db.isShared()
                    ? "SELECT DISTINCT ON (entity, entity_id) entity, entity_id, state, action, task_id "
                            + "FROM audit_log ORDER BY entity, entity_id, id DESC"
                    : "SELECT entity, entity_id, state, action, task_id, max(id) FROM audit_log "
                            + "GROUP BY entity, entity_id ORDER BY entity, entity_id"; // SQLite: the max row's columns
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(lastRows)) {
                LastRows last = new LastRows(rs);
                while (last.more) {
                    String name = last.entity();
                    AuditEntity entity = AuditChain.entity(name);
                    Optional<TrackedTables.Table> table = entity == null ? Optional.empty() : TrackedTables.of(entity);
                    if (table.isEmpty() || merged.contains(entity)) {
                        while (last.more && java.util.Objects.equals(name, last.entity())) {
                            last.next(); // not a tracked table's rows
                        }
                        continue;
                    }
                    merged.add(entity);
                    merge(c, md, table.get(), last, firstTaskCreated, deletedTasks,
                            found.computeIfAbsent(entity, k -> new ArrayList<>()));
                }
            }
            List<StateMismatch> mismatches = new ArrayList<>();
            for (TrackedTables.Table t : TrackedTables.ALL) {
                if (!merged.contains(t.entity())) { // no audit row about any of its rows
                    merge(c, md, t, null, firstTaskCreated, deletedTasks,
                            found.computeIfAbsent(t.entity(), k -> new ArrayList<>()));
                }
                mismatches.addAll(found.get(t.entity()));
            }
            return new AuditChain.Verification(head, broken, mismatches);
        });
    }

    /** The last audit rows about tracked rows: entity, entity id, state, action, task id; one row at a time. */
    private static final class LastRows {
        private final ResultSet rs;
        boolean more;

        LastRows(ResultSet rs) throws SQLException {
            this.rs = rs;
            this.more = rs.next();
        }

        void next() throws SQLException {
            more = rs.next();
        }

        String entity() throws SQLException {
            return rs.getString(1);
        }

        /** Whether the current row is one about {@code entity}'s rows. */
        boolean about(String entity) throws SQLException {
            return more && entity.equals(rs.getString(1));
        }

        long id() throws SQLException {
            return rs.getLong(2);
        }

        String state() throws SQLException {
            return rs.getString(3);
        }

        boolean deleted() throws SQLException {
            return "DELETE".equals(rs.getString(4));
        }

        Long taskId() throws SQLException {
            return Rows.nullableLong(rs, 5);
        }
    }

    /**
     * Compares table {@code t}, read in key order, with the last audit rows about its rows: those of {@code last}
     * from its current row on while they name {@code t}'s entity (null: none), which it reads past. Adds what
     * differs to {@code out}: the table's rows in key order, then the rows deleted without an audit row, in key
     * order.
     */
    private static void merge(Connection c, MessageDigest md, TrackedTables.Table t, LastRows last,
                              long firstTaskCreated, java.util.Set<Long> deletedTasks, List<StateMismatch> out)
            throws SQLException {
        String name = t.entity().name();
        List<StateMismatch> gone = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT " + t.key() + ", " + String.join(", ", t.columns()) + ", " + t.task() + " FROM "
                        + t.table() + " ORDER BY " + t.key())) {
            int n = t.columns().size();
            while (rs.next()) {
                long id = rs.getLong(1);
                Long taskId = Rows.nullableLong(rs, n + 2);
                // the last audit rows of rows no longer there, up to this one
                while (last != null && last.about(name) && last.id() < id) {
                    gone(t, last, deletedTasks, gone);
                    last.next();
                }
                if (last == null || !last.about(name) || last.id() != id) {
                    // tasks and shares of a ledger older than the trail have none; tracking records are named by the
                    // rule on CREATE rows; a notice or 约谈 always has its own
                    // a task numbered after one the trail saw created was made since the trail began (SQLite numbers
                    // a new row past the highest), so the program wrote its CREATE row: without any row, it was
                    // slipped in, or the rows about it (the last ones) were deleted
                    if (TrackedTables.SINCE_CHAIN.contains(t.entity())
                            || t.entity() == AuditEntity.TASK && id > firstTaskCreated) {
                        out.add(new StateMismatch(t.entity(), id, taskId, StateMismatch.Kind.UNRECORDED));
                    }
                    continue;
                }
                String state = last.state();
                if (last.deleted()) {
                    out.add(new StateMismatch(t.entity(), id, taskId, StateMismatch.Kind.REAPPEARED));
                } else if (state != null && !state.equals(AuditChain.stateDigest(md, rs, 2, t))) {
                    out.add(new StateMismatch(t.entity(), id, taskId, StateMismatch.Kind.CHANGED));
                }
                last.next();
            }
        }
        while (last != null && last.about(name)) {
            gone(t, last, deletedTasks, gone);
            last.next();
        }
        out.addAll(gone);
    }

    /** A row gone though its last audit row did not delete it, nor its task: {@code gone} gets it. */
    private static void gone(TrackedTables.Table t, LastRows last, java.util.Set<Long> deletedTasks,
                             List<StateMismatch> gone) throws SQLException {
        Long taskId = last.taskId();
        boolean cascaded = taskId != null && deletedTasks.contains(taskId);
        if (!last.deleted() && last.state() != null && !cascaded) {
            gone.add(new StateMismatch(t.entity(), last.id(), taskId, StateMismatch.Kind.DELETED));
        }
    }
}
