package org.duban.service.tracking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.duban.i18n.LocalizedException;
import org.duban.model.Assignment;
import org.duban.model.CloseOut;
import org.duban.model.Evidence;
import org.duban.model.Meeting;
import org.duban.model.Task;
import org.duban.model.TaskStatus;
import org.duban.model.VerificationLevel;
import org.duban.persistence.Database;
import org.duban.service.audit.AuditLog;
import org.duban.service.tasks.TaskInput;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 销号: apply → verification → 公示 → closed, on a real database file, and every way it is refused. */
class CloseOutWorkflowTest {
    @TempDir
    Path dir;
    Database db;
    TestClock clock = new TestClock(LocalDate.of(2026, 3, 19));
    AuditLog audit;
    CloseOutService closeOuts;
    ProgressService progress;
    EvidenceService evidence;
    TrackingService tracking;
    Assignment assignment;

    static final List<EvidenceService.Upload> PHOTO =
            List.of(new EvidenceService.Upload("整改后照片.jpg", new byte[] {1, 2, 3}));

    @BeforeEach
    void setUp() {
        db = TestDb.withRoster(dir);
        audit = Wired.audit(db, clock);
        Meeting m = TestDb.emptyMeeting(db);
        Task t = Wired.of(audit).tasks().create(m.id(), new TaskInput("1", "中央生态环境保护督察", "固体废物",
                "垃圾填埋场渗滤液处理能力不足", "", "", "霞浦县", "", "", "2026年9月30日", ""));
        assignment = t.assignments().get(0);
        closeOuts = Wired.of(audit).closeOuts();
        progress = Wired.of(audit).progress();
        evidence = Wired.of(audit).evidence();
        tracking = Wired.of(audit).tracking();
        clock.setDay(LocalDate.of(2026, 9, 1));
        progress.addReport(assignment.id(), new ProgressService.ReportInput(LocalDate.of(2026, 8, 30), "100",
                "扩容改造完成，渗滤液处理达标", "霞浦县督办联络员"), List.of());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private TaskStatus storedStatus() {
        return TaskStatus.valueOf(TestDb.sqlString(db, "SELECT status FROM assignment WHERE id = " + assignment.id()));
    }

    private CloseOut applyVerifyAndNotice(List<EvidenceService.Upload> files) {
        CloseOut co = closeOuts.apply(assignment.id(), LocalDate.of(2026, 9, 1), "已完成整改，申请销号", files);
        clock.setDay(LocalDate.of(2026, 9, 10));
        closeOuts.verify(co.id(), VerificationLevel.CITY, "市生态环境局 林工", LocalDate.of(2026, 9, 10), true, "");
        return closeOuts.startNotice(co.id(), LocalDate.of(2026, 9, 10), null);
    }

    @Test
    void theWholeWorkflowEndsClosedWithEachStepDated() {
        CloseOut co = applyVerifyAndNotice(PHOTO);
        assertEquals(LocalDate.of(2026, 9, 16), co.noticeTo(), "公示 lasts the default 7 days, both ends counted");
        assertEquals(TaskStatus.ACCEPTED, storedStatus());
        clock.setDay(LocalDate.of(2026, 9, 17));
        closeOuts.close(co.id(), LocalDate.of(2026, 9, 17));

        assertEquals(TaskStatus.CLOSED, storedStatus());
        assertEquals(TaskStatus.CLOSED, tracking.trackTask(assignment.taskId()).status());
        assertEquals("2026-09-17", TestDb.sqlString(db, "SELECT closed_on FROM close_out WHERE id = " + co.id()));
        // looking back, each step shows on its day
        assertEquals(TaskStatus.COMPLETED, tracking.trackTask(assignment.taskId(), LocalDate.of(2026, 9, 5)).status());
        assertEquals(TaskStatus.ACCEPTED, tracking.trackTask(assignment.taskId(), LocalDate.of(2026, 9, 12)).status());
    }

    @Test
    void closingWithoutAPassedVerificationIsRefusedSayingWhatIsMissing() {
        CloseOut co = closeOuts.apply(assignment.id(), LocalDate.of(2026, 9, 1), "已完成整改", PHOTO);
        LocalizedException e = assertThrows(LocalizedException.class,
                () -> closeOuts.close(co.id(), LocalDate.of(2026, 9, 1)));
        assertEquals("closeOut.error.cannotClose", e.key());
        assertTrue(e.getLocalizedMessage().contains("验收通过的记录"), e.getLocalizedMessage());
        assertTrue(e.getLocalizedMessage().contains("公示"), e.getLocalizedMessage());
        assertTrue(!e.getLocalizedMessage().contains("佐证材料"), "evidence is there: " + e.getLocalizedMessage());
        assertEquals(0, TestDb.sqlLong(db, "SELECT count(*) FROM close_out WHERE closed_on IS NOT NULL"));
    }

    @Test
    void closingWithoutEvidenceIsRefused() {
        CloseOut co = applyVerifyAndNotice(List.of());
        clock.setDay(LocalDate.of(2026, 9, 20));
        LocalizedException e = assertThrows(LocalizedException.class,
                () -> closeOuts.close(co.id(), LocalDate.of(2026, 9, 20)));
        assertEquals("暂不能销号，还缺：至少一份佐证材料。", e.getLocalizedMessage());
        assertEquals(TaskStatus.ACCEPTED, storedStatus());

        evidence.attach(assignment.id(), null, co.id(), PHOTO);
        closeOuts.close(co.id(), LocalDate.of(2026, 9, 20));
        assertEquals(TaskStatus.CLOSED, storedStatus());
    }

    @Test
    void closingBeforeThePublicNoticeEndsIsRefused() {
        CloseOut co = applyVerifyAndNotice(PHOTO);
        clock.setDay(LocalDate.of(2026, 9, 16));
        LocalizedException e = assertThrows(LocalizedException.class,
                () -> closeOuts.close(co.id(), LocalDate.of(2026, 9, 16)));
        assertTrue(e.getLocalizedMessage().contains("公示期满（公示至 2026-09-16）"), e.getLocalizedMessage());
    }

    @Test
    void anOversizeFileIsRefusedNamingTheFileAndTheLimitAndNothingIsAdded() throws Exception {
        Wired.of(audit).trackingSettings().setEvidenceLimitMegabytes(1);
        Path big = dir.resolve("航拍视频截图.png");
        Files.write(big, new byte[1024 * 1024 + 1]);
        Path small = dir.resolve("验收意见.pdf");
        Files.write(small, new byte[] {'%', 'P', 'D', 'F'});
        long before = TestDb.sqlLong(db, "SELECT count(*) FROM evidence");
        LocalizedException e = assertThrows(LocalizedException.class,
                () -> evidence.attachFiles(assignment.id(), null, null, List.of(small, big)));
        assertEquals("文件“航拍视频截图.png”大小为 1,048,577 字节，超过佐证材料上限 1 MB（1,048,576 字节），未添加。"
                + "请压缩后再添加，或在“设置”中调整上限。", e.getLocalizedMessage(), "one byte over shows as one byte over");
        Files.write(big, new byte[3 * 1024 * 1024 / 2]);
        LocalizedException clear = assertThrows(LocalizedException.class,
                () -> evidence.attachFiles(assignment.id(), null, null, List.of(big)));
        assertTrue(clear.getLocalizedMessage().contains("大小为 1.5 MB，超过佐证材料上限 1 MB"), clear.getLocalizedMessage());
        assertEquals(before, TestDb.sqlLong(db, "SELECT count(*) FROM evidence"), "all or none");

        evidence.attachFiles(assignment.id(), null, null, List.of(small));
        assertEquals(4, TestDb.sqlLong(db, "SELECT length(content) FROM evidence WHERE file_name = '验收意见.pdf'"),
                "the file itself is inside the database");
    }

    @Test
    void anOversizeFileOnAnApplicationRefusesTheApplicationToo() {
        Wired.of(audit).trackingSettings().setEvidenceLimitMegabytes(1);
        var big = List.of(new EvidenceService.Upload("监测报告.pdf", new byte[2 * 1024 * 1024]));
        assertThrows(LocalizedException.class,
                () -> closeOuts.apply(assignment.id(), LocalDate.of(2026, 9, 1), "已完成整改", big));
        assertEquals(0, TestDb.sqlLong(db, "SELECT count(*) FROM close_out"));
    }

    @Test
    void aFailedVerificationEndsTheApplicationAndTheUnitAppliesAgain() {
        CloseOut co = closeOuts.apply(assignment.id(), LocalDate.of(2026, 9, 1), "已完成整改", PHOTO);
        assertThrows(LocalizedException.class,
                () -> closeOuts.apply(assignment.id(), LocalDate.of(2026, 9, 1), "再次申请", List.of()),
                "one application at a time");
        clock.setDay(LocalDate.of(2026, 9, 10));
        closeOuts.verify(co.id(), VerificationLevel.COUNTY, "县生态环境局", LocalDate.of(2026, 9, 10), false, "调节池仍高液位");
        assertEquals(TaskStatus.ON_SCHEDULE, storedStatus(), "back to work");
        assertEquals(99, tracking.trackTask(assignment.taskId()).states().get(0).percent(),
                "the 100 % report before the failed check no longer means done");
        LocalizedException e = assertThrows(LocalizedException.class,
                () -> closeOuts.startNotice(co.id(), LocalDate.of(2026, 9, 10), null));
        assertEquals("closeOut.error.notVerified", e.key());
        CloseOut again = closeOuts.apply(assignment.id(), LocalDate.of(2026, 9, 10), "整改到位，再次申请", List.of());
        assertEquals(TaskStatus.COMPLETED, storedStatus());
        assertTrue(again.id() != co.id());
    }

    @Test
    void reopeningAClosedShareNeedsAReason() {
        CloseOut co = applyVerifyAndNotice(PHOTO);
        clock.setDay(LocalDate.of(2026, 9, 20));
        closeOuts.close(co.id(), LocalDate.of(2026, 9, 20));
        clock.setDay(LocalDate.of(2026, 10, 15));
        LocalizedException e = assertThrows(LocalizedException.class,
                () -> closeOuts.reopen(co.id(), LocalDate.of(2026, 10, 15), "  "));
        assertEquals("请填写重新打开原因。", e.getLocalizedMessage());
        assertEquals(TaskStatus.CLOSED, storedStatus());

        closeOuts.reopen(co.id(), LocalDate.of(2026, 10, 15), "下沉督察发现渗滤液外溢");
        assertEquals(TaskStatus.BEHIND_SCHEDULE, storedStatus());
        assertEquals("下沉督察发现渗滤液外溢",
                TestDb.sqlString(db, "SELECT reopen_reason FROM close_out WHERE id = " + co.id()));
        assertTrue(tracking.trackTask(assignment.taskId()).overdue(), "reopened after the deadline: overdue again");
    }

    @Test
    void theLastEvidenceOfAClosedShareCannotBeDeletedButAReplacedOneCan() {
        CloseOut co = applyVerifyAndNotice(PHOTO);
        clock.setDay(LocalDate.of(2026, 9, 20));
        closeOuts.close(co.id(), LocalDate.of(2026, 9, 20));
        long photo = evidence.ofTask(assignment.taskId()).get(0).id();

        LocalizedException e = assertThrows(LocalizedException.class, () -> evidence.delete(photo));
        assertEquals("evidence.error.lastOfClosed", e.key());
        assertTrue(e.getLocalizedMessage().contains("整改后照片.jpg"), e.getLocalizedMessage());
        assertEquals(1, evidence.countForAssignment(assignment.id()));

        evidence.attach(assignment.id(), null, co.id(), List.of(new EvidenceService.Upload("验收意见.pdf",
                new byte[] {4, 5})));
        evidence.delete(photo);
        assertEquals(1, evidence.countForAssignment(assignment.id()), "the replacement stays");
    }

    @Test
    void datesInTheFutureAreRefused() {
        LocalizedException e = assertThrows(LocalizedException.class,
                () -> closeOuts.apply(assignment.id(), LocalDate.of(2026, 9, 2), "已完成整改", PHOTO));
        assertEquals("申请日期 2026-09-02 晚于今天（2026-09-01），不能填写未来的日期。", e.getLocalizedMessage());
    }

    @Test
    void savingAnEvidenceFileWritesItsBytesOverAnOldCopyAndLeavesNoTemporaryFile() throws Exception {
        Evidence photo = evidence.attach(assignment.id(), null, null,
                List.of(new EvidenceService.Upload("验收照片.jpg", new byte[] {7, 8, 9, 10}))).get(0);
        Path out = dir.resolve("导出").resolve("验收照片.jpg");
        Files.createDirectories(out.getParent());
        Files.write(out, new byte[] {0});

        evidence.saveTo(photo.id(), out);

        assertArrayEquals(new byte[] {7, 8, 9, 10}, Files.readAllBytes(out));
        try (var files = Files.list(out.getParent())) {
            assertEquals(List.of(out), files.toList(), "only the saved file is in the folder");
        }
    }
}
