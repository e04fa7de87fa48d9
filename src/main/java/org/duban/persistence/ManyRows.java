package org.duban.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Inserts many rows with multi-row {@code INSERT … VALUES (…), (…), …} statements, each of up to {@link #PARAMETERS}
 * values: the same rows in the same order as one statement per row, with a fraction of the statements. A JDBC
 * batch still runs its statement once per row (SQLite's driver resets, binds and steps each), which was 40% of
 * writing an import's 27,000 shares and 38,000 audit rows (issue 24). Both engines accept the form, and stay far
 * below their limits on parameters (SQLite 32,766, PostgreSQL 65,535).
 */
final class ManyRows {
    /** Values bound per statement at most. */
    static final int PARAMETERS = 960;

    /** Binds one row's values from {@code first} on. */
    @FunctionalInterface
    interface Binder<T> {
        void bind(PreparedStatement ps, int first, T row) throws SQLException;
    }

    private ManyRows() {
    }

    /**
     * Inserts {@code rows} in order.
     *
     * @param into    {@code INSERT INTO table (a, b, c)}, without {@code VALUES}
     * @param columns how many values a row binds
     */
    static <T> void insert(Connection c, String into, int columns, Iterable<T> rows, Binder<T> binder)
            throws SQLException {
        insert(c, into, columns, "", rows, binder);
    }

    /**
     * {@link #insert(Connection, String, int, Iterable, Binder)} with {@code after} following each statement's values
     * ({@code ON CONFLICT … DO NOTHING}).
     *
     * @return how many rows the statements inserted
     */
    static <T> int insert(Connection c, String into, int columns, String after, Iterable<T> rows, Binder<T> binder)
            throws SQLException {
        int per = Math.max(1, PARAMETERS / columns);
        int inserted = 0;
        List<T> pending = new ArrayList<>(per);
        PreparedStatement full = null;
        try {
            for (T row : rows) {
                pending.add(row);
                if (pending.size() == per) {
                    if (full == null) {
                        full = c.prepareStatement(sql(into, columns, per) + after);
                    }
                    inserted += run(full, columns, pending, binder);
                    pending.clear();
                }
            }
            if (!pending.isEmpty()) {
                try (PreparedStatement rest = c.prepareStatement(sql(into, columns, pending.size()) + after)) {
                    inserted += run(rest, columns, pending, binder);
                }
            }
        } finally {
            if (full != null) {
                full.close();
            }
        }
        return inserted;
    }

    private static <T> int run(PreparedStatement ps, int columns, List<T> rows, Binder<T> binder)
            throws SQLException {
        int first = 1;
        for (T row : rows) {
            binder.bind(ps, first, row);
            first += columns;
        }
        return ps.executeUpdate();
    }

    static String sql(String into, int columns, int rows) {
        String one = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
        return into + " VALUES " + String.join(", ", Collections.nCopies(rows, one));
    }
}
