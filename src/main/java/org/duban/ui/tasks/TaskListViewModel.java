package org.duban.ui.tasks;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.duban.i18n.Messages;
import org.duban.model.Meeting;
import org.duban.model.MeetingKind;
import org.duban.model.TaskStatus;
import org.duban.model.Term;
import org.duban.model.Unit;
import org.duban.model.WarningLight;
import org.duban.service.audit.EditConflictException;
import org.duban.service.meetings.MeetingService;
import org.duban.service.tasks.ChecklistFilter;
import org.duban.service.tasks.ChecklistRow;
import org.duban.service.tasks.TaskInput;
import org.duban.service.tasks.TaskService;
import org.duban.service.tasks.TaskValidationException;
import org.duban.service.vocabulary.VocabularyService;
import org.duban.ui.common.DialogService;
import org.duban.ui.common.TaskRunner;

/**
 * State of the task checklist: the meeting shown, its rows, the filters and the count line. Loading and
 * saving run through the {@link TaskRunner}; the view only binds.
 */
public final class TaskListViewModel {
    private final TaskService tasks;
    private final MeetingService meetingService;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final ObservableList<Meeting> meetings = FXCollections.observableArrayList();
    private final ObjectProperty<Meeting> meeting = new SimpleObjectProperty<>();
    private final ObservableList<Unit> units = FXCollections.observableArrayList();
    private final ObservableList<ChecklistRow> rows = FXCollections.observableArrayList();
    private final FilteredList<ChecklistRow> visibleRows = new FilteredList<>(rows);
    private final ObservableList<String> sources = FXCollections.observableArrayList();
    private List<Term> sourceTerms = List.of();
    private List<Term> categoryTerms = List.of();
    private final ObservableList<String> categories = FXCollections.observableArrayList();
    private final ObjectProperty<Unit> unitFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<TaskStatus> statusFilter = new SimpleObjectProperty<>();
    private final StringProperty sourceFilter = new SimpleStringProperty();
    private final StringProperty categoryFilter = new SimpleStringProperty();
    private final StringProperty searchText = new SimpleStringProperty("");
    private final ObjectProperty<WarningLight> lightFilter = new SimpleObjectProperty<>();
    private final BooleanProperty supervisedOnly = new SimpleBooleanProperty(false);
    private final BooleanProperty loading = new SimpleBooleanProperty(false);
    /** False until the first load has finished (or failed): till then an empty list means "not read yet". */
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final StringBinding countText;
    /** True while {@link #load} sets the meeting whose rows it has already read. */
    private boolean settingMeeting;

    public TaskListViewModel(TaskService tasks, MeetingService meetings, TaskRunner runner, DialogService dialogs) {
        this.tasks = tasks;
        this.meetingService = meetings;
        this.runner = runner;
        this.dialogs = dialogs;
        Observable[] filters = {unitFilter, statusFilter, sourceFilter, categoryFilter, searchText, lightFilter,
            supervisedOnly};
        for (Observable o : filters) {
            o.addListener(x -> applyFilter());
        }
        countText = Bindings.createStringBinding(
                () -> Messages.tr("tasks.count", visibleRows.size(), rows.size()), visibleRows, rows);
        meeting.addListener((obs, o, n) -> {
            if (n != null && (o == null || n.id() != o.id()) && !settingMeeting) {
                reloadRows(null);
            }
        });
    }

    /**
     * Reads meetings, roster and the shown (else the current) meeting's rows in the background, in one piece of
     * work: the rows are read while the window is still being built, not after a first round trip.
     */
    public void load() {
        load(null);
    }

    /**
     * Reads everything again because another seat (or command) changed the ledger: the meetings, the roster and the
     * shown meeting's rows; the meeting and the filters stay, {@code then} runs after (the view selects again the
     * task that was selected). While a load is under way (it may have read before the other seat's change), the
     * refresh follows it.
     */
    public void refresh(Runnable then) {
        if (!loaded.get()) {
            return; // the first load is still to come, and reads the newest
        }
        if (loading.get()) {
            refreshAfterLoad = then == null ? () -> { } : then;
            return;
        }
        load(then);
    }

    /** A refresh asked for while a load was under way: runs when it is over. */
    private Runnable refreshAfterLoad;

    private void refreshIfAsked() {
        Runnable then = refreshAfterLoad;
        refreshAfterLoad = null;
        if (then != null) {
            load(then);
        }
    }

    private void load(Runnable then) {
        loading.set(true);
        Meeting shown = meeting.get();
        runner.run(() -> {
            List<Meeting> all = meetingService.all();
            Meeting current = meetingService.current().orElse(null);
            Meeting target = shown == null ? current
                    : all.stream().filter(m -> m.id() == shown.id()).findFirst().orElse(current);
            return new Snapshot(all, tasks.units(), target, target == null ? List.of() : tasks.checklist(target.id()),
                    tasks.vocabulary(Term.Kind.SOURCE), tasks.vocabulary(Term.Kind.CATEGORY));
        }, snap -> {
            units.setAll(snap.units());
            sourceTerms = snap.sources();
            categoryTerms = snap.categories();
            meetings.setAll(snap.meetings());
            settingMeeting = true; // its rows came with it
            try {
                meeting.set(snap.target());
            } finally {
                settingMeeting = false;
            }
            if (snap.target() == null) {
                rows.clear();
                loading.set(false);
            } else {
                showRows(snap.target(), snap.rows(), then);
            }
            loaded.set(true);
        }, this::failed);
    }

    private record Snapshot(List<Meeting> meetings, List<Unit> units, Meeting target, List<ChecklistRow> rows,
                            List<Term> sources, List<Term> categories) {
    }

    /** Reloads the rows of the current meeting; {@code then} runs after (on the FX thread). */
    public void reloadRows(Runnable then) {
        Meeting m = meeting.get();
        if (m == null) {
            rows.clear();
            return;
        }
        loading.set(true);
        runner.run(() -> tasks.checklist(m.id()), list -> showRows(m, list, then), this::failed);
    }

    private void showRows(Meeting m, List<ChecklistRow> list, Runnable then) {
        if (meeting.get() == null || meeting.get().id() != m.id()) {
            return; // the user chose another meeting meanwhile
        }
        if (!list.equals(rows)) { // a refresh that finds nothing new leaves the table (and its scrolling) alone
            rows.setAll(list);
        }
        // in the office's order (Settings → 来源和类别); a name it does not have yet comes last
        sources.setAll(VocabularyService.sorted(distinct(list, r -> r.task().source()), x -> x, sourceTerms));
        categories.setAll(VocabularyService.sorted(distinct(list, r -> r.task().category()), x -> x, categoryTerms));
        loading.set(false);
        if (then != null) {
            then.run();
        }
        refreshIfAsked();
    }

    private static List<String> distinct(List<ChecklistRow> list, java.util.function.Function<ChecklistRow, String> f) {
        // first-seen order: sources come in the order the list was issued
        java.util.LinkedHashSet<String> seen = new java.util.LinkedHashSet<>();
        for (ChecklistRow r : list) {
            String s = f.apply(r);
            if (s != null) {
                seen.add(s);
            }
        }
        seen.removeIf(String::isBlank); // a few names to look at, not 10,000
        return new java.util.ArrayList<>(seen);
    }

    private void applyFilter() {
        Unit u = unitFilter.get();
        visibleRows.setPredicate(new ChecklistFilter(u == null ? null : u.id(), statusFilter.get(),
                sourceFilter.get(), categoryFilter.get(), searchText.get(), lightFilter.get(), supervisedOnly.get()));
    }

    private void failed(Throwable e) {
        loading.set(false);
        loaded.set(true);
        dialogs.showError(Messages.tr("error.title"), DialogService.messageOf(e), e);
    }

    /** A form for a new task, starting from the next 序号 and the source of the last task. */
    public Optional<TaskFormViewModel> newTaskForm() {
        Meeting m = meeting.get();
        if (m == null) {
            return Optional.empty();
        }
        int next = rows.stream().mapToInt(r -> r.task().seq()).max().orElse(0) + 1;
        String source = rows.isEmpty() ? "" : rows.get(rows.size() - 1).task().source();
        TaskInput start = new TaskInput(String.valueOf(next), source, "", "", "", "", "", "", "", "", "");
        return Optional.of(new TaskFormViewModel(m, 0, start, units, seqsExcept(0)));
    }

    /** A form to edit the row's task. */
    public TaskFormViewModel editForm(ChecklistRow row) {
        return new TaskFormViewModel(meeting.get(), row.task().id(), TaskService.toInput(row.task(), row.units(),
                units.stream().filter(u -> u.id() == row.task().leadUnitId()).map(Unit::name).findFirst().orElse("")),
                row.task().version(), units, seqsExcept(row.task().id()));
    }

    private Set<Integer> seqsExcept(long taskId) {
        return rows.stream().filter(r -> r.task().id() != taskId).map(r -> r.task().seq())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Saves the form in the background. A unit taken off keeps its share and its records, withdrawn (shown greyed in
     * the task's detail, where it can be restored), so there is nothing to ask. On success the list reloads and
     * {@code onSaved} gets the task id; validation errors found while saving go back to the form's fields; other
     * errors are shown.
     */
    public void save(TaskFormViewModel form, Consumer<Long> onSaved) {
        if (!form.submit()) {
            return;
        }
        form.savingProperty().set(true);
        long meetingId = form.meeting().id();
        runner.run(() -> form.isNew() ? tasks.create(meetingId, form.input())
                        : tasks.update(form.taskId(), form.input(), form.version()),
                saved -> {
                    form.savingProperty().set(false);
                    reloadRows(() -> onSaved.accept(saved.id()));
                },
                e -> saveFailed(form, e));
    }

    private void saveFailed(TaskFormViewModel form, Throwable e) {
        form.savingProperty().set(false);
        if (e instanceof TaskValidationException v) {
            form.showErrors(v.errors());
        } else if (e instanceof EditConflictException conflict) {
            // another seat saved the task first: the form stays open with the newest values and the user's own
            // changes listed; the checklist shows the newest values too
            String message = conflict.getLocalizedMessage();
            runner.run(() -> tasks.forEditing(form.taskId()), newest -> newest.ifPresentOrElse(
                    n -> form.conflict(message, n.input(), n.version()),
                    () -> failed(new org.duban.i18n.LocalizedException("task.error.gone", form.input().seq()))),
                    this::failed);
            reloadRows(null);
        } else {
            failed(e);
        }
    }

    /** Where the checklist's questions go (a form asking before it throws typed text away). */
    public DialogService dialogs() {
        return dialogs;
    }

    /** Asks, then deletes the row's task. */
    public void delete(ChecklistRow row) {
        boolean ok = dialogs.confirmDestructive(Messages.tr("tasks.delete.title"),
                Messages.tr("tasks.delete.message", row.task().seq(), abbreviate(row.task().problem(), 40)),
                Messages.tr("tasks.delete.ok"));
        if (!ok) {
            return;
        }
        runner.run(() -> tasks.delete(row.task().id()), done -> reloadRows(null), this::failed);
    }

    /** Creates an assignment meeting dated today when there is none yet (asked first). */
    public void createFirstMeeting(Runnable then) {
        boolean ok = dialogs.confirm(Messages.tr("tasks.noMeeting.title"), Messages.tr("tasks.noMeeting.message"),
                Messages.tr("tasks.noMeeting.ok"));
        if (!ok) {
            return;
        }
        Meeting draft = new Meeting(0, MeetingKind.ASSIGNMENT, meetingService.today(),
                Messages.tr("tasks.noMeeting.defaultTitle"), "");
        runner.run(() -> meetingService.create(draft), created -> {
            meetings.add(0, created);
            meeting.set(created);
            then.run();
        }, this::failed);
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }

    public void clearFilters() {
        unitFilter.set(null);
        statusFilter.set(null);
        sourceFilter.set(null);
        categoryFilter.set(null);
        searchText.set("");
        lightFilter.set(null);
        supervisedOnly.set(false);
    }

    /**
     * Shows only the tasks of {@code unit} of {@code meeting} (and, when {@code light} is not null, those where the
     * unit's own share has that light), as another screen asks (a click on a unit's bar). Other filters are cleared. While the roster is still loading, the
     * filter waits for it, since the unit picker can only show a unit it lists.
     */
    public void showUnit(Meeting shownMeeting, Unit unit, WarningLight light) {
        Runnable apply = () -> {
            clearFilters();
            if (shownMeeting != null && (meeting.get() == null || meeting.get().id() != shownMeeting.id())) {
                meeting.set(shownMeeting);
            }
            unitFilter.set(unit == null ? null : units.stream().filter(u -> u.id() == unit.id()).findFirst()
                    .orElse(unit));
            lightFilter.set(light);
        };
        if (!units.isEmpty()) {
            apply.run();
            return;
        }
        units.addListener(new javafx.collections.ListChangeListener<Unit>() {
            @Override
            public void onChanged(Change<? extends Unit> c) {
                if (!units.isEmpty()) {
                    units.removeListener(this);
                    apply.run();
                }
            }
        });
    }

    /** The row of a task among those loaded, if any. */
    public Optional<ChecklistRow> row(long taskId) {
        return rows.stream().filter(r -> r.task().id() == taskId).findFirst();
    }

    public ObjectProperty<WarningLight> lightFilterProperty() {
        return lightFilter;
    }

    public BooleanProperty supervisedOnlyProperty() {
        return supervisedOnly;
    }

    public ObservableList<Meeting> meetings() {
        return meetings;
    }

    public ObjectProperty<Meeting> meetingProperty() {
        return meeting;
    }

    public ObservableList<Unit> units() {
        return units;
    }

    public ObservableList<ChecklistRow> rows() {
        return rows;
    }

    public FilteredList<ChecklistRow> visibleRows() {
        return visibleRows;
    }

    public ObservableList<String> sources() {
        return sources;
    }

    public ObservableList<String> categories() {
        return categories;
    }

    public ObjectProperty<Unit> unitFilterProperty() {
        return unitFilter;
    }

    public ObjectProperty<TaskStatus> statusFilterProperty() {
        return statusFilter;
    }

    public StringProperty sourceFilterProperty() {
        return sourceFilter;
    }

    public StringProperty categoryFilterProperty() {
        return categoryFilter;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    /** True once the first load has finished: before, the list is empty because it is still being read. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public StringBinding countTextProperty() {
        return countText;
    }
}
