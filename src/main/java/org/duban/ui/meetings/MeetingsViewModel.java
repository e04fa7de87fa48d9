package org.duban.ui.meetings;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.duban.i18n.LocalizedException;
import org.duban.i18n.Messages;
import org.duban.model.Meeting;
import org.duban.model.MeetingDetails;
import org.duban.model.MeetingKind;
import org.duban.model.MeetingRole;
import org.duban.model.MeetingSpeaker;
import org.duban.model.TaskStatus;
import org.duban.model.Unit;
import org.duban.service.score.ScoredBulletins;
import org.duban.service.meetings.MeetingService;
import org.duban.service.pack.MeetingPackService;
import org.duban.service.tracking.TaskTracking;
import org.duban.ui.common.DialogService;
import org.duban.ui.common.FolderOpener;
import org.duban.ui.common.FormWork;
import org.duban.ui.common.TaskRunner;

/**
 * State of the meetings screen (会议): the meetings, the one being edited (heading, how it was held, people on the
 * platform, venues, attending and pledging units, tasks reviewed, notes), and the two products of a meeting: its
 * bulletin and its pack, written in the background with progress.
 */
public final class MeetingsViewModel {
    private final MeetingService meetings;
    private final MeetingOutputs outputs;
    private final TaskRunner runner;
    private final DialogService dialogs;

    private final ObservableList<Meeting> meetingList = FXCollections.observableArrayList();
    private final ObjectProperty<Meeting> selected = new SimpleObjectProperty<>();
    private List<Unit> roster = List.of();
    private long editingId;

    private final ObjectProperty<MeetingKind> kind = new SimpleObjectProperty<>(MeetingKind.PUSH);
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    private final BooleanProperty video = new SimpleBooleanProperty(true);
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty mainVenue = new SimpleStringProperty("");
    private final StringProperty subVenues = new SimpleStringProperty("");
    private final StringProperty attending = new SimpleStringProperty("");
    private final StringProperty pledges = new SimpleStringProperty("");
    private final StringProperty notes = new SimpleStringProperty("");
    private final ObservableList<MeetingSpeaker> speakers = FXCollections.observableArrayList();
    private final ObjectProperty<MeetingRole> speakerRole = new SimpleObjectProperty<>(MeetingRole.SPEECH);
    private final StringProperty speakerPost = new SimpleStringProperty("");
    private final StringProperty speakerName = new SimpleStringProperty("");
    private final ObservableList<ReviewRow> reviewRows = FXCollections.observableArrayList();
    private final IntegerProperty issuedTasks = new SimpleIntegerProperty();
    private final BooleanProperty editing = new SimpleBooleanProperty(false);
    private final BooleanProperty isNew = new SimpleBooleanProperty(false);

    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty saving = new SimpleBooleanProperty(false);

    public MeetingsViewModel(MeetingService meetings, MeetingPackService packs, ScoredBulletins bulletins,
                             TaskRunner runner, DialogService dialogs, FolderOpener opener) {
        this.meetings = meetings;
        this.outputs = new MeetingOutputs(packs, bulletins, meetings::today, runner, dialogs, opener);
        this.runner = runner;
        this.dialogs = dialogs;
        selected.addListener((o, a, m) -> {
            if (m != null && m.id() != editingId) {
                open(m);
            }
        });
        kind.addListener((o, a, k) -> {
            // a new meeting's title follows its kind until the user types one
            if (a != null && k != null && title.get().equals(MeetingService.defaultTitle(a))) {
                title.set(MeetingService.defaultTitle(k));
            }
        });
    }

    /** The meetings and the roster, read together when the screen loads. */
    private record Listing(List<Meeting> meetings, List<Unit> roster) {
    }

    /**
     * What the form shows of one meeting: its details, the tasks a follow-up meeting may review, and how many tasks
     * the meeting issued (0 for a new one).
     */
    private record Form(MeetingDetails details, List<TaskTracking> reviewable, int issued) {
    }

    /** Reads the meetings and opens the newest (or the one chosen before). */
    public void load() {
        runner.run(() -> new Listing(meetings.all(), meetings.roster()), r -> {
            List<Meeting> all = r.meetings();
            roster = r.roster();
            long keep = editingId;
            meetingList.setAll(all);
            Meeting next = all.stream().filter(m -> m.id() == keep).findFirst()
                    .orElse(all.isEmpty() ? null : all.get(0));
            editingId = -1;
            selected.set(null);
            selected.set(next);
            if (next == null) {
                editing.set(false);
            }
        }, this::failed);
    }

    /** Starts a new follow-up meeting (推进会, today), prefilled as the secretariat usually holds one. */
    public void newMeeting() {
        runner.run(() -> {
            MeetingDetails draft = meetings.draft(MeetingKind.PUSH, meetings.today());
            return new Form(draft, meetings.reviewableTasks(draft.meeting().heldOn()), 0);
        }, r -> {
            selected.set(null);
            fill(r);
        }, this::failed);
    }

    private void open(Meeting m) {
        runner.run(() -> {
            MeetingDetails d = meetings.details(m.id());
            List<TaskTracking> tasks = m.kind().isFollowUp() ? meetings.reviewableTasks(m.heldOn()) : List.of();
            return new Form(d, tasks, meetings.tasksOf(m).size());
        }, r -> fill(r), this::failed);
    }

    private void fill(Form f) {
        MeetingDetails d = f.details();
        List<TaskTracking> tasks = f.reviewable();
        int issued = f.issued();
        Meeting m = d.meeting();
        editingId = m.id();
        isNew.set(m.id() == 0);
        kind.set(m.kind());
        date.set(m.heldOn());
        title.set(m.title());
        notes.set(m.notes());
        video.set(d.video());
        mainVenue.set(d.mainVenue());
        subVenues.set(unitsText(d.subVenueUnitIds(), true));
        attending.set(unitsText(d.attendingUnitIds(), true));
        pledges.set(unitsText(d.pledgeUnitIds(), false));
        speakers.setAll(d.speakers());
        Set<Long> reviewed = new HashSet<>(d.reviewedTaskIds());
        reviewRows.setAll(tasks.stream().map(t -> new ReviewRow(t.task(), t.status(), reviewed.contains(t.task().id())))
                .toList());
        issuedTasks.set(issued);
        error.set("");
        editing.set(true);
    }

    /** Saves the meeting in the form (a new one or the changes). */
    public void save() {
        MeetingDetails draft;
        try {
            draft = formDetails();
        } catch (LocalizedException e) {
            error.set(e.getLocalizedMessage());
            return;
        }
        MeetingDetails d = draft;
        FormWork.run(runner, dialogs, () -> {
            MeetingDetails parsed = new MeetingDetails(d.meeting(), d.video(), d.mainVenue(), d.speakers(),
                    meetings.parseUnits(subVenues.get()), meetings.parseUnits(attending.get()),
                    meetings.parseUnits(pledges.get()), d.reviewedTaskIds());
            return meetings.save(parsed);
        }, error, saving, saved -> {
            editingId = saved.id();
            outputs.statusProperty().set(Messages.tr("meetings.saved", saved.meeting().title()));
            load();
        });
    }

    private MeetingDetails formDetails() {
        if (date.get() == null) {
            throw new LocalizedException("meetings.error.date");
        }
        Meeting m = new Meeting(editingId, kind.get(), date.get(), title.get() == null ? "" : title.get(),
                notes.get());
        List<Long> reviewed = reviewRows.stream().filter(ReviewRow::isReviewed).map(r -> r.task().id()).toList();
        return new MeetingDetails(m, video.get(), mainVenue.get(), speakers, List.of(), List.of(), List.of(), reviewed);
    }

    /** Deletes the meeting being edited, after asking (refused when it issued tasks). */
    public void delete() {
        if (editingId <= 0) {
            return;
        }
        long id = editingId;
        if (!dialogs.confirmDestructive(Messages.tr("meetings.delete.title"), Messages.tr("meetings.delete.confirm", title.get()),
                Messages.tr("meetings.delete"))) {
            return;
        }
        runner.run(() -> {
            meetings.delete(id);
            return id;
        }, r -> {
            editingId = 0;
            load();
        }, this::failed);
    }

    /** Adds the person typed in the speaker fields. */
    public void addSpeaker() {
        String name = speakerName.get() == null ? "" : speakerName.get().strip();
        if (name.isEmpty()) {
            error.set(Messages.tr("meetings.error.speakerName"));
            return;
        }
        speakers.add(new MeetingSpeaker(speakerRole.get(), name, speakerPost.get()));
        speakerName.set("");
        speakerPost.set("");
        error.set("");
    }

    public void removeSpeaker(MeetingSpeaker s) {
        speakers.remove(s);
    }

    /** Moves a speaker up ({@code -1}) or down ({@code +1}) in the order of the meeting. */
    public void moveSpeaker(MeetingSpeaker s, int by) {
        int i = speakers.indexOf(s);
        int j = i + by;
        if (i < 0 || j < 0 || j >= speakers.size()) {
            return;
        }
        speakers.remove(i);
        speakers.add(j, s);
    }

    /** The default sub-venues: every county-level unit and 东侨. */
    public void defaultSubVenues() {
        subVenues.set(unitsText(MeetingService.defaultSubVenues(roster), true));
    }

    /** Reviews every task, or only those not yet closed on the meeting's day. */
    public void reviewAll(boolean onlyOpen) {
        reviewRows.forEach(r -> r.reviewedProperty().set(!onlyOpen || r.status() != TaskStatus.CLOSED));
    }

    /** Writes the pack of the meeting being edited (it must be saved first). */
    public void pack() {
        if (editingId <= 0) {
            error.set(Messages.tr("meetings.error.saveFirst"));
            return;
        }
        outputs.pack(editingId);
    }

    /** Writes the bulletin as of the meeting's day (today for one still to come). */
    public void bulletin() {
        if (date.get() != null) {
            outputs.bulletin(date.get());
        }
    }

    private void failed(Throwable e) {
        saving.set(false);
        dialogs.showError(Messages.tr("error.title"), DialogService.messageOf(e), e);
    }

    /**
     * Units as typed in the form: names joined with 、; in roster order every county-level unit together reads
     * 各县（市、区）.
     */
    String unitsText(List<Long> ids, boolean rosterOrder) {
        List<Unit> chosen = ids.stream().map(id -> roster.stream().filter(u -> u.id() == id).findFirst().orElse(null))
                .filter(u -> u != null).toList();
        if (!rosterOrder) {
            return chosen.stream().map(Unit::name).collect(Collectors.joining("、"));
        }
        List<Unit> counties = roster.stream().filter(u -> u.kind().isCountyLevel()).toList();
        boolean all = !counties.isEmpty() && chosen.containsAll(counties);
        String rest = chosen.stream().filter(u -> !all || !u.kind().isCountyLevel()).map(Unit::name)
                .collect(Collectors.joining("、"));
        String head = all ? Messages.tr("meetings.allCounties") : "";
        return head.isEmpty() ? rest : rest.isEmpty() ? head : head + "、" + rest;
    }

    /** The number of tasks reviewed, or issued at an assignment meeting. */
    public String tasksSummary() {
        if (!kind.get().isFollowUp()) {
            return Messages.tr("meetings.tasks.issued", issuedTasks.get());
        }
        long n = reviewRows.stream().filter(ReviewRow::isReviewed).count();
        return Messages.tr("meetings.tasks.reviewed", n, reviewRows.size());
    }

    public ObservableList<Meeting> meetings() {
        return meetingList;
    }

    public ObjectProperty<Meeting> selectedProperty() {
        return selected;
    }

    public ObjectProperty<MeetingKind> kindProperty() {
        return kind;
    }

    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    public BooleanProperty videoProperty() {
        return video;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty mainVenueProperty() {
        return mainVenue;
    }

    public StringProperty subVenuesProperty() {
        return subVenues;
    }

    public StringProperty attendingProperty() {
        return attending;
    }

    public StringProperty pledgesProperty() {
        return pledges;
    }

    public StringProperty notesProperty() {
        return notes;
    }

    public ObservableList<MeetingSpeaker> speakers() {
        return speakers;
    }

    public ObjectProperty<MeetingRole> speakerRoleProperty() {
        return speakerRole;
    }

    public StringProperty speakerPostProperty() {
        return speakerPost;
    }

    public StringProperty speakerNameProperty() {
        return speakerName;
    }

    public ObservableList<ReviewRow> reviewRows() {
        return reviewRows;
    }

    public IntegerProperty issuedTasksProperty() {
        return issuedTasks;
    }

    public BooleanProperty editingProperty() {
        return editing;
    }

    public BooleanProperty isNewProperty() {
        return isNew;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty savingProperty() {
        return saving;
    }

    /** The pack and the bulletin, with their progress. */
    public MeetingOutputs outputs() {
        return outputs;
    }
}
