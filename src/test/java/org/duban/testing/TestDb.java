package org.duban.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.duban.model.Meeting;
import org.duban.model.MeetingKind;
import org.duban.persistence.Database;
import org.duban.service.sample.SampleMeeting;

/** Real SQLite files for tests. */
public final class TestDb {
    private TestDb() {
    }

    /** A new database file with the default roster. */
    public static Database withRoster(Path dir) {
        Database db = Database.open(dir.resolve("test.db"));
        Wired.of(db).roster().ensureDefaultRoster();
        return db;
    }

    /** A new database with the roster and the sample meeting. */
    public static Database withSample(Path dir) {
        Database db = Database.open(dir.resolve("test.db"));
        SampleMeeting.load(Wired.of(db));
        return db;
    }

    /** A database with the roster and one empty assignment meeting. */
    public static Meeting emptyMeeting(Database db) {
        return Wired.of(db).meetings().create(new Meeting(0, MeetingKind.ASSIGNMENT, java.time.LocalDate.of(2026, 3, 19),
                "测试交办会", ""));
    }

    /** One text value from SQL on a separate connection. */
    public static String sqlString(Path file, String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One number from SQL on a separate connection: an independent look at the file. */
    public static long sqlLong(Path file, String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Another tool writes what the program never would: plain SQL on a connection of its own, with foreign keys
     * and CHECK constraints off (as a careless script or a DB browser may leave them).
     */
    public static void otherTool(Path file, String... sql) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("PRAGMA foreign_keys = OFF");
            st.execute("PRAGMA ignore_check_constraints = ON");
            for (String s : sql) {
                st.execute(s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A digest of every row of every table, read on a connection of its own: equal digests mean the ledger's
     * content is unchanged, whatever happened to the file's pages.
     */
    public static String contentDigest(Path file) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            java.util.List<String> tables = new java.util.ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' "
                    + "AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                md.update(("\u0000table " + t).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                try (ResultSet rs = st.executeQuery("SELECT * FROM \"" + t + "\" ORDER BY rowid")) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= n; i++) {
                            Object v = rs.getObject(i);
                            md.update(v instanceof byte[] b ? b
                                    : ("\u0001" + v).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        }
                    }
                }
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (SQLException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
