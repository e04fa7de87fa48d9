package org.duban.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.duban.persistence.contract.Engine;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Rows#insert}: the plain-JDBC repositories' new keys, on every engine, one at a time and prepared once; texts and
 * dates as {@link Rows} reads them.
 */
class RowsOnEnginesTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void anInsertReturnsTheIdItWasGiven(Engine engine) {
        try (Database db = engine.create(dir)) {
            engine.seed(db, "INSERT INTO meeting (id, kind, held_on, title) VALUES (7, 'ASSIGNMENT', '2026-03-19', 'a')");
            long[] ids = db.write(c -> {
                String sql = "INSERT INTO meeting (kind, held_on, title) VALUES ('REVIEW', '2026-04-01', ?)";
                long first;
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, 'b' + "");
                    first = Rows.insert(ps);
                }
                try (PreparedStatement ps = c.prepareStatement(sql); PreparedStatement last = Rows.prepareLastId(c)) {
                    ps.setString(1, "c");
                    long second = Rows.insert(ps, last);
                    ps.setString(1, "d");
                    return new long[] {first, second, Rows.insert(ps, last)};
                }
            });
            assertEquals(8, ids[0], "after the seeded 7");
            assertEquals(9, ids[1]);
            assertEquals(10, ids[2]);
            assertEquals("d", db.read(c -> {
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT title FROM meeting WHERE id = " + ids[2])) {
                    rs.next();
                    return rs.getString(1);
                }
            }));
        }
    }

    /** {@link Rows#text} and {@link Rows#date}: what {@code getString} and a date parse give, also for '' and NULL. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void textsAndDatesReadAsStored(Engine engine) {
        try (Database db = engine.create(dir)) {
            String[] texts = {"", "abc", "中文：第1项（蕉城区）", "emoji \uD83D\uDE00 e\u0301", "多行\n文本"};
            engine.seed(db, "INSERT INTO meeting (id, kind, held_on, title) VALUES (1, 'ASSIGNMENT', '2026-03-19', 'a')");
            db.write(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO meeting (kind, held_on, title, notes) "
                        + "VALUES ('REVIEW', '2026-04-30', ?, ?)")) {
                    for (String t : texts) {
                        ps.setString(1, t.isEmpty() ? "x" : t);
                        ps.setString(2, t);
                        ps.executeUpdate();
                    }
                }
                return null;
            });
            db.read(c -> {
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT notes, held_on, NULL, CAST(NULL AS TEXT) FROM meeting "
                             + "WHERE id > 1 ORDER BY id")) {
                    for (String t : texts) {
                        rs.next();
                        assertEquals(t, Rows.text(rs, 1));
                        assertEquals(java.time.LocalDate.of(2026, 4, 30), Rows.date(rs, 2));
                        assertEquals(null, Rows.text(rs, 3));
                        assertEquals(null, Rows.date(rs, 4));
                    }
                }
                return null;
            });
        }
    }
}
