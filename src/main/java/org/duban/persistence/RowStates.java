package org.duban.persistence;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duban.model.Assignment;
import org.duban.model.AuditEntity;
import org.duban.model.Supervision;
import org.duban.model.Task;

/**
 * The states of tracked rows just written ({@code audit_log.state}, see {@link TrackedTables}), made from the values
 * the write bound instead of reading each row back for its audit row: an import of 10,000 tasks read 37,000 rows back
 * for them, a quarter of its writing (issue 24). Each value is spelled as the engine gives it back as text, which is
 * what {@code check} digests: the tracked columns of these tables are INTEGER (its decimal digits) or TEXT (the
 * string as bound, dates as their ISO text) on both engines, SQL NULL stays null; a value of a column the insert does
 * not name is its default (NULL for all of these).
 *
 * <p>Only for a row's state right after the write named here, with nothing else writing it before the audit rows
 * are appended ({@link AuditRepository#appendAll(java.util.List, RowStates)}, which empties it). With assertions on
 * (the tests), {@link AuditChain} reads each such row back and fails when the two differ.
 */
public final class RowStates {
    private static final TrackedTables.Table TASK = TrackedTables.of(AuditEntity.TASK).orElseThrow();
    private static final TrackedTables.Table ASSIGNMENT = TrackedTables.of(AuditEntity.ASSIGNMENT).orElseThrow();
    private static final TrackedTables.Table SUPERVISION = TrackedTables.of(AuditEntity.SUPERVISION).orElseThrow();

    private final MessageDigest md = AuditChain.sha256();
    /** The column texts of each row written, by entity and id: digested when the audit rows are made. */
    private final Map<AuditEntity, Map<Long, String[]>> values = new java.util.EnumMap<>(AuditEntity.class);
    private final List<Supervision> supervisions = new ArrayList<>();

    /**
     * A task and its shares as {@link TaskRepository#insertAll} stored them: {@code t} is what it returned (the ids
     * given, the values bound; no 交办日期 of its own, shares not withdrawn).
     */
    public void inserted(Task t) {
        put(TASK, t.id(), Long.toString(t.meetingId()), Integer.toString(t.seq()),
                t.source(), t.category(), t.problem(), t.target(), t.measures(), t.leader(), t.supportingUnits(),
                t.deadline().phrase(), t.deadline().dueDate().map(Object::toString).orElse(null),
                t.deadline().isOngoing() ? "1" : "0", t.remarks(), null,
                t.hasLeadUnit() ? Long.toString(t.leadUnitId()) : null);
        String taskId = Long.toString(t.id());
        for (Assignment a : t.assignments()) {
            put(ASSIGNMENT, a.id(), taskId, Long.toString(a.unitId()), null);
        }
    }

    /** A supervision as {@link SupervisionRepository#put} stored it. */
    public void put(Supervision s) {
        put(SUPERVISION, s.taskId(), s.leader(), s.since().toString(), s.cycle().name(), s.note());
    }

    private void put(TrackedTables.Table t, long id, String... columns) {
        if (columns.length != t.columns().size()) {
            throw new IllegalStateException(t.table() + " tracks " + t.columns() + ", given " + columns.length);
        }
        values.computeIfAbsent(t.entity(), k -> new HashMap<>()).put(id, columns);
    }

    /**
     * A supervision of a task the change has just created, to be inserted with the others right before the audit rows
     * are written ({@link AuditRepository#appendAll(java.util.List, RowStates)}, in one statement,
     * {@link SupervisionRepository#insertNew}): its state is known from these values as for {@link #put}. Nothing
     * in the change may read the task's supervision before then.
     */
    public void insertLater(Supervision s) {
        put(s);
        supervisions.add(s);
    }

    /** The supervisions {@link #insertLater} kept, handed over once. */
    List<Supervision> takeInserts() {
        List<Supervision> list = List.copyOf(supervisions);
        supervisions.clear();
        return list;
    }

    /** Whether the values of row {@code id} of {@code entity}'s table as written are held here. */
    boolean knows(AuditEntity entity, long id) {
        Map<Long, String[]> of = values.get(entity);
        return of != null && of.containsKey(id);
    }

    /** The state of row {@code id} of {@code entity}'s table as written, or null when it is not known here. */
    String state(AuditEntity entity, long id) {
        return state(entity, id, md);
    }

    /**
     * {@link #state(AuditEntity, long)} digested with {@code digest}: a thread of its own may make the states while
     * nothing is added here (each thread with its own digest).
     */
    String state(AuditEntity entity, long id, MessageDigest digest) {
        Map<Long, String[]> of = values.get(entity);
        String[] columns = of == null ? null : of.get(id);
        return columns == null ? null
                : AuditChain.stateDigest(digest, TrackedTables.of(entity).orElseThrow(), columns);
    }

    /** Forgets every state (once the audit rows that used them are written). */
    void clear() {
        values.clear();
        supervisions.clear();
    }

    /** Whether no state is held. */
    public boolean isEmpty() {
        return values.isEmpty() && supervisions.isEmpty();
    }
}
