package org.duban.ui.meetings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.duban.model.Meeting;
import org.duban.model.MeetingDetails;
import org.duban.model.MeetingKind;
import org.duban.model.MeetingSpeaker;
import org.duban.persistence.Database;
import org.duban.service.Services;
import org.duban.service.meetings.MeetingService;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.ui.common.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 会议 without a window, on the sample as of 2026-11-29: the form filled, checked and saved; what may be deleted. */
class MeetingsViewModelTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    @TempDir
    Path dir;
    private Database db;
    private MeetingService meetings;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final List<Path> opened = new ArrayList<>();
    private MeetingsViewModel vm;

    @BeforeEach
    void open() {
        db = TestDb.withSample(dir);
        Services services = Services.over(db, new TestClock(TODAY));
        meetings = services.meetings();
        vm = new MeetingsViewModel(meetings, services.meetingPacks(), services.scoredBulletins(),
                TaskRunner.direct(), dialogs, (folder, failed) -> opened.add(folder));
        vm.load();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private long meetingCount() {
        return TestDb.sqlLong(db.file(), "SELECT count(*) FROM meeting");
    }

    private void open(Meeting m) {
        vm.selectedProperty().set(vm.meetings().stream().filter(x -> x.id() == m.id()).findFirst().orElseThrow());
    }

    @Test
    void loadingListsTheMeetingsAndOpensTheFirstInTheForm() {
        assertEquals(meetings.all(), List.copyOf(vm.meetings()));
        Meeting first = vm.meetings().get(0);
        assertEquals(first, vm.selectedProperty().get());
        assertTrue(vm.editingProperty().get());
        assertFalse(vm.isNewProperty().get());
        assertEquals(first.title(), vm.titleProperty().get());
        assertEquals(first.heldOn(), vm.dateProperty().get());
        assertEquals(meetings.details(first.id()).speakers(), List.copyOf(vm.speakers()));

        Meeting assignment = vm.meetings().stream().filter(m -> m.kind() == MeetingKind.ASSIGNMENT).findFirst()
                .orElseThrow();
        open(assignment);
        int issued = meetings.tasksOf(assignment).size();
        assertTrue(issued > 0);
        assertEquals(issued, vm.issuedTasksProperty().get());
        assertEquals("本次会议交办任务 " + issued + " 项。", vm.tasksSummary());
        assertTrue(vm.reviewRows().isEmpty(), "an assignment meeting reviews nothing");
    }

    @Test
    void aNewMeetingIsPrefilledAndItsTitleFollowsItsKindUntilTyped() {
        vm.newMeeting();
        assertTrue(vm.isNewProperty().get());
        assertNull(vm.selectedProperty().get());
        assertEquals(MeetingKind.PUSH, vm.kindProperty().get());
        assertEquals(TODAY, vm.dateProperty().get());
        assertEquals("全市生态环境保护重点工作任务推进会", vm.titleProperty().get());
        assertEquals("各县（市、区）、东侨经济技术开发区", vm.subVenuesProperty().get());
        int n = meetings.reviewableTasks(TODAY).size();
        assertEquals(n, vm.reviewRows().size());
        assertEquals("本次会议审议任务 " + n + " 项（共 " + n + " 项可选）。", vm.tasksSummary());

        vm.kindProperty().set(MeetingKind.REVIEW);
        assertEquals("全市生态环境保护重点工作任务调度会", vm.titleProperty().get());
        vm.titleProperty().set("第四季度调度会");
        vm.kindProperty().set(MeetingKind.PUSH);
        assertEquals("第四季度调度会", vm.titleProperty().get(), "a typed title stays");
    }

    @Test
    void aMissingDayOrAnUnknownUnitIsSaidAtTheFormAndNothingIsSaved() {
        vm.newMeeting();
        String before = TestDb.contentDigest(db.file());
        vm.dateProperty().set(null);
        vm.save();
        assertEquals("请填写会议日期（如 2026-11-29）。", vm.errorProperty().get());
        vm.dateProperty().set(TODAY);
        vm.attendingProperty().set("蕉城区、月球县");
        vm.save();
        assertTrue(vm.errorProperty().get().startsWith("单位名单中没有“月球县”。"), vm.errorProperty().get());
        assertEquals(before, TestDb.contentDigest(db.file()));
        vm.pack();
        assertEquals("请先保存会议，再生成会议材料。", vm.errorProperty().get());
        assertFalse(vm.savingProperty().get());
    }

    @Test
    void aSavedMeetingKeepsItsSpeakersInOrderAndTheTasksReviewed() {
        vm.newMeeting();
        vm.addSpeaker();
        assertEquals("每位出席领导都要填写姓名。", vm.errorProperty().get());
        vm.speakerNameProperty().set("张三");
        vm.speakerPostProperty().set("市委书记");
        vm.addSpeaker();
        vm.speakerNameProperty().set("李四");
        vm.speakerPostProperty().set("市长");
        vm.addSpeaker();
        assertEquals("", vm.errorProperty().get());
        assertEquals("", vm.speakerNameProperty().get(), "the fields are cleared for the next");
        MeetingSpeaker li = vm.speakers().get(1);
        vm.moveSpeaker(li, -1);
        vm.moveSpeaker(li, -1);
        assertEquals("李四", vm.speakers().get(0).name());
        vm.reviewAll(true);
        long reviewed = vm.reviewRows().stream().filter(ReviewRow::isReviewed).count();
        long before = meetingCount();

        vm.save();

        assertEquals("", vm.errorProperty().get());
        assertEquals(before + 1, meetingCount());
        assertEquals("已保存“全市生态环境保护重点工作任务推进会”。", vm.outputs().statusProperty().get());
        assertFalse(vm.isNewProperty().get(), "the form now shows the saved meeting");
        MeetingDetails saved = meetings.details(vm.selectedProperty().get().id());
        assertEquals(List.of("李四", "张三"), saved.speakers().stream().map(MeetingSpeaker::name).toList());
        assertEquals(reviewed, saved.reviewedTaskIds().size());
    }

    @Test
    void aMeetingThatIssuedTasksIsNotDeletedAndAnotherOnlyAfterTheQuestion() {
        Meeting assignment = vm.meetings().stream().filter(m -> m.kind() == MeetingKind.ASSIGNMENT).findFirst()
                .orElseThrow();
        open(assignment);
        long before = meetingCount();
        vm.delete();
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).startsWith("会议“" + assignment.title() + "”交办了 "), dialogs.errors.get(0));
        assertEquals(before, meetingCount());

        Meeting followUp = vm.meetings().stream().filter(m -> m.kind().isFollowUp()).findFirst().orElseThrow();
        open(followUp);
        dialogs.answer = false;
        vm.delete();
        assertEquals(before, meetingCount(), "declined");
        dialogs.answer = true;
        vm.delete();
        assertEquals(before - 1, meetingCount());
        assertTrue(vm.meetings().stream().noneMatch(m -> m.id() == followUp.id()));
    }
}
