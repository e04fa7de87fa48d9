package org.duban.ui.tasks.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import org.duban.model.ReportingCycle;
import org.duban.persistence.Database;
import org.duban.service.Services;
import org.duban.service.tasks.ChecklistRow;
import org.duban.service.tracking.AssignmentState;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.ui.common.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The task detail without a window, on the sample as of 2026-11-29: the shares and their records, a report, 挂牌. */
class TaskDetailViewModelTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    @TempDir
    Path dir;
    private Database db;
    private Services services;
    private ChecklistRow row;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private TaskDetailViewModel vm;

    @BeforeEach
    void open() {
        db = TestDb.withSample(dir);
        services = Services.over(db, new TestClock(TODAY));
        long meeting = services.meetings().current().orElseThrow().id();
        row = services.tasks().checklist(meeting).stream()
                .filter(r -> r.units().size() >= 2 && r.tracking().supervision() == null).findFirst().orElseThrow();
        vm = new TaskDetailViewModel(DetailServices.of(services, TaskRunner.direct(), dialogs), row.task().id());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private long count(String sql) {
        return TestDb.sqlLong(db.file(), sql);
    }

    @Test
    void loadingShowsEveryShareAndTheChosenUnitsRecords() {
        long second = row.units().get(1).id();
        vm.openAtUnit(second);
        vm.load();
        assertEquals(row.task(), vm.detailProperty().get().task());
        assertEquals(services.tracking().detail(row.task().id()).tracking().states().size(),
                vm.assignments().size());
        AssignmentState chosen = vm.selectedProperty().get();
        assertEquals(second, chosen.unitId(), "opened at the unit asked for");
        assertEquals(vm.detailProperty().get().reportsOf(chosen.assignmentId()), vm.reports());
        assertEquals(row.units().get(1).name(), vm.unitName(second));
        assertFalse(vm.history().isEmpty());
        assertEquals(TODAY, vm.progressForm().reportDateProperty().get());
        assertFalse(vm.loadingProperty().get());

        vm.selectedProperty().set(vm.assignments().get(0));
        assertEquals(vm.detailProperty().get().reportsOf(vm.assignments().get(0).assignmentId()), vm.reports());
    }

    @Test
    void aReportWithAPercentOver100IsRefusedAtTheFormAndAGoodOneIsShownFirst() {
        vm.load();
        long assignment = vm.selectedProperty().get().assignmentId();
        long before = count("SELECT count(*) FROM progress_report WHERE assignment_id = " + assignment);
        ProgressForm f = vm.progressForm();
        f.percentProperty().set("120");
        f.textProperty().set("已完成清淤");
        f.reporterProperty().set("王敏");
        int[] saved = {0};
        f.addReport(() -> saved[0]++);
        assertEquals("进度“120”无效：请填写 0 到 100 之间的整数（100 表示已完成）。", f.reportErrorProperty().get());
        assertEquals(0, saved[0]);
        assertEquals(before, count("SELECT count(*) FROM progress_report WHERE assignment_id = " + assignment));

        f.percentProperty().set("80");
        f.addReport(() -> saved[0]++);
        assertEquals("", f.reportErrorProperty().get());
        assertEquals(1, saved[0]);
        assertEquals(before + 1, count("SELECT count(*) FROM progress_report WHERE assignment_id = " + assignment));
        assertEquals(assignment, vm.selectedProperty().get().assignmentId(), "the same unit stays chosen");
        assertEquals(80, vm.reports().get(0).percent());
        assertEquals("", f.percentProperty().get(), "the form is cleared");
        assertEquals("王敏", f.reporterProperty().get(), "the reporter stays for the next report");
    }

    @Test
    void aSupervisionChangedByAnotherSeatSinceTheFormWasReadIsNotOverwritten() {
        services.supervision().supervise(row.task().id(), "副市长 陈华", TODAY, ReportingCycle.MONTHLY, "");
        vm.load();
        SupervisionForm s = vm.supervisionForm();
        assertEquals("副市长 陈华", s.leaderProperty().get());

        // another seat changes the leader while this form is open
        Services.over(db, new TestClock(TODAY)).operatedBy("秘书乙").supervision()
                .supervise(row.task().id(), "市长 林峰", TODAY, ReportingCycle.MONTHLY, "");
        String before = TestDb.contentDigest(db.file());

        s.cycleProperty().set(ReportingCycle.WEEKLY);
        s.save();
        assertTrue(s.errorProperty().get().contains("秘书乙"), s.errorProperty().get());
        assertEquals(before, TestDb.contentDigest(db.file()), "nothing written");
        assertEquals("市长 林峰", s.leaderProperty().get(), "the form shows the other seat's change");

        s.cycleProperty().set(ReportingCycle.WEEKLY);
        s.save();
        assertEquals("", s.errorProperty().get(), "saved over what it now shows");
        assertEquals("市长 林峰", TestDb.sqlString(db.file(), "SELECT leader FROM supervision WHERE task_id = "
                + row.task().id()));
        assertEquals(ReportingCycle.WEEKLY.name(), TestDb.sqlString(db.file(),
                "SELECT cycle FROM supervision WHERE task_id = " + row.task().id()));
    }

    @Test
    void aSecondSeatPuttingTheSameTaskUnderSupervisionIsTold() {
        vm.load();
        SupervisionForm s = vm.supervisionForm();
        assertFalse(s.supervisedProperty().get());
        Services.over(db, new TestClock(TODAY)).operatedBy("秘书乙").supervision()
                .supervise(row.task().id(), "市长 林峰", TODAY, ReportingCycle.MONTHLY, "");
        s.leaderProperty().set("副市长 陈华");
        s.save();
        assertTrue(s.errorProperty().get().contains("秘书乙"), s.errorProperty().get());
        assertEquals("市长 林峰", TestDb.sqlString(db.file(), "SELECT leader FROM supervision WHERE task_id = "
                + row.task().id()));
    }

    @Test
    void aCloseOutStepTakenByAnotherSeatSinceTheFormWasReadIsNotSteppedOver() {
        vm.load();
        CloseOutForm f = vm.closeOutForm();
        long assignment = vm.selectedAssignmentId();
        f.explanationProperty().set("已完成整改，申请销号");
        f.submit(() -> { });
        assertEquals("", f.errorProperty().get());
        assertEquals(CloseOutForm.Step.VERIFY, f.stepProperty().get(), "applied through the form");
        f.levelProperty().set(org.duban.model.VerificationLevel.COUNTY);
        f.verifiersProperty().set("县生态环境局 王明");
        f.passedProperty().set(true);
        f.submit(() -> { });
        assertEquals("", f.errorProperty().get(), "a step on what the form shows is taken");
        assertEquals(CloseOutForm.Step.NOTICE, f.stepProperty().get());

        // another seat starts the 公示 while this form is open
        long closeOut = f.currentProperty().get().id();
        Services.over(db, new TestClock(TODAY)).operatedBy("秘书乙").closeOuts()
                .startNotice(closeOut, TODAY, TODAY.plusDays(9));
        String before = TestDb.contentDigest(db.file());
        f.noticeToProperty().set(TODAY.plusDays(4));
        f.submit(() -> { });
        assertTrue(f.errorProperty().get().contains("秘书乙"), f.errorProperty().get());
        assertEquals(before, TestDb.contentDigest(db.file()), "nothing written");
        assertEquals(TODAY.plusDays(9).toString(), TestDb.sqlString(db.file(),
                "SELECT notice_to FROM close_out WHERE id = " + closeOut), "the other seat's 公示 stays");
        assertEquals(assignment, vm.selectedAssignmentId());
        assertEquals(CloseOutForm.Step.CLOSE, f.stepProperty().get(), "the form shows the step after it");
    }

    @Test
    void supervisionNeedsALeaderAndEndsOnlyAfterTheQuestion() {
        vm.load();
        SupervisionForm s = vm.supervisionForm();
        assertFalse(s.supervisedProperty().get());
        String before = TestDb.contentDigest(db.file());
        s.leaderProperty().set(" ");
        s.save();
        assertEquals("请填写督办领导。", s.errorProperty().get());
        assertEquals(before, TestDb.contentDigest(db.file()));

        s.leaderProperty().set("副市长 陈华");
        s.cycleProperty().set(ReportingCycle.MONTHLY);
        s.save();
        assertEquals("", s.errorProperty().get());
        assertTrue(s.supervisedProperty().get(), "read again: now supervised");
        assertEquals("副市长 陈华", TestDb.sqlString(db.file(), "SELECT leader FROM supervision WHERE task_id = "
                + row.task().id()));

        dialogs.answer = false;
        s.end();
        assertTrue(s.supervisedProperty().get());
        dialogs.answer = true;
        s.end();
        assertFalse(s.supervisedProperty().get());
        assertEquals(0, count("SELECT count(*) FROM supervision WHERE task_id = " + row.task().id()));
    }
}
