package org.duban.persistence.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.duban.model.Assignment;
import org.duban.model.Deadline;
import org.duban.model.Task;
import org.duban.model.TaskStatus;
import org.duban.model.WithdrawnShare;
import org.duban.persistence.Database;
import org.duban.persistence.PersistenceException;
import org.duban.persistence.StaleRowException;
import org.duban.persistence.TaskRepository;
import org.duban.persistence.TaskScope;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link TaskRepository} on every engine: the aggregate (a task with its shares) stored and read whole, its keys,
 * the orders every read promises, the shares a save withdraws and restores, and the errors a caller is told.
 */
class TaskRepositoryContractTest {
    @TempDir
    Path dir;

    /** Three units, two meetings (the second one later), an import that can withdraw shares. */
    private static void seed(Engine engine, Database db) {
        engine.seed(db,
                "INSERT INTO unit (id, name, short_name, kind, sort_order) VALUES (1, '蕉城区', '蕉城', 'DISTRICT', 1), "
                        + "(2, '市水利局', '水利局', 'CITY_DEPARTMENT', 2), (3, '福安市', '福安', 'COUNTY_CITY', 3)",
                "INSERT INTO meeting (id, kind, held_on, title) VALUES (1, 'ASSIGNMENT', '2026-03-19', '交办会'), "
                        + "(2, 'ASSIGNMENT', '2026-05-06', '第二次交办会')",
                "INSERT INTO import_run (id, kind, file_name, meeting_id, imported_at, operator) "
                        + "VALUES (7, 'TASKS', '修订清单.xlsx', 1, '2026-05-01T08:00:00Z', '张三')");
    }

    private static Task task(long meetingId, int seq, String deadline, long... unitIds) {
        List<Assignment> shares = new ArrayList<>();
        for (long u : unitIds) {
            shares.add(Assignment.newFor(u));
        }
        return new Task(0, meetingId, seq, "中央生态环境保护督察", "水环境", "问题" + seq, "目标" + seq, "措施",
                "县长", "市生态环境局", Deadline.parse(deadline), "备注", shares);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void insertReadsBackWholeInTheirOrder(Engine engine) {
        try (Database db = engine.create(dir)) {
            seed(engine, db);
            TaskRepository tasks = new TaskRepository(db);
            assertEquals(List.of(), tasks.findAll(), "an empty ledger");
            assertEquals(1, tasks.nextSeq(1));

            Task withLead = new Task(0, 1, 2, "省级督察", "", "问题2", "", "", "", "", Deadline.parse("立行立改,长期坚持"),
                    "", List.of(Assignment.newFor(2)), 3);
            List<Task> stored = tasks.insertAll(List.of(withLead, task(1, 1, "2026年6月底前", 1, 2),
                    task(2, 1, "2026年底前", 3)));
            Task two = stored.get(0);
            Task one = stored.get(1);
            Task other = stored.get(2);
            assertEquals(3, new HashSet<>(stored.stream().map(Task::id).toList()).size(), "every task its own key");
            assertTrue(stored.stream().allMatch(t -> t.id() > 0));
            assertEquals(List.of(1L, 2L), one.unitIds(), "shares in the order given");
            for (Task t : stored) {
                for (Assignment a : t.assignments()) {
                    assertEquals(t.id(), a.taskId());
                    assertEquals(new Assignment(a.id(), t.id(), a.unitId(), TaskStatus.NOT_STARTED),
                            tasks.findAssignment(a.id()).orElseThrow(), "the share's key is its own");
                }
            }

            assertEquals(one, tasks.findById(one.id()).orElseThrow());
            assertEquals(two, tasks.findById(two.id()).orElseThrow());
            assertEquals(3, tasks.findById(two.id()).orElseThrow().leadUnitId(), "the lead unit kept");
            assertEquals(0, tasks.findById(one.id()).orElseThrow().leadUnitId(), "no lead unit: 0");
            assertTrue(tasks.findById(other.id() + 100).isEmpty());
            assertTrue(tasks.findAssignment(9999).isEmpty());

            assertEquals(List.of(one, two), tasks.findByMeeting(1), "by 序号, not by entry");
            assertEquals(List.of(one, two, other), tasks.findAll(), "by meeting, then 序号");
            assertEquals(List.of(one, two, other), tasks.find(TaskScope.all()));
            assertEquals(List.of(one, two), tasks.find(TaskScope.meeting(1L)));
            assertEquals(List.of(other), tasks.find(TaskScope.task(other.id())));
            assertEquals(List.of(one), tasks.find(TaskScope.assignment(one.assignments().get(1).id())));
            assertEquals(List.of(), tasks.findByMeeting(99));
            assertEquals(List.of(), tasks.find(TaskScope.meeting(99L)), "an empty scope");

            Task lean = tasks.findForCounting(TaskScope.task(one.id())).get(0);
            assertEquals(one.id(), lean.id());
            assertEquals(one.assignments(), lean.assignments());
            assertEquals(one.deadline(), lean.deadline());
            assertEquals("", lean.problem(), "counting reads no long text");
            assertEquals("", lean.measures());

            Task named = tasks.findWithProblem(TaskScope.task(one.id())).get(0);
            assertEquals(one.id(), named.id());
            assertEquals(one.seq(), named.seq());
            assertEquals(one.assignments(), named.assignments());
            assertEquals(one.deadline(), named.deadline());
            assertEquals("问题1", named.problem(), "the desk names a task by its problem");
            assertEquals(one.source(), named.source());
            assertEquals(one.category(), named.category());
            assertEquals("", named.target(), "no other long text");
            assertEquals("", named.measures());
            assertEquals("", named.remarks());
            assertEquals(List.of(one.id(), two.id(), other.id()),
                    tasks.findWithProblem(TaskScope.all()).stream().map(Task::id).toList(), "the same order as find");

            assertEquals(3, tasks.count());
            assertEquals(3, tasks.nextSeq(1));
            assertEquals(2, tasks.nextSeq(2));
            assertTrue(tasks.seqTaken(1, 2, one.id()));
            assertFalse(tasks.seqTaken(1, 2, two.id()), "its own 序号 is not taken");
            assertFalse(tasks.seqTaken(1, 5, 0));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void manyTasksGetTheirOwnKeysAndShares(Engine engine) {
        try (Database db = engine.create(dir)) {
            seed(engine, db);
            TaskRepository tasks = new TaskRepository(db);
            List<Task> list = new ArrayList<>();
            for (int i = 1; i <= 250; i++) { // more tasks and shares than one statement takes
                list.add(i % 2 == 0 ? task(1, i, "2026年底前", 1, 3) : task(1, i, "2026年底前", 2));
            }
            list.add(task(2, 1, "2026年底前", 3, 1, 2));
            list.add(task(2, 2, "2026年底前", 1));
            List<Task> stored = tasks.insertAll(list);
            assertEquals(252, stored.size());
            assertEquals(252, new HashSet<>(stored.stream().map(Task::id).toList()).size());
            for (int i = 0; i < list.size(); i++) {
                assertEquals(list.get(i).unitIds(), stored.get(i).unitIds(), "row " + i);
                assertEquals(list.get(i).seq(), stored.get(i).seq());
            }
            assertEquals(stored.get(250), tasks.findById(stored.get(250).id()).orElseThrow());
            assertEquals(stored.get(251), tasks.findById(stored.get(251).id()).orElseThrow());
            assertEquals(List.of(3L, 1L, 2L), tasks.findById(stored.get(250).id()).orElseThrow().unitIds());
            List<Task> read = tasks.findByMeeting(1);
            assertEquals(stored.subList(0, 250), read, "each share under its own task");
            assertEquals(List.of(), tasks.insertAll(List.of()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void saveWithdrawsRestoresAndAddsShares(Engine engine) {
        try (Database db = engine.create(dir)) {
            seed(engine, db);
            TaskRepository tasks = new TaskRepository(db);
            Task saved = tasks.insert(task(1, 1, "2026年底前", 1, 2));
            Assignment kept = saved.assignments().get(0);
            Assignment dropped = saved.assignments().get(1);
            tasks.updateAssignmentStatus(kept.id(), TaskStatus.COMPLETED);

            Task changed = new Task(saved.id(), 1, 4, "省级督察", "", "新问题", "", "", "", "", Deadline.parse("2027年上半年"),
                    "", List.of(Assignment.newFor(1), Assignment.newFor(3)), 2);
            TaskRepository.Saved result = tasks.update(changed, LocalDate.of(2026, 5, 1), 7L);
            assertEquals(List.of(dropped), result.withdrawn());
            assertEquals(List.of(), result.restored());
            assertEquals(List.of(1L, 3L), result.task().unitIds());
            assertEquals(kept.withStatus(TaskStatus.COMPLETED), result.task().assignments().get(0), "kept its state");
            Task read = tasks.findById(saved.id()).orElseThrow();
            assertEquals(result.task(), read);
            assertEquals("新问题", read.problem());
            assertEquals(4, read.seq());
            assertEquals(2, read.leadUnitId());
            assertTrue(tasks.isWithdrawn(dropped.id()));
            assertFalse(tasks.isWithdrawn(kept.id()));
            assertFalse(tasks.isWithdrawn(9999), "no such share");
            assertEquals(List.of(new WithdrawnShare(dropped, LocalDate.of(2026, 5, 1), 7L, "修订清单.xlsx")),
                    tasks.withdrawn(TaskScope.task(saved.id())), "by the import, with its file");
            assertEquals(List.of(), tasks.withdrawn(TaskScope.meeting(2L)));

            Task back = new Task(saved.id(), 1, 4, "省级督察", "", "新问题", "", "", "", "", Deadline.parse("2027年上半年"),
                    "", List.of(Assignment.newFor(1), Assignment.newFor(2)));
            TaskRepository.Saved again = tasks.update(back.withVersion(read.version()), LocalDate.of(2026, 6, 1), null);
            assertEquals(List.of(new WithdrawnShare(dropped, LocalDate.of(2026, 5, 1), 7L, "修订清单.xlsx")),
                    again.restored(), "the unit put back gets its own share again");
            assertEquals(dropped.id(), again.task().assignments().get(1).id());
            assertEquals(1, again.withdrawn().size(), "unit 3 taken off");
            assertEquals(0, tasks.findById(saved.id()).orElseThrow().leadUnitId(), "the lead unit removed");
            WithdrawnShare byForm = tasks.withdrawn(TaskScope.all()).get(0);
            assertEquals(null, byForm.importId());
            assertEquals("", byForm.importFile(), "withdrawn in the form: no import");

            tasks.setWithdrawn(kept.id(), LocalDate.of(2026, 7, 1), 7L);
            assertTrue(tasks.isWithdrawn(kept.id()));
            tasks.setWithdrawn(kept.id(), null, 7L);
            assertFalse(tasks.isWithdrawn(kept.id()), "restored");

            PersistenceException gone = assertThrows(PersistenceException.class,
                    () -> tasks.setWithdrawn(9999, LocalDate.of(2026, 7, 1), null));
            assertEquals("tracking.error.assignmentGone", gone.key());
            PersistenceException noTask = assertThrows(PersistenceException.class, () -> tasks.update(
                    new Task(9999, 1, 9, "x", "", "问题", "", "", "", "", Deadline.parse("2026年底前"), "", List.of()),
                    LocalDate.of(2026, 7, 1), null));
            assertEquals("task.error.gone", noTask.key());
            assertEquals(List.of(9), List.of(noTask.args()), "names the 序号");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void aChangeFromAnOlderReadingChangesNothingAndEveryChangeMovesTheVersion(Engine engine) {
        try (Database db = engine.create(dir)) {
            seed(engine, db);
            TaskRepository tasks = new TaskRepository(db);
            Task saved = tasks.insert(task(1, 1, "2026年底前", 1, 2));
            assertEquals(0, saved.version());
            Task stored = tasks.findById(saved.id()).orElseThrow();
            assertEquals(0, stored.version(), "a new task's version");

            Task first = new Task(saved.id(), 1, 1, "省级督察", "", "第一席位改的", "", "", "", "",
                    Deadline.parse("2026年底前"), "", List.of(Assignment.newFor(1)), 0, stored.version());
            TaskRepository.Saved one = tasks.update(first, LocalDate.of(2026, 5, 1), null);
            assertEquals(1, one.task().version(), "the saved task has the new version");
            assertEquals(1, tasks.findById(saved.id()).orElseThrow().version());
            assertEquals(java.util.OptionalLong.of(1), tasks.version(saved.id()));

            Task second = new Task(saved.id(), 1, 1, "省级督察", "", "第二席位改的", "", "", "", "",
                    Deadline.parse("2027年上半年"), "", List.of(Assignment.newFor(2)), 0, stored.version());
            StaleRowException e = assertThrows(StaleRowException.class,
                    () -> tasks.update(second, LocalDate.of(2026, 5, 2), null));
            assertEquals(org.duban.model.AuditEntity.TASK, e.entity());
            assertEquals(saved.id(), e.entityId());
            Task now = tasks.findById(saved.id()).orElseThrow();
            assertEquals("第一席位改的", now.problem(), "the first seat's values stay");
            assertEquals(List.of(1L), now.unitIds(), "and its shares: nothing of the refused change is written");
            assertEquals(1, now.version());

            tasks.setIssuedOn(saved.id(), LocalDate.of(2026, 4, 1));
            tasks.setOrigin(saved.id(), null);
            assertEquals(3, tasks.version(saved.id()).orElseThrow(), "the other in-place changes move it too");
            assertThrows(StaleRowException.class, () -> tasks.update(now, LocalDate.of(2026, 5, 3), null));
            assertTrue(tasks.version(9999).isEmpty(), "no such task");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void aUnitOrASeqTwiceIsRefusedAndNothingIsWritten(Engine engine) {
        try (Database db = engine.create(dir)) {
            seed(engine, db);
            TaskRepository tasks = new TaskRepository(db);
            tasks.insert(task(1, 1, "2026年底前", 1));
            PersistenceException e = assertThrows(PersistenceException.class,
                    () -> tasks.insertAll(List.of(task(1, 2, "2026年底前", 2), task(1, 3, "2026年底前", 1, 1))));
            assertEquals("db.error.constraint", e.key());
            assertEquals(1, tasks.count(), "neither task of the refused call was kept");
            PersistenceException seq = assertThrows(PersistenceException.class,
                    () -> tasks.insertAll(List.of(task(1, 2, "2026年底前", 2), task(1, 2, "2026年底前", 1))));
            assertEquals("db.error.constraint", seq.key(), "one 序号 twice in a meeting");
            assertEquals(1, tasks.count());
            assertEquals(List.of(1L), tasks.findByMeeting(1).get(0).unitIds());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void issuedDaysOriginsAndDelete(Engine engine) {
        try (Database db = engine.create(dir)) {
            seed(engine, db);
            TaskRepository tasks = new TaskRepository(db);
            List<Task> stored = tasks.insertAll(List.of(task(1, 1, "2026年底前", 1, 2), task(1, 2, "2026年底前", 2),
                    task(2, 1, "2026年底前", 3)));
            long a = stored.get(0).id();
            long b = stored.get(1).id();
            long c = stored.get(2).id();
            tasks.setIssuedOn(b, LocalDate.of(2026, 4, 2));
            assertEquals(Map.of(a, LocalDate.of(2026, 3, 19), b, LocalDate.of(2026, 4, 2), c, LocalDate.of(2026, 5, 6)),
                    tasks.issuedDates(TaskScope.all()), "its own day, else its meeting's");
            assertEquals(Map.of(c, LocalDate.of(2026, 5, 6)), tasks.issuedDates(TaskScope.meeting(2L)));
            tasks.setIssuedOn(b, null);
            assertEquals(LocalDate.of(2026, 3, 19), tasks.issuedDates(TaskScope.task(b)).get(b));

            assertEquals(Map.of(), tasks.origins(TaskScope.all()));
            tasks.setOrigin(c, a);
            tasks.setOrigin(b, a);
            assertEquals(Map.of(c, a, b, a), tasks.origins(TaskScope.all()));
            assertEquals(Map.of(b, a), tasks.origins(TaskScope.meeting(1L)));
            tasks.setOrigin(b, null);
            assertEquals(Map.of(c, a), tasks.origins(TaskScope.all()), "null removes the link");

            long share = stored.get(0).assignments().get(1).id();
            tasks.updateAssignmentStatus(share, TaskStatus.ON_SCHEDULE);
            assertEquals(TaskStatus.ON_SCHEDULE, tasks.findAssignment(share).orElseThrow().status());

            tasks.setWithdrawn(share, LocalDate.of(2026, 5, 1), null);
            assertTrue(tasks.delete(a), "withdrawn shares go with their task");
            assertFalse(tasks.delete(a), "already gone");
            assertTrue(tasks.findById(a).isEmpty());
            assertTrue(tasks.findAssignment(share).isEmpty());
            assertEquals(List.of(), tasks.withdrawn(TaskScope.all()));
            assertEquals(2, tasks.count());
            assertNotEquals(0, tasks.findByMeeting(1).size());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.duban.persistence.contract.Engines#all")
    void piecesAndOneUnitsTasksReadALedgerAPieceAtATime(Engine engine) {
        try (Database db = engine.create(dir)) {
            seed(engine, db);
            TaskRepository tasks = new TaskRepository(db);
            assertEquals(List.of(), tasks.pieces(2), "no tasks, no pieces");
            List<Task> stored = tasks.insertAll(List.of(task(1, 1, "2026年6月底前", 1, 2), task(1, 2, "2026年底前", 2),
                    task(1, 5, "2026年底前", 1, 3), task(2, 1, "2026年底前", 1), task(2, 3, "2026年底前", 2, 3)));
            engine.seed(db, "UPDATE assignment SET withdrawn_on = '2026-05-01' WHERE task_id = " + stored.get(2).id()
                            + " AND unit_id = 1",
                    "INSERT INTO meeting (id, kind, held_on, title) VALUES (3, 'PUSH', '2026-06-01', '推进会')",
                    "INSERT INTO meeting_task (meeting_id, task_id) VALUES (3, " + stored.get(0).id() + "), (3, "
                            + stored.get(4).id() + ")");

            List<TaskScope> pieces = tasks.pieces(2);
            assertEquals(List.of(TaskScope.seqs(1, 1, 2), TaskScope.seqs(1, 5, 5), TaskScope.seqs(2, 1, 3)), pieces,
                    "at most two tasks a piece, never two meetings");
            List<Task> inPieces = new ArrayList<>();
            pieces.forEach(p -> inPieces.addAll(tasks.find(p)));
            assertEquals(tasks.findAll(), inPieces, "the pieces in turn: every task once, by meeting and 序号");
            assertEquals(List.of(TaskScope.seqs(1, 1, 5), TaskScope.seqs(2, 1, 3)), tasks.pieces(10));

            org.duban.model.Meeting first = new org.duban.model.Meeting(1, org.duban.model.MeetingKind.ASSIGNMENT,
                    LocalDate.of(2026, 3, 19), "交办会", "");
            org.duban.model.Meeting push = new org.duban.model.Meeting(3, org.duban.model.MeetingKind.PUSH,
                    LocalDate.of(2026, 6, 1), "推进会", "");
            assertEquals(List.of(stored.get(0)), tasks.find(TaskScope.ofUnit(first, 1)),
                    "unit 1's tasks at the first meeting: not the one its share of was withdrawn");
            assertEquals(List.of(stored.get(0), stored.get(1)), tasks.find(TaskScope.ofUnit(first, 2)),
                    "with every share of each task");
            assertEquals(List.of(stored.get(4)), tasks.find(TaskScope.ofUnit(push, 3)), "a reviewed task");
            assertEquals(List.of(stored.get(0)), tasks.find(TaskScope.ofUnit(push, 1)));
            assertEquals(List.of(3L), tasks.find(TaskScope.ofUnit(first, 3)).get(0).unitIds(),
                    "the withdrawn share is not among the task's shares");
            assertEquals(Map.of(stored.get(0).id(), LocalDate.of(2026, 3, 19), stored.get(1).id(),
                    LocalDate.of(2026, 3, 19)), tasks.issuedDates(TaskScope.ofUnit(first, 2)));
        }
    }
}
