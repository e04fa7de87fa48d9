package org.duban.service.meetings;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.duban.model.Meeting;
import org.duban.model.MeetingKind;
import org.duban.persistence.MeetingRepository;
import org.duban.persistence.Database;

/** Meetings: which exist, which the checklist opens on, and adding one. */
public final class MeetingService {
    private final MeetingRepository meetings;

    public MeetingService(Database db) {
        this.meetings = new MeetingRepository(db);
    }

    /** Newest first. */
    public List<Meeting> all() {
        return meetings.findAll();
    }

    public Optional<Meeting> find(long id) {
        return meetings.findById(id);
    }

    /** The meeting the checklist opens on: the latest assignment meeting, else the latest of any kind. */
    public Optional<Meeting> current() {
        List<Meeting> all = meetings.findAll();
        return all.stream().filter(m -> m.kind() == MeetingKind.ASSIGNMENT)
                .max(Comparator.comparing(Meeting::heldOn).thenComparing(Meeting::id))
                .or(() -> all.stream().findFirst());
    }

    public Meeting create(Meeting meeting) {
        return meetings.insert(meeting);
    }
}
