package org.duban.persistence.contract;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.duban.persistence.Database;

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

    /** Every engine; the shared-ledger issue adds PostgreSQL here (skipped where no server is at hand). */
    public static Stream<Engine> all() {
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
}
