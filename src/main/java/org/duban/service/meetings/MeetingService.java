package org.duban.service.meetings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.duban.i18n.LocalizedException;
import org.duban.model.AuditEntity;
import org.duban.model.Meeting;
import org.duban.model.MeetingDetails;
import org.duban.model.MeetingKind;
import org.duban.model.MeetingSpeaker;
import org.duban.model.Task;
import org.duban.model.Unit;
import org.duban.model.UnitKind;
import org.duban.persistence.MeetingRepository;
import org.duban.persistence.Repositories;
import org.duban.persistence.TaskRepository;
import org.duban.persistence.TaskScope;
import org.duban.persistence.UnitOfWork;
import org.duban.persistence.UnitRepository;
import org.duban.service.audit.AuditLog;
import org.duban.service.handout.HandoutText;
import org.duban.service.tracking.TaskTracking;
import org.duban.service.tracking.TrackingService;
import org.duban.service.units.UnitResolver;

/**
 * Meetings: which exist, which the checklist opens on, and recording one (交办会, 调度会, 推进会) with its speakers,
 * venues, attending and pledging units and the tasks it reviewed. Changes are audited.
 */
public final class MeetingService {
    private final UnitOfWork uow;
    private final AuditLog audit;
    private final MeetingRepository meetings;
    private final TaskRepository tasks;
    private final UnitRepository units;
    private final TrackingService tracking;

    public MeetingService(Repositories repos, UnitOfWork uow, AuditLog audit, TrackingService tracking) {
        this.uow = uow;
        this.audit = audit;
        this.meetings = repos.meetings();
        this.tasks = repos.tasks();
        this.units = repos.units();
        this.tracking = tracking;
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

    /** Adds a meeting with nothing recorded beyond its heading. */
    public Meeting create(Meeting meeting) {
        return save(MeetingDetails.of(meeting)).meeting();
    }

    /** A meeting with everything recorded about it. */
    public MeetingDetails details(long id) {
        return meetings.details(id).orElseThrow(() -> new LocalizedException("meetings.error.gone"));
    }

    /** The roster, for pickers. */
    public List<Unit> roster() {
        return units.findAll();
    }

    /** The tasks a meeting issued (交办会) or reviewed (调度会, 推进会), by meeting and 序号. */
    public List<Task> tasksOf(Meeting meeting) {
        return tasks.find(TaskScope.of(meeting));
    }

    /** Every task a follow-up meeting could review, as it stood on {@code day}, by meeting and 序号. */
    public List<TaskTracking> reviewableTasks(LocalDate day) {
        return tracking.track(TaskScope.all(), day);
    }

    /** Today by the service's clock (the default day of a new meeting). */
    public LocalDate today() {
        return audit.today();
    }

    /**
     * A new meeting of a kind on a day as the secretariat usually holds it: a video conference with a sub-venue in
     * every county-level unit and the development zone, those units attending; a follow-up meeting reviews every
     * task issued so far.
     */
    public MeetingDetails draft(MeetingKind kind, LocalDate day) {
        List<Unit> roster = units.findAll();
        List<Long> local = defaultSubVenues(roster);
        List<Long> reviewed = kind.isFollowUp() ? tasks.findAll().stream().map(Task::id).toList() : List.of();
        Meeting m = new Meeting(0, kind, day, defaultTitle(kind), "");
        return new MeetingDetails(m, true, "", List.of(), local, local, List.of(), reviewed);
    }

    /** 全市生态环境保护重点工作任务推进会, after the kind (a title is Chinese whatever the window's language). */
    public static String defaultTitle(MeetingKind kind) {
        return HandoutText.tr("meeting.doc.defaultTitle." + kind.name());
    }

    /** The default sub-venues: one per county-level unit and development zone, in roster order. */
    public static List<Long> defaultSubVenues(List<Unit> roster) {
        return roster.stream().filter(u -> u.kind().isCountyLevel() || u.kind() == UnitKind.DEVELOPMENT_ZONE)
                .map(Unit::id).toList();
    }

    /**
     * Stores a new meeting (id 0) or the changes to a stored one, with its details, in one transaction.
     *
     * @throws LocalizedException when the title or date is missing, a speaker has no name, or an id names
     *                            nothing on the roster
     */
    public MeetingDetails save(MeetingDetails details) {
        MeetingDetails d = checked(details);
        return uow.inTransaction(() -> {
            if (d.id() == 0) {
                MeetingDetails stored = meetings.insert(d);
                audit.created(AuditEntity.MEETING, stored.id(), null, null, summary(stored.meeting()));
                return stored;
            }
            MeetingDetails old = meetings.details(d.id()).orElseThrow(() -> new LocalizedException("meetings.error.gone"));
            if (!old.meeting().kind().isFollowUp() && d.meeting().kind().isFollowUp()
                    && meetings.issuedTaskCount(d.id()) > 0) {
                throw new LocalizedException("meetings.error.kindWithTasks");
            }
            meetings.update(d);
            audit.changed(AuditEntity.MEETING, d.id(), null, null, "meeting", summary(old.meeting()),
                    summary(d.meeting()));
            return meetings.details(d.id()).orElseThrow();
        });
    }

    /**
     * Removes a meeting that issued no tasks, with what was recorded about it.
     *
     * @throws LocalizedException when tasks belong to it (they would be lost)
     */
    public void delete(long meetingId) {
        uow.inTransaction(() -> {
            Meeting m = meetings.findById(meetingId).orElseThrow(() -> new LocalizedException("meetings.error.gone"));
            int issued = meetings.issuedTaskCount(meetingId);
            if (issued > 0) {
                throw new LocalizedException("meetings.error.hasTasks", m.title(), issued);
            }
            meetings.delete(meetingId);
            audit.deleted(AuditEntity.MEETING, meetingId, null, null, summary(m));
            return null;
        });
    }

    /**
     * Reads units typed as people write them ("蕉城区、古田县", "各县(市、区)、东侨开发区") in the order typed.
     *
     * @throws LocalizedException naming the first spelling that is no unit of the roster
     */
    public List<Long> parseUnits(String text) {
        UnitResolver resolver = new UnitResolver(units.findAll());
        List<Long> ids = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return ids;
        }
        UnitResolver.Resolution all = resolver.resolveList(text);
        if (!all.unknown().isEmpty()) {
            throw new LocalizedException("meetings.error.unknownUnit", all.unknown().get(0));
        }
        // resolveList gives roster order; keep the order typed where each part names one unit (pledges).
        for (String part : UnitResolver.LIST_SEPARATORS.split(text)) {
            resolver.resolve(part.strip()).ifPresent(u -> {
                if (!ids.contains(u.id())) {
                    ids.add(u.id());
                }
            });
        }
        for (Unit u : all.units()) {
            if (!ids.contains(u.id())) {
                ids.add(u.id());
            }
        }
        return ids;
    }

    private MeetingDetails checked(MeetingDetails d) {
        Meeting m = d.meeting();
        if (m.title().isBlank()) {
            throw new LocalizedException("meetings.error.title");
        }
        for (MeetingSpeaker s : d.speakers()) {
            if (s.name().isBlank()) {
                throw new LocalizedException("meetings.error.speakerName");
            }
        }
        List<Long> roster = units.findAll().stream().map(Unit::id).toList();
        for (List<Long> list : List.of(d.subVenueUnitIds(), d.attendingUnitIds(), d.pledgeUnitIds())) {
            for (Long id : list) {
                if (!roster.contains(id)) {
                    throw new LocalizedException("meetings.error.unitGone");
                }
            }
        }
        Meeting clean = new Meeting(m.id(), m.kind(), m.heldOn(), m.title().strip(), m.notes().strip());
        MeetingDetails out = d.withMeeting(clean);
        return m.kind().isFollowUp() ? out : out.withReviewedTasks(List.of());
    }

    private static String summary(Meeting m) {
        return m.heldOn() + " " + m.title() + "（" + HandoutText.tr("meeting.kind." + m.kind().name()) + "）";
    }
}
