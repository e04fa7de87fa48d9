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
import org.duban.persistence.contract.Engines;
import org.duban.service.sample.SampleMeeting;

/**
 * Real ledgers for tests: SQLite files, or with the system property {@value #ENGINE_PROPERTY}{@code =postgresql} (the
 * pom's {@code service-on-postgresql} execution) a fresh database on the test server of {@code DUBAN_TEST_PG}
 * ({@link Engines#POSTGRESQL}) for each ledger. The server's ledgers are copies of a template made once per JVM
 * (an empty migrated ledger, and one with the sample), each given an id of its own: {@code CREATE DATABASE …
 * TEMPLATE} takes a second where loading the sample over the wire takes half a minute.
 */
public final class TestDb {
    /** {@code sqlite} (the default) or {@code postgresql}: where {@link #withRoster} and {@link #withSample} make ledgers. */
    public static final String ENGINE_PROPERTY = "duban.test.engine";
    private static final java.util.Map<Path, String> SERVER_LEDGERS = new java.util.concurrent.ConcurrentHashMap<>();
    private static String emptyTemplate;
    private static String sampleTemplate;

    private TestDb() {
    }

    /** True when the tests' ledgers are made on the PostgreSQL server. */
    public static boolean onServer() {
        return "postgresql".equals(System.getProperty(ENGINE_PROPERTY, "sqlite").strip());
    }

    /** A new, empty ledger: {@code dir/test.db}, or a fresh database on the test server. */
    public static Database open(Path dir) {
        if (!onServer()) {
            return Database.open(dir.resolve("test.db"));
        }
        return copyOf(template(false), dir);
    }

    /** The ledger {@link #open}, {@link #withRoster} or {@link #withSample} made for {@code dir}, opened again. */
    public static Database reopen(Path dir) {
        if (!onServer()) {
            return Database.open(dir.resolve("test.db"));
        }
        return Database.connect(Engines.POSTGRESQL.url(SERVER_LEDGERS.get(dir)), Engines.POSTGRESQL.credentials());
    }

    /** A new database file with the default roster. */
    public static Database withRoster(Path dir) {
        Database db = open(dir);
        Wired.of(db).roster().ensureDefaultRoster();
        return db;
    }

    /** A new database with the roster and the sample meeting. */
    public static Database withSample(Path dir) {
        if (onServer()) {
            return copyOf(template(true), dir);
        }
        Database db = Database.open(dir.resolve("test.db"));
        SampleMeeting.load(Wired.of(db));
        return db;
    }

    /** The template database on the server (made at the first call): migrated, and with the sample if asked. */
    private static synchronized String template(boolean sample) {
        String made = sample ? sampleTemplate : emptyTemplate;
        if (made != null) {
            return made;
        }
        Engines.all(); // with DUBAN_REQUIRE_PG=1, an absent server fails here
        org.junit.jupiter.api.Assumptions.assumeTrue(Engines.POSTGRESQL.available(),
                "no PostgreSQL server for " + ENGINE_PROPERTY + "=postgresql");
        String name = Engines.POSTGRESQL.newDatabase();
        Engines.POSTGRESQL.keepAsTemplate(name);
        try (Database db = Database.connect(Engines.POSTGRESQL.url(name), Engines.POSTGRESQL.credentials())) {
            if (sample) {
                SampleMeeting.load(Wired.of(db));
            }
        }
        if (sample) {
            sampleTemplate = name;
        } else {
            emptyTemplate = name;
        }
        return name;
    }

    private static Database copyOf(String template, Path dir) {
        String name = Engines.POSTGRESQL.newDatabase(template);
        SERVER_LEDGERS.put(dir, name);
        Database db = Database.connect(Engines.POSTGRESQL.url(name), Engines.POSTGRESQL.credentials());
        org.duban.persistence.LedgerIdentity.set(db, java.util.UUID.randomUUID().toString()); // a ledger of its own
        return db;
    }

    /** One number from SQL on a connection of its own to {@code db}'s file or server database. */
    public static long sqlLong(Database db, String sql) {
        if (!db.isShared()) {
            return sqlLong(db.file(), sql);
        }
        try (Connection c = server(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(spelledForServer(sql))) {
            return rs.next() ? rs.getLong(1) : -1;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One text value from SQL on a connection of its own to {@code db}'s file or server database. */
    public static String sqlString(Database db, String sql) {
        if (!db.isShared()) {
            return sqlString(db.file(), sql);
        }
        try (Connection c = server(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(spelledForServer(sql))) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one spelling the tests' SQL uses that differs: SQLite's {@code group_concat(x, sep)} is {@code string_agg}. */
    private static String spelledForServer(String sql) {
        return sql.replace("group_concat(", "string_agg(");
    }

    /** A connection of its own to {@code db}'s file or server database: an independent look, for SQL by hand. */
    public static Connection connection(Database db) throws SQLException {
        return db.isShared() ? server(db) : DriverManager.getConnection("jdbc:sqlite:" + db.file());
    }

    private static Connection server(Database db) throws SQLException {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("user", Engines.POSTGRESQL.credentials().user());
        p.setProperty("password", Engines.POSTGRESQL.credentials().password());
        return DriverManager.getConnection("jdbc:" + db.location(), p);
    }

    /** A database with the roster and one empty assignment meeting. */
    public static Meeting emptyMeeting(Database db) {
        return Wired.of(db).meetings().create(new Meeting(0, MeetingKind.ASSIGNMENT, java.time.LocalDate.of(2026, 3, 19),
                "测试交办会", ""));
    }

    /** One text value from SQL on a separate connection. */
    public static String sqlString(Path file, String sql) {
        java.util.Objects.requireNonNull(file, "a ledger file (a shared ledger has none)");
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
        java.util.Objects.requireNonNull(file, "a ledger file (a shared ledger has none)");
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
        java.util.Objects.requireNonNull(file, "a ledger file (a shared ledger has none)");
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
     * {@link #contentDigest(Path)} of either engine: on a shared ledger every table's rows (ordered by all their
     * columns; the rows' versions and Flyway's history left out), read on a connection of its own.
     */
    public static String contentDigest(Database db) {
        if (!db.isShared()) {
            return contentDigest(db.file());
        }
        try (Connection c = server(db); Statement st = c.createStatement()) {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            java.util.List<String> tables = new java.util.ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                    + "current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history' "
                    + "ORDER BY table_name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                md.update(("table " + table + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                try (ResultSet rs = st.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = rs.getMetaData().getColumnCount();
                    java.util.List<String> rows = new java.util.ArrayList<>();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= columns; i++) {
                            if (!"row_version".equals(rs.getMetaData().getColumnName(i))) {
                                row.append(rs.getString(i)).append('\u0001');
                            }
                        }
                        rows.add(row.toString());
                    }
                    java.util.Collections.sort(rows);
                    for (String row : rows) {
                        md.update((row + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    }
                }
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (SQLException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A digest of every row of every table, read on a connection of its own: equal digests mean the ledger's
     * content is unchanged, whatever happened to the file's pages.
     */
    public static String contentDigest(Path file) {
        java.util.Objects.requireNonNull(file, "a ledger file (a shared ledger has none)");
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
