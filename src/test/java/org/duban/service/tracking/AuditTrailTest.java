package org.duban.service.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.duban.model.AuditAction;
import org.duban.model.AuditEntity;
import org.duban.model.AuditEntry;
import org.duban.model.Meeting;
import org.duban.model.ReportingCycle;
import org.duban.model.Task;
import org.duban.model.VerificationLevel;
import org.duban.persistence.AuditRepository;
import org.duban.persistence.Database;
import org.duban.service.audit.AuditLog;
import org.duban.service.tasks.TaskInput;
import org.duban.service.tasks.TaskService;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 留痕: every kind of change writes who, when, what, old and new; nothing can rewrite the trail. */
class AuditTrailTest {
    @TempDir
    Path dir;
    Database db;
    TestClock clock = new TestClock(LocalDate.of(2026, 4, 1));
    AuditLog audit;
    TaskService tasks;
    Meeting meeting;

    @BeforeEach
    void setUp() {
        db = TestDb.withRoster(dir);
        audit = Wired.audit(db, clock);
        audit.setOperator("督办科 王敏");
        tasks = Wired.of(audit).tasks();
        meeting = TestDb.emptyMeeting(db);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Task createTask() {
        return tasks.create(meeting.id(), new TaskInput("1", "省级督察", "大气环境", "加油站油气回收设施运行不正常", "",
                "", "蕉城区、福安市", "", "", "2026年6月30日", ""));
    }

    private List<AuditEntry> rows(long taskId, AuditEntity entity, AuditAction action) {
        return audit.history(taskId).stream().filter(e -> e.entity() == entity && e.action() == action).toList();
    }

    @Test
    void creatingATaskWritesTheTaskAndEachUnitWithOperatorAndTime() {
        Task t = createTask();
        List<AuditEntry> created = rows(t.id(), AuditEntity.TASK, AuditAction.CREATE);
        assertEquals(1, created.size());
        AuditEntry e = created.get(0);
        assertEquals("督办科 王敏", e.operator());
        assertEquals(clock.instant(), e.at());
        assertTrue(e.newValue().contains("加油站油气回收"), e.newValue());
        assertEquals(2, rows(t.id(), AuditEntity.ASSIGNMENT, AuditAction.CREATE).size());
    }

    @Test
    void editingATaskWritesEachChangedFieldWithOldAndNewValue() {
        Task t = createTask();
        clock.plusDays(3);
        tasks.update(t.id(), new TaskInput("1", "省级督察", "大气环境", "加油站油气回收设施运行不正常", "", "",
                "蕉城区、霞浦县", "", "", "2026年9月30日", "挂牌督办"));
        List<AuditEntry> changes = rows(t.id(), AuditEntity.TASK, AuditAction.UPDATE);
        assertEquals(2, changes.size(), "deadline and remarks changed, nothing else: " + changes);
        AuditEntry deadline = changes.stream().filter(c -> c.field().equals("deadline")).findFirst().orElseThrow();
        assertEquals("2026年6月30日", deadline.oldValue());
        assertEquals("2026年9月30日", deadline.newValue());
        assertTrue(rows(t.id(), AuditEntity.ASSIGNMENT, AuditAction.DELETE).isEmpty(), "no share is deleted");
        List<AuditEntry> withdrawn = rows(t.id(), AuditEntity.ASSIGNMENT, AuditAction.UPDATE);
        assertEquals(1, withdrawn.size(), "福安市 taken off: its share withdrawn " + withdrawn);
        assertEquals("withdrawnOn", withdrawn.get(0).field());
        assertEquals(null, withdrawn.get(0).oldValue());
        assertEquals(clock.instant().atZone(clock.getZone()).toLocalDate().toString(), withdrawn.get(0).newValue());
        assertEquals(3, rows(t.id(), AuditEntity.ASSIGNMENT, AuditAction.CREATE).size(), "霞浦县 added");
    }

    @Test
    void deletingATaskKeepsItsHistory() {
        Task t = createTask();
        Wired.of(audit).progress().addReport(t.assignments().get(0).id(),
                new ProgressService.ReportInput(LocalDate.of(2026, 4, 1), "20", "完成排查", ""), List.of());
        long before = TestDb.sqlLong(db, "SELECT count(*) FROM audit_log WHERE task_id = " + t.id());
        tasks.delete(t.id());
        assertEquals(0, TestDb.sqlLong(db, "SELECT count(*) FROM progress_report"), "reports went with the task");
        assertEquals(before + 1, TestDb.sqlLong(db, "SELECT count(*) FROM audit_log WHERE task_id = " + t.id()),
                "the history stays, with the deletion added");
        assertEquals(1, rows(t.id(), AuditEntity.TASK, AuditAction.DELETE).size());
    }

    @Test
    void reportsMilestonesAndCloseOutsAreAudited() {
        Task t = createTask();
        long a = t.assignments().get(0).id();
        ProgressService progress = Wired.of(audit).progress();
        progress.addReport(a, new ProgressService.ReportInput(LocalDate.of(2026, 4, 1), "100", "全部整改到位", "蕉城区"),
                List.of(new EvidenceService.Upload("现场照片.jpg", new byte[] {1})));
        var m = progress.addMilestone(a, "完成排查", LocalDate.of(2026, 4, 30));
        progress.setMilestoneDone(m.id(), LocalDate.of(2026, 4, 1));
        CloseOutService closeOuts = Wired.of(audit).closeOuts();
        var co = closeOuts.apply(a, LocalDate.of(2026, 4, 1), "申请销号", List.of());
        closeOuts.verify(co.id(), VerificationLevel.COUNTY, "区生态环境局", LocalDate.of(2026, 4, 1), true, "");

        assertEquals(1, rows(t.id(), AuditEntity.REPORT, AuditAction.CREATE).size());
        assertTrue(rows(t.id(), AuditEntity.REPORT, AuditAction.CREATE).get(0).newValue().startsWith("2026-04-01 100%"));
        assertEquals(1, rows(t.id(), AuditEntity.EVIDENCE, AuditAction.CREATE).size());
        assertEquals(1, rows(t.id(), AuditEntity.MILESTONE, AuditAction.CREATE).size());
        AuditEntry done = rows(t.id(), AuditEntity.MILESTONE, AuditAction.UPDATE).get(0);
        assertEquals("doneOn", done.field());
        assertNull(done.oldValue());
        assertEquals("2026-04-01", done.newValue());
        assertEquals(1, rows(t.id(), AuditEntity.CLOSE_OUT, AuditAction.CREATE).size());
        assertTrue(rows(t.id(), AuditEntity.CLOSE_OUT, AuditAction.UPDATE).stream()
                .anyMatch(e -> e.field().equals("verificationResult") && e.newValue().equals("PASSED")));
        List<String> statuses = rows(t.id(), AuditEntity.ASSIGNMENT, AuditAction.UPDATE).stream()
                .map(e -> e.oldValue() + "→" + e.newValue()).toList();
        assertEquals(List.of("COMPLETED→ACCEPTED", "NOT_STARTED→COMPLETED"), statuses, "newest first");
    }

    @Test
    void supervisionAndAnalogyLinksAreAudited() {
        Task t = createTask();
        Task other = tasks.create(meeting.id(), new TaskInput("2", "举一反三", "大气环境", "排查储油库油气排放", "", "",
                "福鼎市", "", "", "2026年底前", ""));
        SupervisionService sup = Wired.of(audit).supervision();
        sup.supervise(t.id(), "市长", LocalDate.of(2026, 4, 1), ReportingCycle.MONTHLY, "");
        sup.supervise(t.id(), "分管副市长", LocalDate.of(2026, 4, 1), ReportingCycle.MONTHLY, "");
        sup.linkOrigin(other.id(), t.id());
        assertEquals(1, rows(t.id(), AuditEntity.SUPERVISION, AuditAction.CREATE).size());
        AuditEntry leader = rows(t.id(), AuditEntity.SUPERVISION, AuditAction.UPDATE).get(0);
        assertEquals("市长", leader.oldValue());
        assertEquals("分管副市长", leader.newValue());
        assertEquals("1", rows(other.id(), AuditEntity.TASK, AuditAction.UPDATE).get(0).newValue());
    }

    /**
     * A task just created is put under supervision without a read first (an import's new tasks, issue 24): the same
     * row and the same audit row as {@link SupervisionService#supervise}; a task supervised already is not written
     * over, and nothing of the refused change stays.
     */
    @Test
    void aNewTaskIsSupervisedAsTheFormWouldAndASupervisedOneIsNotWrittenOver() {
        Task t = createTask();
        Task other = tasks.create(meeting.id(), new TaskInput("2", "举一反三", "大气环境", "排查储油库油气排放", "", "",
                "福鼎市", "", "", "2026年底前", ""));
        SupervisionService sup = Wired.of(audit).supervision();
        sup.supervise(t.id(), "市长", LocalDate.of(2026, 4, 1), ReportingCycle.MONTHLY, "每月通报");
        sup.superviseNew(other.id(), "市长", LocalDate.of(2026, 4, 1), ReportingCycle.MONTHLY, "每月通报");
        org.duban.model.Supervision form = sup.of(t.id()).orElseThrow();
        assertEquals(new org.duban.model.Supervision(other.id(), form.leader(), form.since(), form.cycle(), form.note()),
                sup.of(other.id()).orElseThrow());
        AuditEntry byForm = rows(t.id(), AuditEntity.SUPERVISION, AuditAction.CREATE).get(0);
        AuditEntry byImport = rows(other.id(), AuditEntity.SUPERVISION, AuditAction.CREATE).get(0);
        assertEquals(byForm.newValue(), byImport.newValue());

        long trail = TestDb.sqlLong(db, "SELECT count(*) FROM audit_log");
        assertThrows(RuntimeException.class, () -> sup.superviseNew(t.id(), "分管副市长", LocalDate.of(2026, 5, 1),
                ReportingCycle.WEEKLY, ""));
        assertEquals("市长", sup.of(t.id()).orElseThrow().leader(), "not written over");
        assertEquals(trail, TestDb.sqlLong(db, "SELECT count(*) FROM audit_log"), "no audit row of the refused change");
    }

    @Test
    @org.junit.jupiter.api.Tag("sqlite-file") // SQL on the file itself; the server's triggers: AuditRepositoryContractTest
    void theAuditTableRefusesUpdateAndDeleteInSqlItself() throws SQLException {
        createTask();
        long n = TestDb.sqlLong(db, "SELECT count(*) FROM audit_log");
        assertTrue(n > 0);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.file()); Statement st = c.createStatement()) {
            SQLException del = assertThrows(SQLException.class, () -> st.executeUpdate("DELETE FROM audit_log"));
            assertTrue(del.getMessage().contains("append-only"), del.getMessage());
            SQLException upd = assertThrows(SQLException.class,
                    () -> st.executeUpdate("UPDATE audit_log SET operator = 'someone else'"));
            assertTrue(upd.getMessage().contains("append-only"), upd.getMessage());
        }
        assertEquals(n, TestDb.sqlLong(db, "SELECT count(*) FROM audit_log"));
        assertEquals(0, TestDb.sqlLong(db, "SELECT count(*) FROM audit_log WHERE operator = 'someone else'"));
    }

    @Test
    void theProgramCannotRewriteTheTrailEither() {
        createTask();
        AuditRepository repo = new AuditRepository(db);
        int n = repo.findAll().size();
        assertThrows(RuntimeException.class, () -> db.write(c -> {
            try (Statement st = c.createStatement()) {
                return st.executeUpdate("DELETE FROM audit_log WHERE id = 1");
            }
        }));
        assertEquals(n, repo.findAll().size());
    }

    @Test
    void theOperatorDefaultsToTheLoginName() {
        audit.setOperator("");
        assertEquals(AuditLog.defaultOperator(), audit.operator());
        assertEquals(System.getProperty("user.name"), audit.operator());
    }
}
