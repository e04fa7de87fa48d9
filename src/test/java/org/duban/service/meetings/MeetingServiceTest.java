package org.duban.service.meetings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.duban.i18n.LocalizedException;
import org.duban.model.Meeting;
import org.duban.model.MeetingDetails;
import org.duban.model.MeetingKind;
import org.duban.model.MeetingRole;
import org.duban.model.MeetingSpeaker;
import org.duban.model.Unit;
import org.duban.persistence.Database;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Meetings as the sample holds them, and recording one. */
class MeetingServiceTest {
    @TempDir
    Path dir;
    private Database db;
    private MeetingService meetings;
    private Map<Long, String> names;

    @BeforeEach
    void sample() {
        db = TestDb.withSample(dir);
        meetings = Wired.over(db, new TestClock(LocalDate.of(2026, 11, 29))).meetings();
        names = meetings.roster().stream().collect(Collectors.toMap(Unit::id, Unit::name));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<String> names(List<Long> ids) {
        return ids.stream().map(names::get).toList();
    }

    private Meeting ofKind(MeetingKind kind) {
        return meetings.all().stream().filter(m -> m.kind() == kind).findFirst().orElseThrow();
    }

    @Test
    void theSampleHoldsTheNineteenthOfMarchMeetingAsTheNewsDescribesIt() {
        MeetingDetails d = meetings.details(ofKind(MeetingKind.ASSIGNMENT).id());
        assertEquals(LocalDate.of(2026, 3, 19), d.meeting().heldOn());
        assertTrue(d.video(), "a video conference");
        assertFalse(d.mainVenue().isEmpty());
        Map<String, MeetingRole> roles = d.speakers().stream()
                .collect(Collectors.toMap(MeetingSpeaker::name, MeetingSpeaker::role));
        assertEquals(MeetingRole.SPEECH, roles.get("梁伟新"));
        assertEquals(MeetingRole.CHAIR, roles.get("张永宁"));
        assertEquals(MeetingRole.DEPLOY, roles.get("党帅"));
        assertEquals("张永宁", d.chair().orElseThrow().name());
        assertEquals(List.of("蕉城区", "福安市", "福鼎市", "霞浦县", "古田县", "屏南县", "寿宁县", "周宁县", "柘荣县",
                "东侨经济技术开发区"), names(d.subVenueUnitIds()), "a sub-venue in every county and 东侨");
        assertEquals(List.of("蕉城区", "古田县", "福安市", "福鼎市", "霞浦县"), names(d.pledgeUnitIds()),
                "pledges in the order of the report");
        assertEquals(meetings.roster().size(), d.attendingUnitIds().size(), "every unit received its list");
        assertEquals(45, meetings.tasksOf(d.meeting()).size(), "the tasks it issued");
    }

    @Test
    void theSampleHasASummerReviewAndAnAutumnPushMeetingThatReviewedTasks() {
        Meeting review = ofKind(MeetingKind.REVIEW);
        Meeting push = ofKind(MeetingKind.PUSH);
        assertEquals(7, review.heldOn().getMonthValue());
        assertEquals(9, push.heldOn().getMonthValue());
        assertEquals(45, meetings.tasksOf(review).size(), "the 调度会 reviewed every task");
        int open = meetings.tasksOf(push).size();
        assertTrue(open > 0 && open < 45, "the 推进会 reviewed the tasks not yet closed: " + open);
        assertEquals(3, meetings.details(push.id()).pledgeUnitIds().size(), "the units its bulletin named pledged");
        assertEquals(2, TestDb.sqlLong(db, "SELECT count(*) FROM bulletin"), "a bulletin at each");
    }

    @Test
    void aMeetingIsStoredWithItsDetailsInTheirOrder() {
        MeetingDetails draft = meetings.draft(MeetingKind.REVIEW, LocalDate.of(2026, 12, 10));
        List<Long> pledges = meetings.parseUnits("霞浦县、蕉城区、东侨开发区");
        List<Long> reviewed = draft.reviewedTaskIds().subList(0, 5);
        MeetingDetails d = new MeetingDetails(draft.meeting(), false, "市行政服务中心三楼会议室",
                List.of(new MeetingSpeaker(MeetingRole.CHAIR, "党帅", "副市长"),
                        new MeetingSpeaker(MeetingRole.REPORT, "市生态环境局局长", "")),
                meetings.parseUnits("福安市、蕉城区"), meetings.parseUnits("各县(市、区)"), pledges, reviewed);
        MeetingDetails saved = meetings.save(d);
        MeetingDetails read = meetings.details(saved.id());
        assertEquals(List.of("霞浦县", "蕉城区", "东侨经济技术开发区"), names(read.pledgeUnitIds()));
        assertEquals(List.of("蕉城区", "福安市"), names(read.subVenueUnitIds()), "roster order");
        assertEquals(9, read.attendingUnitIds().size());
        assertEquals(d.speakers(), read.speakers());
        assertEquals(reviewed, read.reviewedTaskIds());
        assertFalse(read.video());
        assertEquals("全市生态环境保护重点工作任务调度会", read.meeting().title());
        assertEquals(1, TestDb.sqlLong(db, "SELECT count(*) FROM audit_log WHERE entity = 'MEETING' "
                + "AND entity_id = " + saved.id() + " AND action = 'CREATE'"));
    }

    @Test
    void aMeetingThatIssuedTasksCannotBeDeletedOrTurnedIntoAFollowUp() {
        Meeting assignment = ofKind(MeetingKind.ASSIGNMENT);
        LocalizedException e = assertThrows(LocalizedException.class, () -> meetings.delete(assignment.id()));
        assertEquals("meetings.error.hasTasks", e.key());
        MeetingDetails d = meetings.details(assignment.id());
        Meeting asPush = new Meeting(assignment.id(), MeetingKind.PUSH, assignment.heldOn(), assignment.title(), "");
        assertEquals("meetings.error.kindWithTasks",
                assertThrows(LocalizedException.class, () -> meetings.save(d.withMeeting(asPush))).key());
        assertEquals(MeetingKind.ASSIGNMENT, meetings.find(assignment.id()).orElseThrow().kind());
    }

    @Test
    void aFollowUpMeetingIsDeletedWithWhatWasRecordedAboutIt() {
        Meeting review = ofKind(MeetingKind.REVIEW);
        meetings.delete(review.id());
        assertTrue(meetings.find(review.id()).isEmpty());
        assertEquals(0, TestDb.sqlLong(db, "SELECT count(*) FROM meeting_task WHERE meeting_id = " + review.id()));
        assertEquals(0, TestDb.sqlLong(db, "SELECT count(*) FROM meeting_speaker WHERE meeting_id = " + review.id()));
        assertEquals(45, TestDb.sqlLong(db, "SELECT count(*) FROM task"), "tasks stay");
    }

    @Test
    void unitsAreReadAsTypedAndAnUnknownOneIsNamed() {
        Map<String, Unit> byName = meetings.roster().stream().collect(Collectors.toMap(Unit::name, Function.identity()));
        assertEquals(List.of(byName.get("霞浦县").id(), byName.get("古田县").id()), meetings.parseUnits("霞浦、古田县人民政府"));
        assertEquals(9, meetings.parseUnits("各县（市、区）").size());
        LocalizedException e = assertThrows(LocalizedException.class, () -> meetings.parseUnits("蕉城区、火星区"));
        assertEquals("meetings.error.unknownUnit", e.key());
        assertTrue(e.getLocalizedMessage().contains("火星区"));
        assertEquals("meetings.error.title", assertThrows(LocalizedException.class, () -> meetings.save(
                MeetingDetails.of(new Meeting(0, MeetingKind.PUSH, LocalDate.of(2026, 12, 1), " ", "")))).key());
    }
}
