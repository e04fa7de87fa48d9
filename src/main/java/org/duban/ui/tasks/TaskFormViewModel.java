package org.duban.ui.tasks;

import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.duban.i18n.Messages;
import org.duban.model.Deadline;
import org.duban.model.Meeting;
import org.duban.model.Unit;
import org.duban.service.tasks.FieldError;
import org.duban.service.tasks.TaskField;
import org.duban.service.tasks.TaskInput;
import org.duban.service.tasks.TaskValidator;
import org.duban.service.units.UnitResolver;

/**
 * State of the add/edit form: one text property and one error property per field. Validation runs as the
 * user types (in memory: the roster and the meeting's 序号 were loaded with the checklist); an error shows
 * at a field once the field was edited or a save was tried.
 */
public final class TaskFormViewModel {
    private final Meeting meeting;
    private final long taskId;
    private final UnitResolver resolver;
    private final Set<Integer> takenSeqs;
    private final Map<TaskField, StringProperty> values = new EnumMap<>(TaskField.class);
    /** What the form started with: it is dirty when a field differs. */
    private final Map<TaskField, String> initial = new EnumMap<>(TaskField.class);
    private final Map<TaskField, ReadOnlyStringWrapper> errors = new EnumMap<>(TaskField.class);
    private final Set<TaskField> touched = EnumSet.noneOf(TaskField.class);
    private final ReadOnlyStringWrapper deadlineHint = new ReadOnlyStringWrapper("");
    private final BooleanProperty saving = new SimpleBooleanProperty(false);
    private boolean submitted;
    /** The stored task's version the form's values were read at: its save names it (0 for a new task). */
    private long version;
    /** Why the last save was refused because another seat changed the task first; empty when it was not. */
    private final ReadOnlyStringWrapper conflict = new ReadOnlyStringWrapper("");
    /** The user's own typing that the newest values replaced, one line a field; empty when there is none. */
    private final ReadOnlyStringWrapper mine = new ReadOnlyStringWrapper("");
    /** What the user had changed in each field when the save was refused, to put back on request. */
    private final Map<TaskField, String> typed = new EnumMap<>(TaskField.class);

    /**
     * @param takenSeqs the 序号 used by other tasks of the meeting
     */
    public TaskFormViewModel(Meeting meeting, long taskId, TaskInput start, List<Unit> units, Set<Integer> takenSeqs) {
        this(meeting, taskId, start, 0, units, takenSeqs);
    }

    /**
     * @param version   the stored task's version {@code start} was read at ({@code Task.version()})
     * @param takenSeqs the 序号 used by other tasks of the meeting
     */
    public TaskFormViewModel(Meeting meeting, long taskId, TaskInput start, long version, List<Unit> units,
                             Set<Integer> takenSeqs) {
        this.meeting = meeting;
        this.version = version;
        this.taskId = taskId;
        this.resolver = new UnitResolver(units);
        this.takenSeqs = Set.copyOf(takenSeqs);
        for (TaskField f : TaskField.values()) {
            StringProperty p = new SimpleStringProperty(start.get(f));
            values.put(f, p);
            initial.put(f, start.get(f) == null ? "" : start.get(f));
            errors.put(f, new ReadOnlyStringWrapper(""));
            p.addListener((obs, o, n) -> {
                touched.add(f);
                validate();
            });
        }
        validate();
    }

    /** True when a field differs from what the form started with (what Esc or 取消 would throw away). */
    public boolean isDirty() {
        for (TaskField f : TaskField.values()) {
            String now = values.get(f).get() == null ? "" : values.get(f).get();
            if (!now.strip().equals(initial.get(f).strip())) {
                return true;
            }
        }
        return false;
    }

    /** The stored task's version the form's values were read at, which its save names. */
    public long version() {
        return version;
    }

    /**
     * Another seat changed the task after the form read it, and the save was refused ({@code message} says who and
     * when). The form takes the newest values in ({@code newest}, at {@code newestVersion}), so that nothing the other
     * seat wrote is overwritten unseen, and keeps what the user had changed: listed under the message
     * ({@link #mineProperty}) and put back, over the newest values, by {@link #reapplyMine}. Only the fields the user
     * changed count; the other seat's changes of the other fields stay either way.
     */
    public void conflict(String message, TaskInput newest, long newestVersion) {
        typed.clear();
        StringBuilder lines = new StringBuilder();
        for (TaskField f : TaskField.values()) {
            String now = text(values.get(f).get());
            if (!now.strip().equals(initial.get(f).strip()) && !now.strip().equals(text(newest.get(f)).strip())) {
                typed.put(f, now);
                lines.append(lines.length() == 0 ? "" : "\n").append(Messages.tr(f.labelKey())).append("：")
                        .append(now.isBlank() ? Messages.tr("task.form.conflict.empty") : now.strip());
            }
        }
        version = newestVersion;
        for (TaskField f : TaskField.values()) {
            initial.put(f, text(newest.get(f)));
            values.get(f).set(text(newest.get(f)));
        }
        mine.set(lines.toString());
        conflict.set(message);
        validate();
    }

    /** Puts the user's own changes (those the newest values replaced) back into the form; a save then stores them. */
    public void reapplyMine() {
        typed.forEach((f, v) -> values.get(f).set(v));
        typed.clear();
        mine.set("");
    }

    /** Why the last save was refused (who changed the task, when, what to do); empty otherwise. */
    public ReadOnlyStringProperty conflictProperty() {
        return conflict.getReadOnlyProperty();
    }

    /** The user's own changes that the newest values replaced, one "field：value" line each; empty when none. */
    public ReadOnlyStringProperty mineProperty() {
        return mine.getReadOnlyProperty();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    public boolean isNew() {
        return taskId == 0;
    }

    public long taskId() {
        return taskId;
    }

    public Meeting meeting() {
        return meeting;
    }

    public List<Unit> units() {
        return resolver.units();
    }

    /**
     * The units the picker offers: those in service, and a retired one the task already names (so that it can be
     * taken off); a retired or merged unit is offered for no new task.
     */
    public List<Unit> pickable() {
        return resolver.units().stream().filter(u -> !u.retired() || hasUnit(u)).toList();
    }

    /**
     * The units the 牵头单位 choice offers: those in service, and the unit {@code current} names even if retired
     * (so that an edit shows the task's lead unit and can clear it).
     */
    public List<Unit> leadUnitChoices(String current) {
        List<Unit> named = current == null || current.isBlank() ? List.of() : resolver.resolveList(current).units();
        return resolver.units().stream().filter(u -> !u.retired() || named.contains(u)).toList();
    }

    public StringProperty field(TaskField f) {
        return values.get(f);
    }

    /** The error to show under a field; empty when none (or not yet shown). */
    public ReadOnlyStringProperty errorProperty(TaskField f) {
        return errors.get(f).getReadOnlyProperty();
    }

    /** What a readable deadline means, e.g. "截止 2026-06-30". */
    public ReadOnlyStringProperty deadlineHintProperty() {
        return deadlineHint.getReadOnlyProperty();
    }

    public BooleanProperty savingProperty() {
        return saving;
    }

    public TaskInput input() {
        Map<TaskField, String> m = new EnumMap<>(TaskField.class);
        values.forEach((f, p) -> m.put(f, p.get()));
        return TaskInput.of(m);
    }

    /** Marks every field as shown and validates; true when the task can be saved. */
    public boolean submit() {
        submitted = true;
        return validate();
    }

    /** Shows errors that came back from saving (e.g. a 序号 taken meanwhile). */
    public void showErrors(List<FieldError> list) {
        submitted = true;
        errors.values().forEach(e -> e.set(""));
        for (FieldError e : list) {
            errors.get(e.field()).set(e.message());
        }
    }

    /** Whether the unit named is selected in the units field. */
    public boolean hasUnit(Unit unit) {
        return resolver.resolveList(field(TaskField.UNITS).get()).units().contains(unit);
    }

    /** Adds or removes a unit in the units field, keeping roster order. */
    public void toggleUnit(Unit unit, boolean selected) {
        UnitResolver.Resolution r = resolver.resolveList(field(TaskField.UNITS).get());
        List<Unit> chosen = r.units().stream().filter(u -> !u.equals(unit) || selected).collect(Collectors.toList());
        if (selected && !chosen.contains(unit)) {
            chosen.add(unit);
        }
        List<String> names = resolver.units().stream().filter(chosen::contains).map(Unit::name)
                .collect(Collectors.toList());
        names.addAll(r.unknown()); // keep what the user typed that we could not read
        field(TaskField.UNITS).set(String.join("、", names));
    }

    private boolean validate() {
        TaskValidator.Result r = new TaskValidator(resolver).validate(input(), meeting.id(), taskId, takenSeqs::contains);
        for (TaskField f : TaskField.values()) {
            List<FieldError> fe = r.errorsFor(f);
            boolean show = submitted || touched.contains(f);
            errors.get(f).set(show && !fe.isEmpty() ? fe.get(0).message() : "");
        }
        updateDeadlineHint();
        return r.ok();
    }

    private void updateDeadlineHint() {
        String text = field(TaskField.DEADLINE).get();
        String hint = "";
        if (text != null && !text.isBlank()) {
            try {
                Deadline d = Deadline.parse(text);
                if (d.isOngoing()) {
                    hint = Messages.tr("task.form.deadlineHint.ongoing");
                } else if (d.dueDate().isPresent()) {
                    hint = Messages.tr("task.form.deadlineHint.date", d.dueDate().get().format(DateTimeFormatter.ISO_LOCAL_DATE));
                } else if (d.isImmediate()) {
                    hint = Messages.tr("task.form.deadlineHint.immediate");
                }
            } catch (IllegalArgumentException e) {
                hint = "";
            }
        }
        deadlineHint.set(hint);
    }
}
