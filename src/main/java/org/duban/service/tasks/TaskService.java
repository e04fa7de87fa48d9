package org.duban.service.tasks;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.duban.i18n.LocalizedException;
import org.duban.model.Assignment;
import org.duban.model.Task;
import org.duban.model.Unit;
import org.duban.persistence.AssignmentRecords;
import org.duban.persistence.Database;
import org.duban.persistence.TaskRepository;
import org.duban.persistence.TaskScope;
import org.duban.persistence.UnitRepository;
import org.duban.service.audit.AuditLog;
import org.duban.service.audit.TaskAudit;
import org.duban.service.tracking.TaskTracking;
import org.duban.service.tracking.TrackingService;
import org.duban.service.units.UnitResolver;

/**
 * Use cases of the checklist: list, create, edit and delete tasks. Every change is saved at once, with its
 * audit rows in the same transaction. Checklist rows carry where each task stands today (status, light).
 */
public final class TaskService {
    private final Database db;
    private final TaskAudit taskAudit;
    private final TaskRepository tasks;
    private final UnitRepository units;
    private final AssignmentRecords records;
    private final TrackingService tracking;

    /** With the computer's clock. */
    public TaskService(Database db) {
        this(new AuditLog(db, Clock.systemDefaultZone()));
    }

    public TaskService(AuditLog audit) {
        this.db = audit.database();
        this.taskAudit = new TaskAudit(audit);
        this.tasks = new TaskRepository(db);
        this.units = new UnitRepository(db);
        this.records = new AssignmentRecords(db);
        this.tracking = new TrackingService(audit);
    }

    /** The roster, for pickers and filters. */
    public List<Unit> units() {
        return units.findAll();
    }

    public UnitResolver unitResolver() {
        return new UnitResolver(units.findAll());
    }

    /** The checklist rows of one meeting in 序号 order, each with where its task stands today. */
    public List<ChecklistRow> checklist(long meetingId) {
        List<TaskTracking> tracked = tracking.trackForChecklist(TaskScope.meeting(meetingId), tracking.today());
        Map<Long, Unit> byId = unitsById();
        return tracked.stream()
                .map(t -> ChecklistRow.of(t, t.task().unitIds().stream().map(byId::get).toList()))
                .toList();
    }

    private Map<Long, Unit> unitsById() {
        return units.findAll().stream().collect(Collectors.toMap(Unit::id, Function.identity()));
    }

    /** Turns tasks into checklist rows with their units resolved (one roster read for all). */
    public List<ChecklistRow> toRows(List<Task> list) {
        Map<Long, Unit> byId = unitsById();
        return list.stream()
                .map(t -> ChecklistRow.of(t, t.unitIds().stream().map(byId::get).toList()))
                .toList();
    }

    public int nextSeq(long meetingId) {
        return tasks.nextSeq(meetingId);
    }

    /** Checks an input without saving it. */
    public TaskValidator.Result validate(TaskInput input, long meetingId, long taskId) {
        return new TaskValidator(unitResolver())
                .validate(input, meetingId, taskId, seq -> tasks.seqTaken(meetingId, seq, taskId));
    }

    /**
     * Saves a new task of the meeting.
     *
     * @throws TaskValidationException naming each field that is wrong; nothing is written then
     */
    public Task create(long meetingId, TaskInput input) {
        return db.write(c -> {
            TaskValidator.Result r = validate(input, meetingId, 0);
            if (!r.ok()) {
                throw new TaskValidationException(r.errors());
            }
            Task created = tasks.insert(r.task());
            taskAudit.created(created);
            return created;
        });
    }

    /**
     * Saves changes to a task; assignments of units that stay keep their progress, and a unit taken off loses its
     * share with every record of it (the audit trail notes the share's deletion). For callers that have already
     * shown what goes (an import's preview); the form asks first and saves through
     * {@link #update(long, TaskInput, Set)}.
     */
    public Task update(long taskId, TaskInput input) {
        return update(taskId, input, null);
    }

    /**
     * Saves changes to a task, taking off only those units with tracking records that the user agreed to lose
     * ({@link #losses}).
     *
     * @param confirmedUnitIds units the user agreed to take off with their records; null: any
     * @throws LocalizedException {@code task.error.lossNotConfirmed} when a unit taken off holds records and is not
     *                            among them (records added since the question); nothing is written then
     */
    public Task update(long taskId, TaskInput input, Set<Long> confirmedUnitIds) {
        return db.write(c -> {
            Task old = tasks.findById(taskId).orElseThrow(
                    () -> new org.duban.persistence.PersistenceException("task.error.gone", input.seq()));
            TaskValidator.Result r = validate(input, old.meetingId(), taskId);
            if (!r.ok()) {
                throw new TaskValidationException(r.errors());
            }
            if (confirmedUnitIds != null) {
                List<String> unasked = losses(old, r.task()).stream()
                        .filter(l -> !confirmedUnitIds.contains(l.unit().id())).map(l -> l.unit().name()).toList();
                if (!unasked.isEmpty()) {
                    throw new LocalizedException("task.error.lossNotConfirmed", String.join("、", unasked));
                }
            }
            Task updated = tasks.update(r.task());
            taskAudit.updated(old, updated);
            return updated;
        });
    }

    /**
     * The units that saving {@code input} would take off the task and whose shares hold tracking records, with what
     * each would lose, in the order of the task's units. Empty when there are none, and when the input cannot be
     * saved anyway (its errors come first).
     */
    public List<UnitLoss> losses(long taskId, TaskInput input) {
        Task old = tasks.findById(taskId).orElse(null);
        if (old == null) {
            return List.of();
        }
        TaskValidator.Result r = validate(input, old.meetingId(), taskId);
        return r.ok() ? losses(old, r.task()) : List.of();
    }

    private List<UnitLoss> losses(Task old, Task now) {
        Set<Long> kept = new HashSet<>(now.unitIds());
        List<Assignment> dropped = old.assignments().stream().filter(a -> !kept.contains(a.unitId())).toList();
        if (dropped.isEmpty()) {
            return List.of();
        }
        Map<Long, AssignmentRecords.Counts> counts = records.ofTask(old.id());
        Map<Long, Unit> byId = unitsById();
        List<UnitLoss> list = new ArrayList<>();
        for (Assignment a : dropped) {
            AssignmentRecords.Counts n = counts.getOrDefault(a.id(), AssignmentRecords.Counts.NONE);
            Unit unit = byId.get(a.unitId());
            if (!n.isEmpty() && unit != null) {
                list.add(new UnitLoss(unit, n.reports(), n.milestones(), n.closeOuts(), n.evidence()));
            }
        }
        return list;
    }

    /** Deletes a task with its assignments and their records; the audit trail keeps what it was. */
    public boolean delete(long taskId) {
        return db.write(c -> {
            var old = tasks.findById(taskId);
            boolean deleted = tasks.delete(taskId);
            if (deleted && old.isPresent()) {
                taskAudit.deleted(old.get());
            }
            return deleted;
        });
    }

    /** The text form of a stored task, as the edit form starts from. */
    public static TaskInput toInput(Task task, List<Unit> taskUnits) {
        return new TaskInput(String.valueOf(task.seq()), task.source(), task.category(), task.problem(),
                task.target(), task.measures(), taskUnits.stream().map(Unit::name).collect(Collectors.joining("、")),
                task.supportingUnits(), task.leader(), task.deadline().phrase(), task.remarks());
    }
}
