package org.duban.persistence.sqlite;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.sqlite.jdbc3.JDBC3ResultSet;

/**
 * Reading SQLite's text columns as their UTF-8 bytes. The driver's {@code getString} wraps each value in a direct
 * buffer made through JNI, copies it into an array and decodes that; {@code getBytes} hands over the array. On the
 * checklist's load (550,000 column reads for 10,000 tasks) the buffer path cost a tenth of the load, measured in
 * BENCHMARKS.md ("Checklist load"). Both decode the same bytes the same way, so the strings are the same.
 */
public final class SqliteColumns {
    private SqliteColumns() {
    }

    /** Whether {@code rs} comes from the SQLite driver (whose text columns {@link #text} reads). */
    public static boolean owns(ResultSet rs) {
        return rs instanceof JDBC3ResultSet;
    }

    /** A text column of a SQLite result as a string, null for NULL. */
    public static String text(ResultSet rs, int col) throws SQLException {
        byte[] b = rs.getBytes(col);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    /** A text column of a SQLite result as its UTF-8 bytes, null for NULL. */
    public static byte[] bytes(ResultSet rs, int col) throws SQLException {
        return rs.getBytes(col);
    }
}
