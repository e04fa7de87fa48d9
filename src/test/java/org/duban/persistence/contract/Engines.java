package org.duban.persistence.contract;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.duban.persistence.Database;
import org.duban.persistence.ServerCredentials;
import org.duban.persistence.postgresql.PostgresIdentities;

/** The engines the contract tests run on: {@code @MethodSource("org.duban.persistence.contract.Engines#all")}. */
public final class Engines {
    private Engines() {
    }

    /** The SQLite file of the desktop ledger. */
    public static final Engine SQLITE = new Engine() {
        @Override
        public String name() {
            return "sqlite";
        }

        @Override
        public Database create(Path dir) {
            return Database.create(dir.resolve("contract.db"));
        }

        @Override
        public String toString() {
            return name();
        }
    };

    /**
     * A shared ledger on the PostgreSQL server of {@code DUBAN_TEST_PG} ({@code postgresql://[user:password@]host:port},
     * default {@code postgresql://localhost:5432} as duban/duban): each {@link Engine#create} makes a new database
     * {@code duban_test_<random>} on it, dropped once closed (at the next test's, or when the tests' JVM ends).
     */
    public static final TestServer POSTGRESQL = new TestServer(System.getenv("DUBAN_TEST_PG"));

    /**
     * Every engine: SQLite, and PostgreSQL when its server answers. With {@code DUBAN_REQUIRE_PG=1} (CI) a server that
     * does not answer fails the tests instead of leaving PostgreSQL out.
     */
    public static Stream<Engine> all() {
        if (POSTGRESQL.available()) {
            return Stream.of(SQLITE, POSTGRESQL);
        }
        if ("1".equals(System.getenv("DUBAN_REQUIRE_PG"))) {
            throw new IllegalStateException("DUBAN_REQUIRE_PG=1, but the PostgreSQL server " + POSTGRESQL.base
                    + " does not answer: " + POSTGRESQL.unavailableBecause);
        }
        return Stream.of(SQLITE);
    }

    /** Two units, a meeting, two tasks; task 1 has shares 1 (unit 1) and 2 (unit 2), task 2 share 3 (unit 1). */
    static void seedTasks(Engine engine, Database db) {
        engine.seed(db,
                "INSERT INTO unit (id, name, short_name, kind, sort_order) VALUES "
                        + "(1, '蕉城区', '蕉城', 'DISTRICT', 1), (2, '市水利局', '水利局', 'CITY_DEPARTMENT', 2)",
                "INSERT INTO meeting (id, kind, held_on, title) VALUES (1, 'ASSIGNMENT', '2026-03-19', '交办会')",
                "INSERT INTO task (id, meeting_id, seq, source, problem, deadline) VALUES "
                        + "(1, 1, 1, '市级排查', '问题一', '2026年底前'), (2, 1, 2, '市级排查', '问题二', '2026年底前')",
                "INSERT INTO assignment (id, task_id, unit_id) VALUES (1, 1, 1), (2, 1, 2), (3, 2, 1)");
    }

    /** The PostgreSQL server the tests use, and the databases they made on it. */
    public static final class TestServer implements Engine {
        final String base;
        private final ServerCredentials credentials;
        private final List<String> made = new ArrayList<>();
        private final java.util.Set<String> templates = new java.util.HashSet<>();
        private boolean hookAdded;
        private Boolean available;
        private String unavailableBecause = "";

        TestServer(String env) {
            String url = env == null || env.isBlank() ? "postgresql://localhost:5432" : env.strip();
            URI uri = URI.create(url);
            String user = "duban";
            String password = "duban";
            if (uri.getUserInfo() != null) {
                String[] parts = uri.getUserInfo().split(":", 2);
                user = parts[0];
                password = parts.length > 1 ? parts[1] : "";
            }
            this.base = "postgresql://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort());
            this.credentials = new ServerCredentials(user, password);
        }

        @Override
        public String name() {
            return "postgresql";
        }

        @Override
        public String toString() {
            return name();
        }

        /** Whether the server answers (asked once). */
        public synchronized boolean available() {
            if (available == null) {
                try (Connection c = admin()) {
                    available = c.isValid(5);
                } catch (SQLException e) {
                    available = false;
                    unavailableBecause = e.getMessage();
                }
            }
            return available;
        }

        /**
         * A new database on the server, for one test. The earlier tests' databases that nobody uses any more go now
         * (tests run one after another: a test's ledgers are closed when the next one starts), the rest when the JVM
         * ends: dropping them all at its end takes longer than Surefire waits for a JVM to exit (each DROP DATABASE
         * waits for a checkpoint).
         */
        public synchronized String newDatabase() {
            return newDatabase("template0");
        }

        /** Like {@link #newDatabase()}, a copy of database {@code template} (which no one may have open). */
        public synchronized String newDatabase(String template) {
            String name = "duban_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
            try (Connection c = admin(); Statement st = c.createStatement()) {
                for (var it = made.iterator(); it.hasNext(); ) {
                    String old = it.next();
                    if (templates.contains(old)) {
                        continue; // copied again and again: dropped when the JVM ends
                    }
                    try {
                        st.execute("DROP DATABASE IF EXISTS " + old); // refused while a connection is open on it
                        it.remove();
                    } catch (SQLException inUse) {
                        // still open: at the end
                    }
                }
                st.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE " + template);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create the test database " + name + " on " + base, e);
            }
            if (!hookAdded) {
                Runtime.getRuntime().addShutdownHook(new Thread(this::dropAll, "drop-test-databases"));
                hookAdded = true;
            }
            made.add(name);
            return name;
        }

        /** Keeps database {@code name} (made by {@link #newDatabase()}) until the JVM ends: a template for copies. */
        public synchronized void keepAsTemplate(String name) {
            templates.add(name);
        }

        /** The URL of database {@code name} on this server. */
        public String url(String name) {
            return base + "/" + name;
        }

        public ServerCredentials credentials() {
            return credentials;
        }

        @Override
        public Database create(Path dir) {
            return Database.connect(url(newDatabase()), credentials);
        }

        /** Like every engine's seed, then each identity moved past the ids the seed gave. */
        @Override
        public void seed(Database db, String... sql) {
            Engine.super.seed(db, sql);
            db.write(c -> {
                PostgresIdentities.reset(c);
                return null;
            });
        }

        private synchronized void dropAll() {
            try (Connection c = admin(); Statement st = c.createStatement()) {
                for (String name : made) {
                    st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                }
            } catch (SQLException e) {
                System.err.println("Could not drop the test databases " + made + ": " + e.getMessage());
            }
        }

        private Connection admin() throws SQLException {
            Properties p = new Properties();
            p.setProperty("user", credentials.user());
            p.setProperty("password", credentials.password());
            p.setProperty("connectTimeout", "5");
            return DriverManager.getConnection("jdbc:" + base + "/postgres", p);
        }
    }
}
