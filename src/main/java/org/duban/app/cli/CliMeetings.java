package org.duban.app.cli;

import org.duban.i18n.LocalizedException;
import org.duban.model.Meeting;
import org.duban.service.meetings.MeetingService;

/** The meeting a command works on: the one named by --meeting, else the current one (the checklist's). */
final class CliMeetings {
    private CliMeetings() {
    }

    static Meeting resolve(MeetingService meetings, Long meetingId) {
        if (meetingId != null) {
            return meetings.find(meetingId).orElseThrow(() -> new LocalizedException("cli.error.noMeeting", meetingId));
        }
        return meetings.current().orElseThrow(() -> new LocalizedException("cli.error.noMeetings"));
    }
}
