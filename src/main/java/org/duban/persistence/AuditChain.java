package org.duban.persistence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.duban.model.AuditAction;
import org.duban.model.AuditEntity;
import org.duban.model.AuditEntry;

/**
 * The hash chain of the audit trail (留痕校验). Every audit row carries {@code hash} = SHA-256 over the previous
 * row's hash and the row's own content (id, time, operator, entity, ids, action, field, old and new value, and
 * {@code state}: the digest of a tracked row's columns after the change, see {@link TrackedTables}). The first row
 * chains from {@link #GENESIS}. Editing, inserting or removing a row in the middle breaks every hash after it;
 * whoever rebuilds the chain from there on changes the head, which a head printed earlier (a bulletin, a dossier,
 * a backup record) then exposes. The program holds no secret: the chain proves the file is as the program wrote it
 * <em>up to a head known from elsewhere</em>, not on its own.
 */
public final class AuditChain {
    /** The "previous hash" of the first row. */
    public static final String GENESIS = "0".repeat(64);
    private static final byte[] DOMAIN = "duban-audit-v1".getBytes(StandardCharsets.UTF_8);
    private static final HexFormat HEX = HexFormat.of();

    /** The triggers the audit table must carry, exactly: name → SQL as SQLite keeps it. */
    public static final Map<String, String> TRIGGERS = triggers();

    /** The newest row of the chain: its number and its hash; row 0 and {@link #GENESIS} for an empty trail. */
    public record Head(long row, String hash) {
        /** Shortened for paper: the first and last 8 hex digits (64 bits, which no one can forge by trying). */
        public String shortHash() {
            return hash.substring(0, 8) + "…" + hash.substring(hash.length() - 8);
        }
    }

    /** One row whose stored hash is not the hash of its content and the previous row's hash. */
    public record BrokenLink(long id, boolean missing) {
    }

    /** A tracked row that is not what its last audit row says it became. */
    public record StateMismatch(AuditEntity entity, long id, Long taskId, Kind kind) {
        public enum Kind {
            /** The row's values differ from the state its last audit row recorded. */
            CHANGED,
            /** The row is gone, though no audit row deleted it (nor its task). */
            DELETED,
            /** The row exists, though its last audit row deleted it. */
            REAPPEARED,
            /** The row exists without a single audit row about it. */
            UNRECORDED
        }
    }

    /** What {@link #verify} found: the head as stored, the rows whose hash fails, the rows that differ. */
    public record Verification(Head head, List<BrokenLink> broken, List<StateMismatch> mismatches) {
    }

    private AuditChain() {
    }

    /**
     * The audit table's guards on a shared ledger, as PostgreSQL's {@code pg_get_triggerdef} prints them (the
     * functions they call are made by the PostgreSQL schema's migration beside them).
     */
    public static final Map<String, String> POSTGRESQL_TRIGGERS = Map.of(
            "audit_log_no_update", "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
                    + "FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()",
            "audit_log_no_delete", "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
                    + "FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()",
            "audit_log_chained", "CREATE TRIGGER audit_log_chained BEFORE INSERT ON audit_log "
                    + "FOR EACH ROW EXECUTE FUNCTION audit_log_require_hash()");

    /** The guards the program made on {@code db}'s engine: {@link #TRIGGERS} in a file, else the server's. */
    public static Map<String, String> triggersOf(Database db) {
        return db.isShared() ? POSTGRESQL_TRIGGERS : TRIGGERS;
    }

    private static Map<String, String> triggers() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("audit_log_no_update", "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log\nBEGIN\n"
                + "    SELECT RAISE(ABORT, 'audit_log is append-only: its rows cannot be changed');\nEND");
        m.put("audit_log_no_delete", "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log\nBEGIN\n"
                + "    SELECT RAISE(ABORT, 'audit_log is append-only: its rows cannot be deleted');\nEND");
        m.put("audit_log_chained", "CREATE TRIGGER audit_log_chained BEFORE INSERT ON audit_log\n"
                + "WHEN NEW.hash IS NULL OR length(NEW.hash) <> 64\nBEGIN\n"
                + "    SELECT RAISE(ABORT, 'audit_log rows carry the hash that chains them');\nEND");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** A trigger's SQL with its white space folded, for comparing what the file holds with {@link #TRIGGERS}. */
    public static String normalized(String sql) {
        return sql == null ? "" : sql.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT)
                .replace(" ON PUBLIC.AUDIT_LOG ", " ON AUDIT_LOG ");
    }

    // ---- hashing

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(MessageDigest md, String s) {
        if (s == null) {
            md.update((byte) 0);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        md.update((byte) 1);
        md.update(new byte[] {(byte) (b.length >>> 24), (byte) (b.length >>> 16), (byte) (b.length >>> 8),
                (byte) b.length});
        md.update(b);
    }

    /** The hash of one row: fields in the order of the table, each as text (null distinct from empty). */
    static String rowHash(MessageDigest md, String previous, String... fields) {
        md.reset();
        md.update(DOMAIN);
        put(md, previous);
        for (String f : fields) {
            put(md, f);
        }
        return HEX.formatHex(md.digest());
    }

    /** The digest of a tracked row: its columns from {@code first} on, as text. */
    private static String stateDigest(MessageDigest md, ResultSet rs, int first, TrackedTables.Table t)
            throws SQLException {
        String[] values = new String[t.columns().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = rs.getString(first + i);
        }
        return stateDigest(md, t, values);
    }

    /**
     * The digest of a tracked row from its columns' values as the engine gives them back as text ({@code getString}:
     * an integer in decimal, a date as the ISO text it is stored as, SQL NULL as null), in {@code t}'s order. The one
     * place the state's bytes are made, for a row read back and for a row's values known from its write
     * ({@link RowStates}).
     */
    static String stateDigest(MessageDigest md, TrackedTables.Table t, String[] values) {
        md.reset();
        for (int i = 0; i < t.columns().size(); i++) {
            String v = values[i];
            if (i < t.chained()) {
                put(md, v);
            } else if (v != null) {
                // a column added after the chain began: empty, it leaves older digests as they were; set, it
                // counts under its name
                put(md, t.columns().get(i));
                put(md, v);
            }
        }
        return HEX.formatHex(md.digest());
    }

    private static String text(Long v) {
        return v == null ? null : v.toString();
    }

    // ---- appending

    /**
     * Writes {@code entries} after the last row, in order: ids follow the last one (or are the ids given,
     * {@code keepIds}, which must follow it), each row with the state of its tracked row as it is now, and its hash.
     * Runs inside the caller's transaction, so a change and its audit rows land together. On a shared ledger that
     * transaction holds the writers' turn ({@link LedgerEngine#beginWrite}), so the newest row read here is the
     * newest committed one and no other seat appends until this one commits.
     */
    static List<AuditEntry> append(Connection c, List<AuditEntry> entries, boolean keepIds) throws SQLException {
        return append(c, entries, keepIds, null);
    }

    /**
     * {@link #append(Connection, List, boolean)}, taking the state of a tracked row from {@code known} where it holds
     * the row (the values its write just bound, {@link RowStates}) instead of reading the row back: an import of
     * 10,000 tasks read 37,000 rows back for this (issue 24). With assertions on (the tests), each state taken from
     * {@code known} is compared with the row read back, so a write whose values the engine stores otherwise than
     * {@link RowStates} spells them fails there rather than leaving a state that {@code check} would call changed.
     */
    static List<AuditEntry> append(Connection c, List<AuditEntry> entries, boolean keepIds, RowStates known)
            throws SQLException {
        long lastId = 0;
        String head = GENESIS;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")) {
            if (rs.next()) {
                lastId = rs.getLong(1);
                head = rs.getString(2) == null ? GENESIS : rs.getString(2);
            }
        }
        int n = entries.size();
        Batch rows = new Batch(entries, known, head);
        MessageDigest md = sha256();
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
        private final MessageDigest md = sha256();
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
                hashes[i] = rowHash(md, previous, Long.toString(ids[i]), at[i], e.operator(), e.entity().name(),
                        Long.toString(e.entityId()), text(e.taskId()), text(e.unitId()), e.action().name(), e.field(),
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
            return rs.next() ? stateDigest(md, rs, 2, t) : null;
        }
    }

    // ---- the migration that chains a ledger's existing rows

    /**
     * Chains the rows of a ledger written before the chain: each row's hash in id order; the last row about each
     * tracked row records that row's state now (the trail vouches for it from the upgrade on). Replaces the audit
     * table's triggers by {@link #TRIGGERS}. Runs inside the migration's transaction, after its SQL has added the
     * columns and dropped the triggers.
     */
    private static boolean tableExists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public static void sealExisting(Connection c) throws SQLException {
        MessageDigest md = sha256();
        Map<String, String> now = new HashMap<>();
        for (TrackedTables.Table later : TrackedTables.ALL) {
            TrackedTables.Table t = later.atChainStart(); // this runs at schema 5: later columns do not exist yet
            if (!tableExists(c, t.table())) {
                continue; // a table a later schema adds (notices, schema 6): empty when it comes
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(t.select(false))) {
                while (rs.next()) {
                    now.put(t.entity().name() + "#" + rs.getLong(1), stateDigest(md, rs, 2, t));
                }
            }
        }
        Map<Long, String> lastRows = new HashMap<>(); // audit id → key of the tracked row it is the last about
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT entity, entity_id, max(id) FROM audit_log GROUP BY entity, entity_id")) {
            while (rs.next()) {
                if (TrackedTables.of(entity(rs.getString(1))).isPresent()) {
                    lastRows.put(rs.getLong(3), rs.getString(1) + "#" + rs.getLong(2));
                }
            }
        }
        List<String[]> updates = new ArrayList<>();
        String previous = GENESIS;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT id, at, operator, entity, entity_id, task_id, unit_id, action, field, old_value, new_value "
                        + "FROM audit_log ORDER BY id")) {
            while (rs.next()) {
                String key = lastRows.get(rs.getLong(1));
                String state = key == null || "DELETE".equals(rs.getString(8)) ? null : now.get(key);
                String hash = rowHash(md, previous, rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getString(10), rs.getString(11), state);
                updates.add(new String[] {state, hash, rs.getString(1)});
                previous = hash;
            }
        }
        try (Statement st = c.createStatement()) {
            for (String name : TRIGGERS.keySet()) {
                st.execute("DROP TRIGGER IF EXISTS " + name);
            }
        }
        Rows.batch(c, "UPDATE audit_log SET state = ?, hash = ? WHERE id = ?", updates, (ps, u) -> {
            ps.setString(1, u[0]);
            ps.setString(2, u[1]);
            ps.setLong(3, Long.parseLong(u[2]));
        });
        try (Statement st = c.createStatement()) {
            for (String sql : TRIGGERS.values()) {
                st.execute(sql);
            }
        }
    }

    private static AuditEntity entity(String name) {
        try {
            return AuditEntity.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    // ---- reading and verifying

    /** The newest row and its hash as stored. */
    public static Head head(Database db) {
        return db.read(c -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")) {
                return rs.next() ? new Head(rs.getLong(1), rs.getString(2) == null ? "" : rs.getString(2))
                        : new Head(0, GENESIS);
            }
        });
    }

    /**
     * The head of a ledger that may be older than the chain (a backup taken before an upgrade): empty when its
     * audit table has no hashes yet.
     */
    public static Optional<Head> headIfChained(Database db) {
        boolean chained = db.read(c -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT 1 FROM pragma_table_info('audit_log') WHERE name = 'hash'")) {
                return rs.next();
            }
        });
        return chained ? Optional.of(head(db)) : Optional.empty();
    }

    /** The stored hash of row {@code id}, if the row is there. */
    public static Optional<String> hashOf(Database db, long id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT hash FROM audit_log WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
                }
            }
        });
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
    public static Verification verify(Database db) {
        return db.read(c -> {
            MessageDigest md = sha256();
            List<BrokenLink> broken = new ArrayList<>();
            java.util.Set<Long> deletedTasks = new java.util.HashSet<>(); // tasks whose last audit row deleted them
            long firstTaskCreated = Long.MAX_VALUE; // the lowest task id the trail saw created
            String previous = GENESIS;
            long lastId = 0;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT id, at, operator, entity, entity_id, task_id, unit_id, action, field, old_value, "
                            + "new_value, state, hash FROM audit_log ORDER BY id")) {
                while (rs.next()) {
                    lastId = rs.getLong(1);
                    String stored = rs.getString(13);
                    String hash = rowHash(md, previous, rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12));
                    if (stored == null || !stored.equals(hash)) {
                        broken.add(new BrokenLink(lastId, stored == null));
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
            Head head = new Head(lastId, lastId == 0 ? GENESIS : previous);
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
                    AuditEntity entity = entity(name);
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
            return new Verification(head, broken, mismatches);
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
                } else if (state != null && !state.equals(stateDigest(md, rs, 2, t))) {
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
