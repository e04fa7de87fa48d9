package org.duban.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything recorded about a meeting beyond its heading: how it was held, who chaired and spoke, the venues, the
 * units that attended and pledged, and the tasks it reviewed.
 *
 * @param video            held as a video conference
 * @param mainVenue        主会场, may be empty
 * @param speakers         the people on the platform, in the order of the meeting (the chair among them)
 * @param subVenueUnitIds  units with a sub-venue (分会场) of their own, in roster order
 * @param attendingUnitIds units that attended, in roster order
 * @param pledgeUnitIds    units that made a pledge (表态发言), in the order they spoke
 * @param reviewedTaskIds  tasks a follow-up meeting reviewed (an assignment meeting issues its own tasks)
 */
public record MeetingDetails(Meeting meeting, boolean video, String mainVenue, List<MeetingSpeaker> speakers,
                             List<Long> subVenueUnitIds, List<Long> attendingUnitIds, List<Long> pledgeUnitIds,
                             List<Long> reviewedTaskIds) {
    public MeetingDetails {
        Objects.requireNonNull(meeting, "meeting");
        mainVenue = mainVenue == null ? "" : mainVenue.strip();
        speakers = List.copyOf(speakers);
        subVenueUnitIds = List.copyOf(subVenueUnitIds);
        attendingUnitIds = List.copyOf(attendingUnitIds);
        pledgeUnitIds = List.copyOf(pledgeUnitIds);
        reviewedTaskIds = List.copyOf(reviewedTaskIds);
    }

    /** A meeting with nothing recorded beyond its heading. */
    public static MeetingDetails of(Meeting meeting) {
        return new MeetingDetails(meeting, false, "", List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public MeetingDetails withMeeting(Meeting m) {
        return new MeetingDetails(m, video, mainVenue, speakers, subVenueUnitIds, attendingUnitIds, pledgeUnitIds,
                reviewedTaskIds);
    }

    public MeetingDetails withReviewedTasks(List<Long> taskIds) {
        return new MeetingDetails(meeting, video, mainVenue, speakers, subVenueUnitIds, attendingUnitIds,
                pledgeUnitIds, taskIds);
    }

    /** The person who chaired, if recorded. */
    public Optional<MeetingSpeaker> chair() {
        return speakers.stream().filter(s -> s.role() == MeetingRole.CHAIR).findFirst();
    }

    public long id() {
        return meeting.id();
    }
}
