package org.duban.service.sample;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.duban.model.Meeting;
import org.duban.model.MeetingDetails;
import org.duban.model.MeetingKind;
import org.duban.model.MeetingRole;
import org.duban.model.MeetingSpeaker;
import org.duban.model.TaskStatus;
import org.duban.model.Unit;
import org.duban.persistence.TaskScope;
import org.duban.service.meetings.MeetingService;
import org.duban.service.tracking.TaskTracking;
import org.duban.service.tracking.TrackingService;

/**
 * The sample's meetings: the 19 March assignment meeting as the news report describes it
 * ({@code meeting-news-simplified.txt}), a 调度会 in July and a 推进会 in September that reviewed the tasks.
 */
final class SampleMeetings {
    static final LocalDate REVIEW_DAY = LocalDate.of(2026, 7, 16);
    static final LocalDate PUSH_DAY = LocalDate.of(2026, 9, 29);
    static final String MAIN_VENUE = "市主会场";
    /** Pledges (表态发言) at the assignment meeting, in the order the report gives. */
    static final List<String> PLEDGES = List.of("蕉城区", "古田县", "福安市", "福鼎市", "霞浦县");

    private final MeetingService meetings;
    private final TrackingService tracking;
    private final List<Unit> roster;

    SampleMeetings(MeetingService meetings, TrackingService tracking, List<Unit> roster) {
        this.meetings = meetings;
        this.tracking = tracking;
        this.roster = List.copyOf(roster);
    }

    /**
     * The 19 March meeting: a video conference with the main venue and a sub-venue in every county-level unit and
     * 东侨; 梁伟新 speaks, 张永宁 chairs, 党帅 deploys the work; every unit of the roster receives its list; five
     * units pledge.
     */
    Meeting assignmentMeeting() {
        List<MeetingSpeaker> speakers = List.of(
                new MeetingSpeaker(MeetingRole.SPEECH, "梁伟新", "市委书记"),
                new MeetingSpeaker(MeetingRole.CHAIR, "张永宁", "市长"),
                new MeetingSpeaker(MeetingRole.ATTEND, "王世雄", "市人大常委会主任"),
                new MeetingSpeaker(MeetingRole.ATTEND, "兰斯琦", "市政协主席"),
                new MeetingSpeaker(MeetingRole.DEPLOY, "党帅", "副市长"));
        Meeting m = new Meeting(0, MeetingKind.ASSIGNMENT, SampleMeeting.DATE, SampleMeeting.TITLE, SampleMeeting.NOTES);
        return meetings.save(new MeetingDetails(m, true, MAIN_VENUE, speakers, MeetingService.defaultSubVenues(roster),
                roster.stream().map(Unit::id).toList(), PLEDGES.stream().map(this::unitId).toList(), List.of())).meeting();
    }

    /**
     * The follow-up meetings, each at the end of its day: the 调度会 reviews every task, the 推进会 those not yet
     * closed; {@code afterEach} runs once a follow-up meeting is recorded (the bulletin issued for it).
     */
    void planFollowUps(SampleYear year, Consumer<Meeting> afterEach) {
        year.endOfDay(REVIEW_DAY, () -> afterEach.accept(review()));
        year.endOfDay(PUSH_DAY, () -> afterEach.accept(push()));
    }

    private Meeting review() {
        List<MeetingSpeaker> speakers = List.of(
                new MeetingSpeaker(MeetingRole.CHAIR, "党帅", "副市长"),
                new MeetingSpeaker(MeetingRole.REPORT, "市生态环境局主要负责同志", ""));
        Meeting m = new Meeting(0, MeetingKind.REVIEW, REVIEW_DAY, MeetingService.defaultTitle(MeetingKind.REVIEW),
                "通报上半年生态环境问题整改进展，逐项调度超期和滞后序时任务，部署三季度整改工作。");
        List<Long> all = tracking.trackIssued(TaskScope.all(), REVIEW_DAY).stream().map(t -> t.task().id()).toList();
        return meetings.save(new MeetingDetails(m, true, MAIN_VENUE, speakers, MeetingService.defaultSubVenues(roster),
                roster.stream().map(Unit::id).toList(), List.of(), all)).meeting();
    }

    private Meeting push() {
        List<MeetingSpeaker> speakers = List.of(
                new MeetingSpeaker(MeetingRole.CHAIR, "张永宁", "市长"),
                new MeetingSpeaker(MeetingRole.REPORT, "党帅", "副市长"),
                new MeetingSpeaker(MeetingRole.SPEECH, "梁伟新", "市委书记"));
        Meeting m = new Meeting(0, MeetingKind.PUSH, PUSH_DAY, MeetingService.defaultTitle(MeetingKind.PUSH),
                "通报前三季度整改进展和排名，进度滞后单位作表态发言，部署四季度攻坚和年底前销号工作。");
        List<Long> open = tracking.trackIssued(TaskScope.all(), PUSH_DAY).stream()
                .filter(t -> t.status() != TaskStatus.CLOSED).map(TaskTracking::task).map(t -> t.id()).toList();
        return meetings.save(new MeetingDetails(m, true, MAIN_VENUE, speakers, MeetingService.defaultSubVenues(roster),
                roster.stream().map(Unit::id).toList(), List.of(), open)).meeting();
    }

    /** Records the pledging units of a meeting (the units its bulletin named as lagging). */
    void pledges(Meeting m, List<Long> unitIds) {
        MeetingDetails d = meetings.details(m.id());
        meetings.save(new MeetingDetails(d.meeting(), d.video(), d.mainVenue(), d.speakers(), d.subVenueUnitIds(),
                d.attendingUnitIds(), unitIds, d.reviewedTaskIds()));
    }

    private long unitId(String name) {
        return roster.stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow().id();
    }
}
