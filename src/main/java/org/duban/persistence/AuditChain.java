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
    static String stateDigest(MessageDigest md, ResultSet rs, int first, TrackedTables.Table t)
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

    static String text(Long v) {
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
     * the row (the values its write just bound, {@link RowStates}) instead of reading the row back
     * ({@link AuditAppend}).
     */
    static List<AuditEntry> append(Connection c, List<AuditEntry> entries, boolean keepIds, RowStates known)
            throws SQLException {
        return AuditAppend.append(c, entries, keepIds, known);
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

    static AuditEntity entity(String name) {
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
     * not only the first), and compares every tracked row with the state its last audit row recorded
     * ({@link AuditVerification}).
     */
    public static Verification verify(Database db) {
        return AuditVerification.verify(db);
    }
}
