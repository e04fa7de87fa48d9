package org.duban.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.duban.persistence.sqlite.SqliteColumns;

/** Small JDBC helpers shared by the repositories: dates as ISO text, nullable numbers, scoped lists. */
final class Rows {
    private Rows() {
    }

    @FunctionalInterface
    interface Mapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Sets one row's parameters on an INSERT. */
    @FunctionalInterface
    interface Binder<T> {
        void bind(PreparedStatement ps, T row) throws SQLException;
    }

    /** Runs {@code sql} once for every row, as one JDBC batch. */
    static <T> void batch(Connection c, String sql, Iterable<T> rows, Binder<T> binder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (T row : rows) {
                binder.bind(ps, row);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static LocalDate date(ResultSet rs, int col) throws SQLException {
        if (SqliteColumns.owns(rs)) {
            byte[] b = SqliteColumns.bytes(rs, col);
            return b == null ? null : date(b);
        }
        String s = rs.getString(col);
        return s == null ? null : date(s);
    }

    /**
     * A text column: on SQLite read as its UTF-8 bytes ({@link SqliteColumns}), a good part of a 10,000-task
     * checklist's load; elsewhere by {@code getString}.
     */
    static String text(ResultSet rs, int col) throws SQLException {
        return SqliteColumns.owns(rs) ? SqliteColumns.text(rs, col) : rs.getString(col);
    }

    /** An ISO date from its ASCII bytes as SQLite stores it, without making a string first; else as {@link #date(String)}. */
    static LocalDate date(byte[] b) {
        if (b.length == 10 && b[4] == '-' && b[7] == '-') {
            int y = digits(b, 0, 4);
            int m = digits(b, 5, 7);
            int d = digits(b, 8, 10);
            if (y >= 0 && m >= 0 && d >= 0) {
                try {
                    return LocalDate.of(y, m, d);
                } catch (java.time.DateTimeException e) {
                    // 2026-02-30: the string's message below
                }
            }
        }
        return date(new String(b, java.nio.charset.StandardCharsets.UTF_8));
    }

    private static int digits(byte[] b, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            int c = b[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /**
     * An ISO date as the schema stores it (yyyy-MM-dd), read by hand: LocalDate.parse goes through a formatter and
     * was a good part of reading 100,000 reports (each with a date) for the checklist. Anything else still goes
     * through LocalDate.parse, which says what is wrong.
     */
    static LocalDate date(String s) {
        if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
            int y = digits(s, 0, 4);
            int m = digits(s, 5, 7);
            int d = digits(s, 8, 10);
            if (y >= 0 && m >= 0 && d >= 0) {
                try {
                    return LocalDate.of(y, m, d);
                } catch (java.time.DateTimeException e) {
                    return LocalDate.parse(s); // 2026-02-30: the same message as before
                }
            }
        }
        return LocalDate.parse(s);
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    static Instant instant(ResultSet rs, int col) throws SQLException {
        String s = rs.getString(col);
        return s == null ? null : Instant.parse(s);
    }

    static Long nullableLong(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    static void setDate(PreparedStatement ps, int i, LocalDate d) throws SQLException {
        if (d == null) {
            ps.setNull(i, Types.VARCHAR);
        } else {
            ps.setString(i, d.toString());
        }
    }

    static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setLong(i, v);
        }
    }

    /** Runs {@code SELECT columns FROM table WHERE <scope> ORDER BY order} and maps each row. */
    static <T> List<T> scoped(Connection c, String select, String condition, TaskScope scope, String order,
                              Mapper<T> mapper) throws SQLException {
        List<T> list = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(select + " WHERE " + condition + " ORDER BY " + order)) {
            if (scope.hasParameter()) {
                ps.setLong(1, scope.id());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(mapper.map(rs));
                }
            }
        }
        return list;
    }

    /** The row with this id, if any. */
    static <T> Optional<T> byId(Connection c, String select, long id, Mapper<T> mapper) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(select + " WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(mapper.map(rs)) : Optional.empty();
            }
        }
    }

    /**
     * Executes an insert and returns its row id. The connection does not fetch generated keys by itself (see
     * {@code Database}): the driver then ran a regular expression over the statement's text and prepared a query after
     * every insert, also where no key was wanted, a tenth of a 10,000-task import (BENCHMARKS.md).
     */
    static long insert(PreparedStatement ps) throws SQLException {
        ps.executeUpdate();
        try (Statement st = ps.getConnection().createStatement();
             ResultSet rs = st.executeQuery(lastIdQuery(ps.getConnection()))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** {@code SELECT last_insert_rowid()}, prepared once for many inserts: {@link #insert(PreparedStatement, PreparedStatement)}. */
    static PreparedStatement prepareLastId(Connection c) throws SQLException {
        return c.prepareStatement(lastIdQuery(c));
    }

    /**
     * The query for the id the last insert without one was given: SQLite's {@code last_insert_rowid()}, PostgreSQL's
     * {@code lastval()} (the identity's sequence, on this connection). For the repositories still on plain JDBC; the
     * ones on JDBI read {@code INSERT … RETURNING id}.
     */
    static String lastIdQuery(Connection c) throws SQLException {
        return "PostgreSQL".equals(c.getMetaData().getDatabaseProductName()) ? "SELECT lastval()"
                : "SELECT last_insert_rowid()";
    }

    /** Executes an insert (prepared without generated keys) and returns its row id, read by {@code lastId}. */
    static long insert(PreparedStatement ps, PreparedStatement lastId) throws SQLException {
        ps.executeUpdate();
        try (ResultSet rs = lastId.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static PreparedStatement prepareInsert(Connection c, String sql) throws SQLException {
        return c.prepareStatement(sql);
    }
}
