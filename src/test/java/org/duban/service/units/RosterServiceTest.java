package org.duban.service.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.duban.i18n.LocalizedException;
import org.duban.model.Meeting;
import org.duban.model.Task;
import org.duban.model.Unit;
import org.duban.model.UnitKind;
import org.duban.persistence.Database;
import org.duban.service.audit.AuditLog;
import org.duban.service.sample.SampleMeeting;
import org.duban.service.stats.StatsScope;
import org.duban.service.tasks.TaskInput;
import org.duban.service.tasks.TaskService;
import org.duban.service.tasks.TaskValidationException;
import org.duban.service.tracking.ProgressService;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The roster on the sample ledger: add, names unique, rename, retire and merge with the history intact. */
class RosterServiceTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);
    @TempDir
    Path dir;
    private Database db;
    private AuditLog audit;
    private RosterService roster;
    private TaskService tasks;
    private Meeting meeting;

    @BeforeEach
    void open() {
        db = TestDb.withSample(dir);
        audit = Wired.audit(db, new TestClock(DAY));
        roster = Wired.of(audit).roster();
        tasks = Wired.of(audit).tasks();
        meeting = Wired.of(db).meetings().all().stream().filter(m -> m.title().equals(SampleMeeting.TITLE))
                .findFirst().orElseThrow();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private TaskInput task(String seq, String units) {
        return new TaskInput(seq, "市级排查", "", "危险化学品企业安全环保风险隐患排查不彻底。", "", "", units, "", "", "2026年底前",
                "");
    }

    private long sql(String q) {
        return TestDb.sqlLong(db, q);
    }

    @Test
    void aUnitMissingFromTheRosterCanBeAddedAndThenGivenATask() {
        TaskValidationException before = assertThrows(TaskValidationException.class,
                () -> tasks.create(meeting.id(), task("46", "市应急管理局")));
        assertTrue(before.errors().get(0).message().contains("设置 → 单位名单"), before.errors().get(0).message());

        Unit added = roster.add(new RosterService.NewUnit("市应急管理局", "", UnitKind.CITY_DEPARTMENT,
                List.of("宁德市应急管理局", "市应急局")));

        assertEquals("应急管理局", added.shortName());
        assertEquals(roster.all().size(), added.sortOrder(), "at the end of the roster");
        Task t = tasks.create(meeting.id(), task("46", "市应急局"));
        assertEquals(List.of(added.id()), t.unitIds());
        assertEquals(1, sql("SELECT count(*) FROM audit_log WHERE entity = 'UNIT' AND action = 'CREATE' "
                + "AND entity_id = " + added.id()));
    }

    @Test
    void namesStayUniqueAcrossNamesShortNamesAndAliases() {
        LocalizedException e = assertThrows(LocalizedException.class, () -> roster.add(new RosterService.NewUnit(
                "市住建局", "", UnitKind.CITY_DEPARTMENT, List.of())));
        assertEquals("unit.error.nameTaken", e.key());
        assertTrue(e.getLocalizedMessage().contains("市住房和城乡建设局"), e.getLocalizedMessage());
        assertThrows(LocalizedException.class, () -> roster.add(new RosterService.NewUnit("市应急管理局", "",
                UnitKind.CITY_DEPARTMENT, List.of("蕉城区人民政府"))), "an alias another unit has");
        assertThrows(LocalizedException.class, () -> roster.add(new RosterService.NewUnit("蕉 城 区", "",
                UnitKind.DISTRICT, List.of())), "spaces do not make a new name");
        Unit fuan = roster.find("福安");
        assertThrows(LocalizedException.class, () -> roster.rename(fuan.id(), "福鼎市", true));
        assertThrows(LocalizedException.class, () -> roster.setAliases(fuan.id(), List.of("东侨开发区")));
        assertThrows(LocalizedException.class, () -> roster.setShortName(fuan.id(), "柘荣"));
        assertEquals(23, roster.all().size(), "nothing added by the refused changes");
    }

    @Test
    void renamingKeepsTheOldNameAsAnAliasSoOldListsStillFindTheUnit() {
        Unit u = roster.find("市城市管理局");
        Unit renamed = roster.rename(u.id(), "市城市管理和综合执法局", true);
        assertEquals("市城市管理和综合执法局", renamed.name());
        assertTrue(renamed.aliases().contains("市城市管理局"));
        assertEquals(u.id(), roster.find("市城市管理局").id());
        assertEquals(u.id(), roster.find("市城管局").id());
        roster.setKind(u.id(), UnitKind.OTHER);
        roster.setShortName(u.id(), "城管执法局");
        Unit now = roster.byId(u.id());
        assertEquals(UnitKind.OTHER, now.kind());
        assertEquals("城管执法局", now.shortName());
        assertEquals(3, sql("SELECT count(*) FROM audit_log WHERE entity = 'UNIT' AND action = 'UPDATE' "
                + "AND entity_id = " + u.id() + " AND field IN ('name', 'kind', 'shortName')"));
    }

    @Test
    void theOrderCanBeChangedAndPickListsFollowIt() {
        Unit dq = roster.find("东侨开发区");
        roster.move(dq.id(), -1);
        List<Unit> all = roster.all();
        assertEquals("东侨经济技术开发区", all.get(8).name());
        assertEquals("柘荣县", all.get(9).name());
        roster.reorder(List.of(roster.find("柘荣县").id()));
        assertEquals("柘荣县", roster.all().get(0).name());
    }

    @Test
    void aRetiredUnitKeepsItsHistoryAndTakesNoNewTask() {
        Unit zr = roster.find("柘荣县");
        String records = "SELECT (SELECT count(*) FROM assignment WHERE unit_id = " + zr.id() + ") || '/' || "
                + "(SELECT count(*) FROM progress_report r JOIN assignment a ON a.id = r.assignment_id WHERE a.unit_id = "
                + zr.id() + ")";
        String before = TestDb.sqlString(db, records);
        int shares = Wired.of(audit).stats().stats(StatsScope.meeting(meeting.id()), DAY).units().stream()
                .filter(s -> s.unit().id() == zr.id()).findFirst().orElseThrow().assignments();

        roster.retire(zr.id(), DAY);

        assertEquals(before, TestDb.sqlString(db, records), "shares and reports stay");
        assertEquals(shares, Wired.of(audit).stats().stats(StatsScope.meeting(meeting.id()), DAY).units().stream()
                .filter(s -> s.unit().id() == zr.id()).findFirst().orElseThrow().assignments(),
                "its shares still count: a retired unit's work is still its work");
        TaskValidationException e = assertThrows(TaskValidationException.class,
                () -> tasks.create(meeting.id(), task("46", "柘荣县")));
        assertEquals("validation.units.retired", e.errors().get(0).key());
        Task all = tasks.create(meeting.id(), task("46", "各县（市、区）"));
        assertEquals(8, all.unitIds().size(), "各县（市、区） means the county-level units in service");
        assertFalse(all.unitIds().contains(zr.id()));
        // a task that already has the retired unit keeps it when edited
        long taskId = sql("SELECT task_id FROM assignment WHERE unit_id = " + zr.id() + " LIMIT 1");
        var row = tasks.checklist(meeting.id()).stream().filter(r -> r.task().id() == taskId).findFirst().orElseThrow();
        TaskInput in = TaskService.toInput(row.task(), row.units());
        tasks.update(taskId, new TaskInput(in.seq(), in.source(), in.category(), in.problem() + "（修订）", in.target(),
                in.measures(), in.units(), in.supportingUnits(), in.leader(), in.deadline(), in.remarks()));

        roster.reinstate(zr.id());
        assertFalse(roster.byId(zr.id()).retired());
        assertEquals(9, tasks.create(meeting.id(), task("47", "各县（市、区）")).unitIds().size());
    }

    @Test
    void mergingMovesSharesWithTheirRecordsAndKeepsTheHistory() {
        // an office entered 市环保局 besides 市生态环境局 and gave it two tasks, one of them also 市生态环境局's
        Unit old = roster.add(new RosterService.NewUnit("市环保局", "环保局", UnitKind.CITY_DEPARTMENT, List.of()));
        Unit env = roster.find("市生态环境局");
        Task own = tasks.create(meeting.id(), task("46", "市环保局"));
        long ownShare = own.assignments().get(0).id();
        long bothTaskId = sql("SELECT task_id FROM assignment WHERE unit_id = " + env.id() + " LIMIT 1");
        var both = tasks.checklist(meeting.id()).stream().filter(r -> r.task().id() == bothTaskId).findFirst().orElseThrow();
        TaskInput in = TaskService.toInput(both.task(), both.units());
        tasks.update(bothTaskId, new TaskInput(in.seq(), in.source(), in.category(), in.problem(), in.target(),
                in.measures(), in.units() + "、市环保局", in.supportingUnits(), in.leader(), in.deadline(), in.remarks()));
        long bothShare = sql("SELECT id FROM assignment WHERE unit_id = " + old.id() + " AND task_id = " + bothTaskId);
        ProgressService progress = Wired.of(audit).progress();
        progress.addReport(ownShare, new ProgressService.ReportInput(DAY, "40", "已完成排查", "环保局"), List.of());
        String allRecords = "SELECT (SELECT count(*) FROM progress_report) || '/' || (SELECT count(*) FROM assignment)";
        String before = TestDb.sqlString(db, allRecords);

        RosterService.Merge m = roster.merge(old.id(), env.id());

        assertEquals(1, m.moved());
        assertEquals(1, m.withdrawn());
        assertEquals(before, TestDb.sqlString(db, allRecords), "no share and no report deleted");
        assertEquals(env.id(), sql("SELECT unit_id FROM assignment WHERE id = " + ownShare), "moved with its report");
        assertEquals(1, sql("SELECT count(*) FROM progress_report WHERE assignment_id = " + ownShare));
        assertEquals(1, sql("SELECT count(*) FROM assignment WHERE id = " + bothShare + " AND withdrawn_on IS NOT NULL "
                + "AND unit_id = " + old.id()), "where both had a share, the merged unit's is withdrawn");
        Unit merged = roster.byId(old.id());
        assertTrue(merged.retired());
        assertEquals(env.id(), merged.mergedInto());
        assertEquals(env.id(), roster.find("市环保局").id(), "the old name now means the unit it went into");
        assertEquals(1, sql("SELECT count(*) FROM audit_log WHERE entity = 'ASSIGNMENT' AND field = 'unitId' "
                + "AND entity_id = " + ownShare + " AND old_value = '" + old.id() + "' AND new_value = '" + env.id() + "'"));
        assertEquals(1, sql("SELECT count(*) FROM audit_log WHERE entity = 'UNIT' AND field = 'mergedInto' "
                + "AND entity_id = " + old.id()));
        assertThrows(LocalizedException.class, () -> roster.reinstate(old.id()));
        assertThrows(LocalizedException.class, () -> roster.merge(env.id(), old.id()), "not into a retired unit");
    }
}
