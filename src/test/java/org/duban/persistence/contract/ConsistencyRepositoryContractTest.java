package org.duban.persistence.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.duban.persistence.ConsistencyRepository;
import org.duban.persistence.ConsistencyRepository.DanglingReference;
import org.duban.persistence.ConsistencyRepository.StoredTask;
import org.duban.persistence.ConsistencyRepository.UnitlessAssignment;
import org.duban.persistence.Database;
import org.duban.testing.TestDb;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ConsistencyRepository} on every engine: tasks as stored (the derived due date and flag, the active
 * shares counted) by meeting and 序号, and nothing dangling in a sound ledger. What another tool can leave behind
 * (rows whose references lead nowhere) only SQLite lets in: that part runs on SQLite, whose
 * {@code PRAGMA foreign_key_check} reports it.
 */
class ConsistencyRepositoryContractTest {
    @TempDir
    Path dir;

    /** Tasks 1 and 2 (Engines); task 1 due on a day with its share 2 withdrawn, task 2 ongoing. */
    private static void seed(Engine engine, Database db) {
        Engines.seedTasks(engine, db);
        engine.seed(db,
                "UPDATE task SET due_date = '2026-12-31' WHERE id = 1",
                "UPDATE task SET ongoing = 1 WHERE id = 2",
                "UPDATE assignment SET withdrawn_on = '2026-04-01' WHERE id = 2",
                "INSERT INTO meeting (id, kind, held_on, title) VALUES (2, 'ASSIGNMENT', '2026-01-05', '年初交办会')",
                "INSERT INTO task (id, meeting_id, seq, source, problem, deadline) VALUES "
                        + "(3, 2, 2, '来信', '问题三', '长期坚持'), (4, 2, 1, '来信', '问题四', '6月底前')");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void tasksAsStoredByMeetingAndNumber(Engine engine) {
        try (Database db = engine.create(dir)) {
            seed(engine, db);
            ConsistencyRepository consistency = new ConsistencyRepository(db);
            assertEquals(List.of(new StoredTask(1, 1, 1, "2026年底前", "2026-12-31", false, 1),
                    new StoredTask(2, 1, 2, "2026年底前", null, true, 1),
                    new StoredTask(4, 2, 1, "6月底前", null, false, 0),
                    new StoredTask(3, 2, 2, "长期坚持", null, false, 0)), consistency.tasks(),
                    "by meeting and 序号; withdrawn shares not counted");
            assertEquals(List.of(), consistency.assignmentsWithoutUnit(), "a sound ledger");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void rowsAnotherToolLeftPointingAtNothing(Engine engine) {
        assumeTrue(engine == Engines.SQLITE, "only SQLite lets another tool switch foreign keys off");
        Path file;
        try (Database db = engine.create(dir)) {
            seed(engine, db);
            file = db.file();
            assertEquals(List.of(), new ConsistencyRepository(db).danglingReferences(), "a sound ledger");
        }
        TestDb.otherTool(file,
                "DELETE FROM unit WHERE id = 2",
                "INSERT INTO assignment (id, task_id, unit_id) VALUES (9, 4, 55), (10, 99, 56)");
        try (Database db = Database.open(file)) {
            ConsistencyRepository consistency = new ConsistencyRepository(db);
            assertEquals(List.of(new UnitlessAssignment(10, 0, 0, 56), new UnitlessAssignment(2, 1, 1, 2),
                    new UnitlessAssignment(9, 2, 1, 55)), consistency.assignmentsWithoutUnit(),
                    "a share of no task first, then by meeting and 序号");
            assertEquals(Set.of(new DanglingReference("assignment", 2, "unit"),
                    new DanglingReference("assignment", 9, "unit"), new DanglingReference("assignment", 10, "unit"),
                    new DanglingReference("assignment", 10, "task")), Set.copyOf(consistency.danglingReferences()));
        }
    }
}
