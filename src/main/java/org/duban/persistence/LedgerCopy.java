package org.duban.persistence;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies a whole ledger into a new, empty ledger of the same schema version, on either engine: a SQLite file to a
 * shared PostgreSQL ledger and back (issue 16's {@code copy-to}; a backup of a shared ledger is such a SQLite copy).
 *
 * <p>Every table, every row, with its ids, the evidence files and the audit trail included, in one transaction on
 * the target: all of it lands or none of it. Tables go in the order of their references (a row's references exist
 * before it); a column that refers to its own table (a unit merged into another, a task found by analogy to
 * another) is filled in after its table's rows. Values are written as the target column's kind (integer, real,
 * bytes, text). The ledger's id goes along (the copy is the same ledger). Afterwards the target's identities are
 * moved past the copied ids ({@link LedgerEngine#idsTaken}) and every table's row count is compared with the
 * source's: a difference undoes the copy. A copy that fails also takes away what opening the target made
 * ({@link LedgerEngine#discardMadeOnOpening}: the schema Flyway gave an empty PostgreSQL database), so the target
 * database is as empty as before; a new file is removed by whoever made it.
 */
public final class LedgerCopy {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerCopy.class);

    private LedgerCopy() {
    }

    /**
     * Copies {@code source} into {@code target}, which must be a new ledger (nothing in it but its own id).
     *
     * @return the rows copied per table, in the order copied
     * @throws PersistenceException when the target is not empty or not at the source's schema version; the target is
     *                              then left as it was
     */
    public static Map<String, Long> copy(Database source, Database target) {
        int version = source.schemaVersion();
        if (target.schemaVersion() != version) {
            throw new PersistenceException("copy.error.version", source.location(), version, target.location(),
                    target.schemaVersion());
        }
        List<String> tables = source.read(LedgerCopy::tablesInReferenceOrder);
        Map<String, Long> counts = new LinkedHashMap<>();
        boolean[] wasEmpty = {false};
        try {
            copyRows(source, target, tables, counts, wasEmpty);
        } catch (RuntimeException e) {
            if (wasEmpty[0]) {
                // the rows went back with the transaction, so the target is empty again: what opening it made (a new
                // schema) goes too. A target refused as not empty is left exactly as it was.
                discardMadeOnOpening(target, e);
            }
            throw e;
        }
        LOG.info("Copied {} to {}: {}", source.location(), target.location(), counts);
        return counts;
    }

    private static void discardMadeOnOpening(Database target, RuntimeException failure) {
        try {
            target.write(c -> {
                target.engine().discardMadeOnOpening(c);
                return null;
            });
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static void copyRows(Database source, Database target, List<String> tables, Map<String, Long> counts,
                                 boolean[] wasEmpty) {
        target.write(t -> {
            List<String> targetTables = tablesInReferenceOrder(t);
            if (!new LinkedHashSet<>(targetTables).equals(new LinkedHashSet<>(tables))) {
                throw new PersistenceException("copy.error.tables", source.location(), target.location());
            }
            for (String table : targetTables) {
                long rows = count(t, table, table.equals("setting") ? " WHERE key <> '" + LedgerIdentity.KEY + "'"
                        : "");
                if (rows > 0) {
                    throw new PersistenceException("copy.error.notEmpty", target.location(), table, rows);
                }
            }
            wasEmpty[0] = true;
            try (Statement st = t.createStatement()) {
                st.executeUpdate("DELETE FROM setting"); // its own id: the copy is the source's ledger
            }
            for (String table : tables) {
                counts.put(table, copyTable(source, t, table));
            }
            target.engine().idsTaken(t);
            for (String table : tables) {
                long copied = count(t, table, "");
                if (copied != counts.get(table)) {
                    throw new PersistenceException("copy.error.incomplete", target.location(), table, copied,
                            counts.get(table));
                }
            }
            return null;
        });
    }

    /** The ledger's tables (not Flyway's history, not the engine's own), each after the tables it refers to. */
    static List<String> tablesInReferenceOrder(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        Map<String, Set<String>> refersTo = new TreeMap<>();
        try (ResultSet rs = meta.getTables(null, schemaOf(c), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (!name.equalsIgnoreCase(Migrations.HISTORY) && !name.toLowerCase(Locale.ROOT).startsWith("sqlite_")) {
                    refersTo.put(name, new LinkedHashSet<>());
                }
            }
        }
        for (String table : refersTo.keySet()) {
            for (Reference r : references(c, table)) {
                if (!r.parent().equals(table) && refersTo.containsKey(r.parent())) {
                    refersTo.get(table).add(r.parent());
                }
            }
        }
        List<String> order = new ArrayList<>();
        while (order.size() < refersTo.size()) {
            boolean progress = false;
            for (Map.Entry<String, Set<String>> e : refersTo.entrySet()) {
                if (!order.contains(e.getKey()) && order.containsAll(e.getValue())) {
                    order.add(e.getKey());
                    progress = true;
                }
            }
            if (!progress) {
                throw new SQLException("The tables refer to each other in a circle: " + refersTo);
            }
        }
        return order;
    }

    /** One column of {@code table} that refers to {@code parent}. */
    private record Reference(String column, String parent) {
    }

    private static List<Reference> references(Connection c, String table) throws SQLException {
        List<Reference> list = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getImportedKeys(null, schemaOf(c), table)) {
            while (rs.next()) {
                list.add(new Reference(rs.getString("FKCOLUMN_NAME"), rs.getString("PKTABLE_NAME")));
            }
        }
        return list;
    }

    private static String schemaOf(Connection c) throws SQLException {
        return c.getSchema(); // PostgreSQL: the ledger's schema; SQLite: none
    }

    /** One table's rows, its references to itself filled in afterwards. */
    private static long copyTable(Database source, Connection t, String table) throws SQLException {
        Map<String, Integer> kinds = columnKinds(t, table);
        Set<String> selfRefs = new LinkedHashSet<>();
        for (Reference r : references(t, table)) {
            if (r.parent().equals(table)) {
                selfRefs.add(r.column());
            }
        }
        List<String> columns = new ArrayList<>(kinds.keySet());
        String list = String.join(", ", columns.stream().map(LedgerCopy::quote).toList());
        String insert = "INSERT INTO " + quote(table) + " (" + list + ") VALUES ("
                + String.join(", ", columns.stream().map(x -> "?").toList()) + ")";
        String key = columns.get(0); // id (or the first column of a key: unused without references to itself)
        // A file's rows in the order they were written (the rowid: what keeps aliases in the order they were given);
        // a server's by their first column.
        String order = source.isShared() ? "1" : "rowid";
        List<Object[]> later = new ArrayList<>();
        long rows = source.read(s -> {
            long n = 0;
            try (Statement st = s.createStatement();
                 ResultSet rs = st.executeQuery("SELECT " + list + " FROM " + quote(table) + " ORDER BY " + order);
                 PreparedStatement ps = t.prepareStatement(insert)) {
                while (rs.next()) {
                    for (int i = 0; i < columns.size(); i++) {
                        String column = columns.get(i);
                        Object value = rs.getObject(i + 1);
                        if (selfRefs.contains(column) && value != null) {
                            later.add(new Object[] {column, value, rs.getObject(1)});
                            value = null;
                        }
                        bind(ps, i + 1, value, kinds.get(column));
                    }
                    ps.addBatch();
                    if (++n % 500 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            return n;
        });
        for (Object[] ref : later) {
            try (PreparedStatement ps = t.prepareStatement("UPDATE " + quote(table) + " SET "
                    + quote((String) ref[0]) + " = ? WHERE " + quote(key) + " = ?")) {
                bind(ps, 1, ref[1], kinds.get((String) ref[0]));
                bind(ps, 2, ref[2], kinds.get(key));
                ps.executeUpdate();
            }
        }
        return rows;
    }

    /** The target's columns of {@code table} in order, with the JDBC type each is written as. */
    private static Map<String, Integer> columnKinds(Connection c, String table) throws SQLException {
        Map<String, Integer> kinds = new LinkedHashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM " + quote(table) + " WHERE 1 = 0")) {
            var meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                kinds.put(meta.getColumnName(i), kindOf(meta.getColumnType(i), meta.getColumnTypeName(i)));
            }
        }
        return kinds;
    }

    private static int kindOf(int jdbcType, String typeName) {
        String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        return switch (jdbcType) {
            case Types.INTEGER, Types.BIGINT, Types.SMALLINT, Types.TINYINT -> Types.BIGINT;
            case Types.REAL, Types.FLOAT, Types.DOUBLE, Types.NUMERIC, Types.DECIMAL -> Types.DOUBLE;
            case Types.BLOB, Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> Types.BINARY;
            default -> name.contains("int") ? Types.BIGINT
                    : name.contains("real") || name.contains("double") ? Types.DOUBLE
                    : name.contains("blob") || name.contains("bytea") ? Types.BINARY : Types.VARCHAR;
        };
    }

    private static void bind(PreparedStatement ps, int i, Object value, int kind) throws SQLException {
        if (value == null) {
            ps.setNull(i, kind);
            return;
        }
        switch (kind) {
            case Types.BIGINT -> ps.setLong(i, value instanceof Number n ? n.longValue() : Long.parseLong(value.toString()));
            case Types.DOUBLE -> ps.setDouble(i, value instanceof Number n ? n.doubleValue()
                    : Double.parseDouble(value.toString()));
            case Types.BINARY -> ps.setBytes(i, value instanceof byte[] b ? b
                    : value.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            default -> ps.setString(i, value instanceof byte[] b
                    ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : value.toString());
        }
    }

    private static long count(Connection c, String table, String where) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + quote(table) + where)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Every table's row count (the ledger's id left out of {@code setting}): equal in a copy and its source. */
    public static Map<String, Long> rowCounts(Database db) {
        return db.read(c -> {
            Map<String, Long> counts = new TreeMap<>();
            for (String table : tablesInReferenceOrder(c)) {
                counts.put(table, count(c, table, ""));
            }
            return counts;
        });
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
