package org.duban.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.duban.model.Assignment;
import org.duban.model.Deadline;
import org.duban.model.Meeting;
import org.duban.model.Task;
import org.duban.model.TaskStatus;
import org.duban.model.Unit;
import org.duban.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskRepositoryTest {
    @TempDir
    Path dir;
    Database db;
    TaskRepository repo;
    List<Unit> units;
    Meeting meeting;

    @BeforeEach
    void setUp() {
        db = TestDb.withRoster(dir);
        repo = new TaskRepository(db);
        units = new UnitRepository(db).findAll();
        meeting = TestDb.emptyMeeting(db);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Task task(int seq, String deadline, Unit... us) {
        return new Task(0, meeting.id(), seq, "中央生态环境保护督察", "水环境", "问题" + seq, "目标", "措施",
                "县长", "市生态环境局", Deadline.parse(deadline), "挂牌督办",
                java.util.Arrays.stream(us).map(u -> Assignment.newFor(u.id())).toList());
    }

    @Test
    void roundTripKeepsEveryField() {
        Task saved = repo.insert(task(1, "2026年6月底前", units.get(0), units.get(1)));
        Task read = repo.findById(saved.id()).orElseThrow();
        assertEquals(saved, read);
        assertEquals("2026年6月底前", read.deadline().phrase());
        assertEquals(2, read.assignments().size());
        assertEquals(List.of(units.get(0).id(), units.get(1).id()), read.unitIds());
        assertEquals("2026-06-30", TestDb.sqlString(db.file(), "SELECT due_date FROM task WHERE id = " + saved.id()));
    }

    @Test
    void ongoingDeadlineIsMarkedForSql() {
        Task saved = repo.insert(task(1, "立行立改,长期坚持", units.get(0)));
        assertEquals(1, TestDb.sqlLong(db.file(), "SELECT ongoing FROM task WHERE id = " + saved.id()));
    }

    @Test
    void updateKeepsTheStateOfUnitsThatStay() {
        Task saved = repo.insert(task(1, "2026年底前", units.get(0), units.get(1)));
        long keptId = saved.assignments().get(0).id();
        repo.updateAssignmentStatus(keptId, TaskStatus.COMPLETED);

        long droppedId = saved.assignments().get(1).id();
        Task changed = task(1, "2027年上半年", units.get(0), units.get(2));
        TaskRepository.Saved result = repo.update(new Task(saved.id(), meeting.id(), 1, "省级督察", "", "新问题", "",
                "", "", "", Deadline.parse("2027年上半年"), "", changed.assignments()), LocalDate.of(2026, 5, 1), null);
        Task updated = result.task();

        assertEquals(List.of(units.get(0).id(), units.get(2).id()), updated.unitIds());
        Task read = repo.findById(saved.id()).orElseThrow();
        assertEquals(List.of(units.get(0).id(), units.get(2).id()), read.unitIds(), "a withdrawn share is not read");
        assertEquals(TaskStatus.COMPLETED, read.assignments().stream()
                .filter(a -> a.id() == keptId).findFirst().orElseThrow().status());
        assertEquals("新问题", read.problem());
        assertEquals("省级督察", read.source());
        assertEquals(List.of(droppedId), result.withdrawn().stream().map(a -> a.id()).toList());
        assertEquals(3, TestDb.sqlLong(db.file(), "SELECT count(*) FROM assignment WHERE task_id = " + saved.id()),
                "the unit taken off keeps its share, withdrawn");
        assertEquals("2026-05-01", TestDb.sqlString(db.file(), "SELECT withdrawn_on FROM assignment WHERE id = " + droppedId));
        var withdrawn = repo.withdrawn(TaskScope.task(saved.id()));
        assertEquals(1, withdrawn.size());
        assertEquals(units.get(1).id(), withdrawn.get(0).unitId());

        // putting the unit back makes the same share active again
        TaskRepository.Saved back = repo.update(new Task(saved.id(), meeting.id(), 1, "省级督察", "", "新问题", "", "",
                "", "", Deadline.parse("2027年上半年"), "", task(1, "2027年上半年", units.get(0), units.get(1), units.get(2))
                .assignments()).withVersion(read.version()), LocalDate.of(2026, 6, 1), null);
        assertEquals(List.of(droppedId), back.restored().stream().map(w -> w.assignment().id()).toList());
        assertTrue(repo.withdrawn(TaskScope.task(saved.id())).isEmpty());
        assertEquals(3, repo.findById(saved.id()).orElseThrow().assignments().size());
    }

    @Test
    void deleteTakesTheAssignmentsWithIt() {
        Task saved = repo.insert(task(1, "2026年底前", units.get(0), units.get(1)));
        assertTrue(repo.delete(saved.id()));
        assertTrue(repo.findById(saved.id()).isEmpty());
        assertEquals(0, TestDb.sqlLong(db.file(), "SELECT count(*) FROM assignment"));
        assertFalse(repo.delete(saved.id()));
    }

    @Test
    void seqIsUniqueWithinAMeeting() {
        repo.insert(task(1, "2026年底前", units.get(0)));
        assertTrue(repo.seqTaken(meeting.id(), 1, 0));
        assertFalse(repo.seqTaken(meeting.id(), 2, 0));
        assertEquals(2, repo.nextSeq(meeting.id()));
        PersistenceException e = assertThrows(PersistenceException.class, () -> repo.insert(task(1, "2026年底前", units.get(1))));
        assertEquals("db.error.constraint", e.key());
        assertEquals(1, repo.count(), "the failed insert left nothing behind");
    }

    @Test
    void aUnitWithTasksCannotBeRemoved() {
        repo.insert(task(1, "2026年底前", units.get(0)));
        assertThrows(PersistenceException.class, () -> db.write(c -> {
            try (var st = c.createStatement()) {
                return st.executeUpdate("DELETE FROM unit WHERE id = " + units.get(0).id());
            }
        }));
    }

    @Test
    void tasksComeInSeqOrder() {
        repo.insert(task(3, "2026年底前", units.get(0)));
        repo.insert(task(1, "2026年底前", units.get(0)));
        repo.insert(task(2, "2026年底前", units.get(0)));
        assertEquals(List.of(1, 2, 3), repo.findByMeeting(meeting.id()).stream().map(Task::seq).toList());
    }

    @Test
    void aPhraseEditedByAnotherToolStaysVisible() {
        Task saved = repo.insert(task(1, "2026年底前", units.get(0)));
        db.write(c -> {
            try (var st = c.createStatement()) {
                return st.executeUpdate("UPDATE task SET deadline = '尽快' WHERE id = " + saved.id());
            }
        });
        Task read = repo.findById(saved.id()).orElseThrow();
        assertEquals("尽快", read.deadline().phrase());
        assertFalse(read.deadline().isReadable());
    }
}
