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

/** {@link Rows#insert}: the plain-JDBC repositories' new keys, on every engine, one at a time and prepared once. */
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
}
