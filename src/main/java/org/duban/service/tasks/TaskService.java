package org.duban.service.tasks;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.duban.i18n.LocalizedException;
import org.duban.i18n.Messages;
import org.duban.model.AuditEntity;
import org.duban.model.Task;
import org.duban.model.Term;
import org.duban.model.Unit;
import org.duban.model.WithdrawnShare;
import org.duban.persistence.Repositories;
import org.duban.persistence.StaleRowException;
import org.duban.persistence.TaskRepository;
import org.duban.persistence.TaskScope;
import org.duban.persistence.UnitOfWork;
import org.duban.persistence.UnitRepository;
import org.duban.service.audit.AuditLog;
import org.duban.service.audit.EditConflictException;
import org.duban.service.audit.TaskAudit;
import org.duban.service.tracking.TaskTracking;
import org.duban.service.tracking.TrackingService;
import org.duban.service.units.UnitResolver;
import org.duban.service.vocabulary.VocabularyService;

/**
 * Use cases of the checklist: list, create, edit and delete tasks. Every change is saved at once, with its
 * audit rows in the same transaction. Checklist rows carry where each task stands today (status, light).
 */
public final class TaskService {
    private final UnitOfWork uow;
    private final AuditLog audit;
    private final TaskAudit taskAudit;
    private final TaskRepository tasks;
    private final UnitRepository units;
    private final TrackingService tracking;
    private final VocabularyService vocabulary;

    public TaskService(Repositories repos, UnitOfWork uow, AuditLog audit, TrackingService tracking,
                       VocabularyService vocabulary) {
        this.uow = uow;
        this.audit = audit;
        this.taskAudit = new TaskAudit(audit, repos.units());
        this.tasks = repos.tasks();
        this.units = repos.units();
        this.tracking = tracking;
        this.vocabulary = vocabulary;
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
        List<ChecklistRow> rows = new java.util.ArrayList<>(tracked.size());
        for (TaskTracking t : tracked) {
            List<org.duban.model.Assignment> shares = t.task().assignments();
            Unit[] units = new Unit[shares.size()];
            for (int i = 0; i < units.length; i++) {
                units[i] = byId.get(shares.get(i).unitId());
            }
            rows.add(ChecklistRow.of(t, List.of(units), byId.get(t.task().leadUnitId())));
        }
        return List.copyOf(rows);
    }

    private Map<Long, Unit> unitsById() {
        return units.findAll().stream().collect(Collectors.toMap(Unit::id, Function.identity()));
    }

    /** Turns tasks into checklist rows with their units resolved (one roster read for all). */
    public List<ChecklistRow> toRows(List<Task> list) {
        Map<Long, Unit> byId = unitsById();
        return list.stream()
                .map(t -> ChecklistRow.of(t, t.unitIds().stream().map(byId::get).toList(), byId.get(t.leadUnitId())))
                .toList();
    }

    public int nextSeq(long meetingId) {
        return tasks.nextSeq(meetingId);
    }

    /** Checks an input without saving it. */
    public TaskValidator.Result validate(TaskInput input, long meetingId, long taskId) {
        java.util.Set<Long> held = new java.util.HashSet<>();
        if (taskId != 0) {
            tasks.findById(taskId).ifPresent(t -> held.addAll(t.unitIds()));
            tasks.withdrawn(TaskScope.task(taskId)).forEach(w -> held.add(w.unitId()));
        }
        return new TaskValidator(unitResolver())
                .validate(input, meetingId, taskId, seq -> tasks.seqTaken(meetingId, seq, taskId), held);
    }

    /**
     * Saves a new task of the meeting.
     *
     * @throws TaskValidationException naming each field that is wrong; nothing is written then
     */
    public Task create(long meetingId, TaskInput input) {
        return uow.inTransaction(() -> {
            TaskValidator.Result r = validate(input, meetingId, 0);
            if (!r.ok()) {
                throw new TaskValidationException(r.errors());
            }
            Task created = tasks.insert(r.task());
            taskAudit.created(created);
            names(created);
            return created;
        });
    }

    /**
     * Saves changes to a task as it is stored now (for callers that hold no reading of it: scripts, tests); a form
     * saves with {@link #update(long, TaskInput, long)}.
     *
     * @throws TaskValidationException naming each field that is wrong; nothing is written then
     */
    public Task update(long taskId, TaskInput input) {
        return uow.inTransaction(() -> update(taskId, input, tasks.version(taskId).orElse(0)));
    }

    /**
     * Saves changes to a task made from its reading at version {@code seenVersion} ({@link Task#version()}, what
     * {@link #forEditing} gave the form). Shares of units that stay keep their progress; a unit taken off keeps its
     * share and every record of it, withdrawn (已撤出) from today and left out of the figures; a unit put back gets its
     * withdrawn share again. Nothing is deleted, so nothing needs asking.
     *
     * @throws EditConflictException when another seat changed the task since that reading: it names who and when,
     *                               and nothing is written (the form loads the newest values, {@link #forEditing})
     * @throws TaskValidationException naming each field that is wrong; nothing is written then
     */
    public Task update(long taskId, TaskInput input, long seenVersion) {
        return uow.inTransaction(() -> {
            Task old = tasks.findById(taskId).orElseThrow(
                    () -> new org.duban.persistence.PersistenceException("task.error.gone", input.seq()));
            try {
                if (old.version() != seenVersion) {
                    throw new StaleRowException(AuditEntity.TASK, taskId); // changed before this transaction
                }
                TaskValidator.Result r = validate(input, old.meetingId(), taskId);
                if (!r.ok()) {
                    throw new TaskValidationException(r.errors());
                }
                // the UPDATE names the version too: a seat that changed the task meanwhile wins, this one is told
                TaskRepository.Saved saved = tasks.update(r.task().withVersion(seenVersion), tracking.today(), null);
                taskAudit.updated(old, saved, null);
                names(saved.task());
                return saved.task();
            } catch (StaleRowException e) {
                throw audit.conflict(e, Messages.tr("edit.what.task", String.valueOf(old.seq())), "edit.next.form");
            }
        });
    }

    /** A stored task as its edit form starts from, with the version it was read at. */
    public record Editing(TaskInput input, long version) {
    }

    /** The task as stored now, for its edit form (after a refused save: the newest values); empty when it is gone. */
    public java.util.Optional<Editing> forEditing(long taskId) {
        return tasks.findById(taskId).map(t -> {
            Map<Long, Unit> byId = unitsById();
            Unit lead = byId.get(t.leadUnitId());
            return new Editing(toInput(t, t.unitIds().stream().map(byId::get).toList(),
                    lead == null ? "" : lead.name()), t.version());
        });
    }

    /** A source or category typed in the form joins the office's vocabulary (the form offers the known ones). */
    private void names(Task t) {
        vocabulary.ensure(Term.Kind.SOURCE, t.source());
        vocabulary.ensure(Term.Kind.CATEGORY, t.category());
    }

    /** The office's sources or categories in its order (for the form's choices and the checklist's filters). */
    public List<Term> vocabulary(Term.Kind kind) {
        return vocabulary.terms(kind);
    }

    /** The withdrawn shares of a task (已撤出), in the order they were made. */
    public List<WithdrawnShare> withdrawnShares(long taskId) {
        return tasks.withdrawn(TaskScope.task(taskId));
    }

    /**
     * Makes a withdrawn share active again, with all its records (audited). A retired unit's share stays withdrawn:
     * the unit is to be taken back into the roster first.
     *
     * @throws LocalizedException when the share is not withdrawn, or its unit is retired
     */
    public void restoreShare(long assignmentId) {
        uow.inTransaction(() -> {
            WithdrawnShare w = tasks.withdrawn(TaskScope.assignment(assignmentId)).stream()
                    .filter(x -> x.assignment().id() == assignmentId).findFirst()
                    .orElseThrow(() -> new LocalizedException("task.error.notWithdrawn"));
            Unit unit = unitsById().get(w.unitId());
            if (unit != null && unit.retired()) {
                throw new LocalizedException("task.error.restoreRetired", unit.name());
            }
            tasks.setWithdrawn(assignmentId, null, null);
            taskAudit.restored(w);
            return null;
        });
    }

    /** Deletes a task with its assignments and their records; the audit trail keeps what it was. */
    public boolean delete(long taskId) {
        return uow.inTransaction(() -> {
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
        return toInput(task, taskUnits, "");
    }

    /** The text form of a stored task with the name of its lead unit (牵头单位), kept when the form saves it. */
    public static TaskInput toInput(Task task, List<Unit> taskUnits, String leadUnitName) {
        return new TaskInput(String.valueOf(task.seq()), task.source(), task.category(), task.problem(),
                task.target(), task.measures(), taskUnits.stream().map(Unit::name).collect(Collectors.joining("、")),
                task.supportingUnits(), task.leader(), task.deadline().phrase(), task.remarks(), leadUnitName);
    }
}
