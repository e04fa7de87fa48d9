package org.duban.persistence;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.duban.model.AuditAction;
import org.duban.model.AuditEntity;
import org.duban.model.AuditEntry;

/**
 * Appending to the audit trail's hash chain ({@link AuditChain}): ids, states and hashes of a batch of rows, hashed
 * on a thread of their own for a large batch while the rows hashed so far are written.
 */
final class AuditAppend {
    private AuditAppend() {
    }

    /**
     * {@link AuditChain#append(Connection, List, boolean)}, taking the state of a tracked row from {@code known} where
     * it holds the row (the values its write just bound, {@link RowStates}) instead of reading the row back: an import
     * of 10,000 tasks read 37,000 rows back for this (issue 24). With assertions on (the tests), each state taken from
     * {@code known} is compared with the row read back, so a write whose values the engine stores otherwise than
     * {@link RowStates} spells them fails there rather than leaving a state that {@code check} would call changed.
     */
    static List<AuditEntry> append(Connection c, List<AuditEntry> entries, boolean keepIds, RowStates known)
            throws SQLException {
        long lastId = 0;
        String head = AuditChain.GENESIS;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")) {
            if (rs.next()) {
                lastId = rs.getLong(1);
                head = rs.getString(2) == null ? AuditChain.GENESIS : rs.getString(2);
            }
        }
        int n = entries.size();
        Batch rows = new Batch(entries, known, head);
        MessageDigest md = AuditChain.sha256();
        Map<AuditEntity, PreparedStatement> lookups = new HashMap<>();
        Map<String, Optional<String>> states = new HashMap<>();
        List<AuditEntry> written = new ArrayList<>(n);
        try {
            // on this thread, which owns the connection: the ids, and the states read back from rows not known
            for (int i = 0; i < n; i++) {
                AuditEntry e = entries.get(i);
                long id = keepIds ? e.id() : lastId + 1;
                if (id <= lastId) {
                    throw new SQLException("Audit row " + id + " does not follow row " + lastId);
                }
                lastId = id;
                rows.ids[i] = id;
                var table = TrackedTables.of(e.entity());
                if (table.isPresent() && e.action() != AuditAction.DELETE) {
                    if (known != null && known.knows(e.entity(), e.entityId())) {
                        rows.fromValues[i] = true;
                        assert known.state(e.entity(), e.entityId()).equals(
                                currentState(c, lookups, table.get(), e.entityId(), md))
                                : "the state of " + e.entity() + "#" + e.entityId()
                                + " from its written values differs from the row's";
                    } else {
                        // the same row may be named many times in one batch: its state now is the same for all
                        String key = e.entity() + "#" + e.entityId();
                        Optional<String> seen = states.get(key);
                        if (seen == null) {
                            seen = Optional.ofNullable(currentState(c, lookups, table.get(), e.entityId(), md));
                            states.put(key, seen);
                        }
                        rows.states[i] = seen.orElse(null);
                    }
                }
                written.add(new AuditEntry(id, e.at(), e.operator(), e.entity(), e.entityId(), e.taskId(), e.unitId(),
                        e.action(), e.field(), e.oldValue(), e.newValue()));
            }
        } finally {
            for (PreparedStatement ps : lookups.values()) {
                ps.close();
            }
        }
        java.util.concurrent.ExecutorService hasher = n >= 2 * Batch.CHUNK
                ? java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "audit-chain");
                    t.setDaemon(true);
                    return t;
                }) : null;
        try {
            // the hashes, in order, on a thread of their own for a large batch: the rows hashed so far are written
            // while it makes the next ones (an import's 38,000 rows, issue 24)
            List<java.util.concurrent.Future<?>> chunks = new ArrayList<>();
            for (int from = 0; from < n; from += Batch.CHUNK) {
                int f = from;
                int to = Math.min(n, from + Batch.CHUNK);
                if (hasher != null) {
                    chunks.add(hasher.submit(() -> rows.hash(f, to)));
                } else {
                    rows.hash(f, to);
                }
            }
            for (int k = 0, from = 0; from < n; k++, from += Batch.CHUNK) {
                if (hasher != null) {
                    done(chunks.get(k));
                }
                ManyRows.insert(c, "INSERT INTO audit_log (id, at, operator, entity, entity_id, task_id, unit_id, "
                        + "action, field, old_value, new_value, state, hash)", 13,
                        java.util.stream.IntStream.range(from, Math.min(n, from + Batch.CHUNK))::iterator,
                        (ins, first, i) -> {
                            ins.setLong(first, rows.ids[i]);
                            AuditRepository.bind(ins, first + 1, entries.get(i), rows.at[i]);
                            ins.setString(first + 11, rows.states[i]);
                            ins.setString(first + 12, rows.hashes[i]);
                        });
            }
        } finally {
            if (hasher != null) {
                hasher.shutdownNow();
            }
        }
        return written;
    }

    /** Waits for a chunk of hashes; what failed there fails here. */
    private static void done(java.util.concurrent.Future<?> chunk) throws SQLException {
        try {
            chunk.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while the audit rows were hashed", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * The audit rows of one {@link #append}, column by column: ids and the states read back are set first, on the
     * connection's thread; {@link #hash} then makes, in order, the time texts, the states from written values and
     * the hashes (on another thread for a large batch, which nothing else touches meanwhile).
     */
    private static final class Batch {
        /** Rows hashed, then written, at a time. */
        static final int CHUNK = 2_048;
        final List<AuditEntry> entries;
        final RowStates known;
        final long[] ids;
        final String[] states;
        final boolean[] fromValues;
        final String[] at;
        final String[] hashes;
        private final MessageDigest md = AuditChain.sha256();
        private String previous;
        private java.time.Instant lastAt; // the rows of one change share their time: its text is made once
        private String lastAtText;

        Batch(List<AuditEntry> entries, RowStates known, String head) {
            this.entries = entries;
            this.known = known;
            int n = entries.size();
            ids = new long[n];
            states = new String[n];
            fromValues = new boolean[n];
            at = new String[n];
            hashes = new String[n];
            previous = head;
        }

        /** Rows {@code from} to {@code to} (exclusive), after every row before them. */
        void hash(int from, int to) {
            for (int i = from; i < to; i++) {
                AuditEntry e = entries.get(i);
                if (fromValues[i]) {
                    states[i] = known.state(e.entity(), e.entityId(), md);
                }
                at[i] = e.at().equals(lastAt) ? lastAtText : e.at().toString();
                lastAt = e.at();
                lastAtText = at[i];
                hashes[i] = AuditChain.rowHash(md, previous, Long.toString(ids[i]), at[i], e.operator(),
                        e.entity().name(), Long.toString(e.entityId()), AuditChain.text(e.taskId()),
                        AuditChain.text(e.unitId()), e.action().name(), e.field(),
                        e.oldValue(), e.newValue(), states[i]);
                previous = hashes[i];
            }
        }
    }

    private static String currentState(Connection c, Map<AuditEntity, PreparedStatement> lookups,
                                       TrackedTables.Table t, long id, MessageDigest md) throws SQLException {
        PreparedStatement ps = lookups.get(t.entity());
            if (ps == null) {
                ps = c.prepareStatement(t.select(true));
                lookups.put(t.entity(), ps);
            }
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? AuditChain.stateDigest(md, rs, 2, t) : null;
        }
    }
}
