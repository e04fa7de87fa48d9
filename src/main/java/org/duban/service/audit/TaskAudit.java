package org.duban.service.audit;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.duban.model.Assignment;
import org.duban.model.AuditEntity;
import org.duban.model.Task;
import org.duban.model.Unit;
import org.duban.model.WithdrawnShare;
import org.duban.persistence.TaskRepository;
import org.duban.persistence.UnitRepository;

/**
 * The audit rows of a task's own changes, shared by every path that writes tasks (the form, imports): a new task
 * and its units, each changed field with old and new value, units added or taken off, a deleted task.
 */
public final class TaskAudit {
    private final AuditLog audit;
    private final UnitRepository units;
    /** The roster, when it was read once for many tasks; null: read it per call. */
    private final Map<Long, Unit> roster;

    public TaskAudit(AuditLog audit, UnitRepository units) {
        this.audit = audit;
        this.units = units;
        this.roster = null;
    }

    private TaskAudit(AuditLog audit, UnitRepository units, Map<Long, Unit> roster) {
        this.audit = audit;
        this.units = units;
        this.roster = Map.copyOf(roster);
    }

    /**
     * For one import of many tasks: the operator and the roster are read once, not once per audit row and once per
     * task (a 10,000-row import wrote some 37,000 audit rows, each asking the settings for the operator's name), and
     * the rows are written in batches by {@link #flush}.
     */
    public TaskAudit forBatch() {
        return new TaskAudit(audit.buffered(), units, names());
    }

    /** The log this audit writes to (a {@link #forBatch} audit's keeps its rows until {@link #flush}). */
    public AuditLog log() {
        return audit;
    }

    /** Writes what a {@link #forBatch} audit has kept. */
    public void flush() {
        audit.flush();
    }

    /**
     * The rows of a task just stored by {@link TaskRepository#insertAll}, {@code t} being what it returned: those of
     * {@link #created}; a {@link #forBatch} audit takes the task's and its shares' states from {@code t} instead of
     * reading the rows back when it flushes.
     */
    public void inserted(Task t) {
        if (audit.written() != null) {
            audit.written().inserted(t);
        }
        created(t);
    }

    public void created(Task t) {
        audit.created(AuditEntity.TASK, t.id(), t.id(), null, summary(t));
        Map<Long, Unit> names = names();
        for (Assignment a : t.assignments()) {
            audit.created(AuditEntity.ASSIGNMENT, a.id(), t.id(), a.unitId(), name(names, a.unitId()));
        }
    }

    /**
     * Writes a row for each field that differs, and for each unit added, taken off (its share withdrawn, field
     * {@code withdrawnOn}, with {@code withdrawnBy} naming the import) or put back (the share restored).
     *
     * @param importId the import that saved the task, or null (the form)
     */
    public void updated(Task old, TaskRepository.Saved saved, Long importId) {
        Task now = saved.task();
        long id = now.id();
        audit.changed(AuditEntity.TASK, id, id, null, "seq", old.seq(), now.seq());
        audit.changed(AuditEntity.TASK, id, id, null, "source", old.source(), now.source());
        audit.changed(AuditEntity.TASK, id, id, null, "category", old.category(), now.category());
        audit.changed(AuditEntity.TASK, id, id, null, "problem", old.problem(), now.problem());
        audit.changed(AuditEntity.TASK, id, id, null, "target", old.target(), now.target());
        audit.changed(AuditEntity.TASK, id, id, null, "measures", old.measures(), now.measures());
        audit.changed(AuditEntity.TASK, id, id, null, "supportingUnits", old.supportingUnits(), now.supportingUnits());
        audit.changed(AuditEntity.TASK, id, id, null, "leader", old.leader(), now.leader());
        audit.changed(AuditEntity.TASK, id, id, null, "deadline", old.deadline().phrase(), now.deadline().phrase());
        audit.changed(AuditEntity.TASK, id, id, null, "remarks", old.remarks(), now.remarks());
        if (old.leadUnitId() != now.leadUnitId()) {
            Map<Long, Unit> units = names();
            audit.changed(AuditEntity.TASK, id, id, null, "leadUnit",
                    old.hasLeadUnit() ? name(units, old.leadUnitId()) : "", now.hasLeadUnit() ? name(units, now.leadUnitId()) : "");
        }
        for (Assignment a : saved.withdrawn()) {
            withdrawn(a, audit.today(), importId);
        }
        for (WithdrawnShare w : saved.restored()) {
            restored(w);
        }
        Map<Long, Unit> names = names();
        Set<Long> before = new HashSet<>(old.unitIds());
        Set<Long> back = new HashSet<>();
        saved.restored().forEach(w -> back.add(w.assignment().id()));
        for (Assignment a : now.assignments()) {
            if (!before.contains(a.unitId()) && !back.contains(a.id())) {
                audit.created(AuditEntity.ASSIGNMENT, a.id(), id, a.unitId(), name(names, a.unitId()));
            }
        }
    }

    /** A share withdrawn on {@code day}, by an import or (importId null) by hand. */
    public void withdrawn(Assignment a, java.time.LocalDate day, Long importId) {
        audit.changed(AuditEntity.ASSIGNMENT, a.id(), a.taskId(), a.unitId(), "withdrawnOn", null, day);
        if (importId != null) {
            audit.changed(AuditEntity.ASSIGNMENT, a.id(), a.taskId(), a.unitId(), "withdrawnBy", null, importId);
        }
    }

    /** A withdrawn share made active again, with its records. */
    public void restored(WithdrawnShare w) {
        Assignment a = w.assignment();
        audit.changed(AuditEntity.ASSIGNMENT, a.id(), a.taskId(), a.unitId(), "withdrawnOn", w.withdrawnOn(), null);
        if (w.importId() != null) {
            audit.changed(AuditEntity.ASSIGNMENT, a.id(), a.taskId(), a.unitId(), "withdrawnBy", w.importId(), null);
        }
    }

    public void deleted(Task old) {
        audit.deleted(AuditEntity.TASK, old.id(), old.id(), null, summary(old));
    }

    private static String summary(Task t) {
        return t.seq() + "：" + t.problem();
    }

    private Map<Long, Unit> names() {
        if (roster != null) {
            return roster;
        }
        return units.findAll().stream().collect(Collectors.toMap(Unit::id, Function.identity()));
    }

    private static String name(Map<Long, Unit> names, long unitId) {
        Unit u = names.get(unitId);
        return u == null ? String.valueOf(unitId) : u.name();
    }
}
