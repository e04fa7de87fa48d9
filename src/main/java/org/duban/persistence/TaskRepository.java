package org.duban.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.duban.model.Assignment;
import org.duban.model.Deadline;
import org.duban.model.Task;
import org.duban.model.TaskStatus;
import org.duban.model.WithdrawnShare;

/** Tasks with their assignments: the aggregate is stored and read as a whole. */
public final class TaskRepository {
    private static final String COLUMNS = "t.id, t.meeting_id, t.seq, t.source, t.category, t.problem, t.target, "
            + "t.measures, t.leader, t.supporting_units, t.deadline, t.remarks, t.lead_unit_id";
    private final Database db;

    public TaskRepository(Database db) {
        this.db = db;
    }

    /** The tasks of one meeting in 序号 order. */
    public List<Task> findByMeeting(long meetingId) {
        return db.read(c -> query(c, "WHERE t.meeting_id = ?", meetingId));
    }

    /** Every task of every meeting. */
    public List<Task> findAll() {
        return db.read(c -> query(c, "", null));
    }

    /** The tasks in scope, by meeting and 序号. */
    public List<Task> find(TaskScope scope) {
        return db.read(c -> query(c, "WHERE " + scope.onTask("t.id"), scope.hasParameter() ? scope.id() : null));
    }

    /**
     * The tasks in scope for counting only (statistics): ids, 序号, source, deadline and assignments, with the long
     * texts (problem, target, measures ...) left empty, so that counting 10,000 tasks does not read and keep
     * megabytes of text it never shows.
     */
    public List<Task> findForCounting(TaskScope scope) {
        return db.read(c -> query(c, "WHERE " + scope.onTask("t.id"), scope.hasParameter() ? scope.id() : null,
                LEAN_COLUMNS));
    }

    /** One assignment (task × unit). */
    public Optional<Assignment> findAssignment(long assignmentId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, task_id, unit_id, status FROM assignment WHERE id = ?")) {
                ps.setLong(1, assignmentId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(mapAssignment(rs)) : Optional.empty();
                }
            }
        });
    }

    public Optional<Task> findById(long id) {
        return db.read(c -> query(c, "WHERE t.id = ?", id).stream().findFirst());
    }

    public int count() {
        return db.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM task")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    /** The next free 序号 in a meeting. */
    public int nextSeq(long meetingId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(seq), 0) + 1 FROM task WHERE meeting_id = ?")) {
                ps.setLong(1, meetingId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** Whether another task of the meeting already has this 序号. */
    public boolean seqTaken(long meetingId, int seq, long exceptTaskId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM task WHERE meeting_id = ? AND seq = ? AND id <> ?")) {
                ps.setLong(1, meetingId);
                ps.setInt(2, seq);
                ps.setLong(3, exceptTaskId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** Stores a new task and its assignments in one transaction. */
    public Task insert(Task task) {
        return insertAll(List.of(task)).get(0);
    }

    /**
     * Stores new tasks with their assignments in one transaction, in order, each statement prepared once (an
     * import of 10,000 tasks prepared 37,000 statements one by one).
     */
    public List<Task> insertAll(List<Task> list) {
        return db.write(c -> {
            List<Task> result = new ArrayList<>(list.size());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO task (meeting_id, seq, source, category, "
                    + "problem, target, measures, leader, supporting_units, deadline, due_date, ongoing, remarks, "
                    + "lead_unit_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement as = c.prepareStatement(
                         "INSERT INTO assignment (task_id, unit_id, status) VALUES (?, ?, ?)");
                 PreparedStatement lastId = Rows.prepareLastId(c)) {
                for (Task task : list) {
                    ps.setLong(1, task.meetingId());
                    int i = bindFields(ps, 2, task);
                    ps.setString(i++, task.remarks());
                    bindLeadUnit(ps, i, task);
                    long id = Rows.insert(ps, lastId);
                    List<Assignment> stored = new ArrayList<>();
                    for (Assignment a : task.assignments()) {
                        as.setLong(1, id);
                        as.setLong(2, a.unitId());
                        as.setString(3, a.status().name());
                        stored.add(new Assignment(Rows.insert(as, lastId), id, a.unitId(), a.status()));
                    }
                    result.add(task.withId(id, stored));
                }
            }
            return result;
        });
    }

    /**
     * What saving a changed task did to its shares.
     *
     * @param task      the task as saved, with its active shares
     * @param withdrawn the shares of units taken off (withdrawn, with every record kept)
     * @param restored  withdrawn shares of units put back on the task (active again, with their records)
     */
    public record Saved(Task task, List<Assignment> withdrawn, List<WithdrawnShare> restored) {
        public Saved {
            withdrawn = List.copyOf(withdrawn);
            restored = List.copyOf(restored);
        }
    }

    /**
     * Saves a changed task. Shares of units that stay keep their state; a unit taken off keeps its share and every
     * record of it, withdrawn on {@code day} (by the import {@code importId}, or null from the form); a unit put back
     * gets its withdrawn share again; a new unit gets a fresh share. Nothing is deleted.
     */
    public Saved update(Task task, java.time.LocalDate day, Long importId) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE task SET seq = ?, source = ?, category = ?, "
                    + "problem = ?, target = ?, measures = ?, leader = ?, supporting_units = ?, deadline = ?, "
                    + "due_date = ?, ongoing = ?, remarks = ?, lead_unit_id = ?, "
                    + "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?")) {
                int i = bindFields(ps, 1, task);
                ps.setString(i++, task.remarks());
                bindLeadUnit(ps, i++, task);
                ps.setLong(i, task.id());
                if (ps.executeUpdate() != 1) {
                    throw new PersistenceException("task.error.gone", task.seq());
                }
            }
            Map<Long, Assignment> active = new HashMap<>();
            Map<Long, WithdrawnShare> withdrawn = new HashMap<>();
            for (Assignment a : assignmentsOf(c, task.id(), false)) {
                active.put(a.unitId(), a);
            }
            for (WithdrawnShare w : withdrawn(TaskScope.task(task.id()))) {
                withdrawn.put(w.unitId(), w);
            }
            Set<Long> wanted = new HashSet<>(task.unitIds());
            List<Assignment> takenOff = new ArrayList<>();
            for (Assignment a : assignmentsOf(c, task.id(), false)) {
                if (!wanted.contains(a.unitId())) {
                    setWithdrawn(c, a.id(), day, importId);
                    takenOff.add(a);
                }
            }
            List<Assignment> stored = new ArrayList<>();
            List<WithdrawnShare> restored = new ArrayList<>();
            for (Assignment a : task.assignments()) {
                Assignment old = active.get(a.unitId());
                if (old == null && withdrawn.containsKey(a.unitId())) {
                    WithdrawnShare w = withdrawn.get(a.unitId());
                    old = w.assignment();
                    setWithdrawn(c, old.id(), null, null);
                    restored.add(w);
                }
                stored.add(old != null ? old : insertAssignment(c, task.id(), a));
            }
            return new Saved(task.withId(task.id(), stored), takenOff, restored);
        });
    }

    /** Withdraws one share on {@code day} (by an import, or null), or restores it when {@code day} is null. */
    public void setWithdrawn(long assignmentId, java.time.LocalDate day, Long importId) {
        db.write(c -> {
            setWithdrawn(c, assignmentId, day, importId);
            return null;
        });
    }

    private static void setWithdrawn(Connection c, long assignmentId, java.time.LocalDate day, Long importId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE assignment SET withdrawn_on = ?, withdrawn_by = ? WHERE id = ?")) {
            Rows.setDate(ps, 1, day);
            Rows.setLong(ps, 2, day == null ? null : importId);
            ps.setLong(3, assignmentId);
            if (ps.executeUpdate() != 1) {
                throw new PersistenceException("tracking.error.assignmentGone");
            }
        }
    }

    /** The withdrawn shares of the tasks in scope, by task and unit order of withdrawal. */
    public List<WithdrawnShare> withdrawn(TaskScope scope) {
        return db.read(c -> Rows.scoped(c, "SELECT a.id, a.task_id, a.unit_id, a.status, a.withdrawn_on, "
                        + "a.withdrawn_by, coalesce(r.file_name, '') FROM assignment a "
                        + "LEFT JOIN import_run r ON r.id = a.withdrawn_by",
                "a.withdrawn_on IS NOT NULL AND " + scope.onTask("a.task_id"), scope, "a.task_id, a.id",
                rs -> new WithdrawnShare(mapAssignment(rs), Rows.date(rs, 5), Rows.nullableLong(rs, 6),
                        rs.getString(7))));
    }

    /** Whether a share is withdrawn (false also when there is no such share). */
    public boolean isWithdrawn(long assignmentId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM assignment WHERE id = ? AND withdrawn_on IS NOT NULL")) {
                ps.setLong(1, assignmentId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /**
     * Deletes a task; its assignments (withdrawn ones too) and their records go with it. Only the explicit,
     * confirmed delete of a whole task comes here; the audit trail keeps what it was.
     */
    public boolean delete(long taskId) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM task WHERE id = ?")) {
                ps.setLong(1, taskId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Sets one assignment's status. */
    public void updateAssignmentStatus(long assignmentId, TaskStatus status) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE assignment SET status = ? WHERE id = ?")) {
                ps.setString(1, status.name());
                ps.setLong(2, assignmentId);
                return ps.executeUpdate();
            }
        });
    }

    /** The lead unit, NULL for none. */
    private static void bindLeadUnit(PreparedStatement ps, int i, Task t) throws SQLException {
        if (t.hasLeadUnit()) {
            ps.setLong(i, t.leadUnitId());
        } else {
            ps.setNull(i, Types.INTEGER);
        }
    }

    /** Binds seq, source, category, problem, target, measures, leader, supporting_units, deadline, due_date, ongoing. */
    static int bindFields(PreparedStatement ps, int start, Task t) throws SQLException {
        int i = start;
        ps.setInt(i++, t.seq());
        ps.setString(i++, t.source());
        ps.setString(i++, t.category());
        ps.setString(i++, t.problem());
        ps.setString(i++, t.target());
        ps.setString(i++, t.measures());
        ps.setString(i++, t.leader());
        ps.setString(i++, t.supportingUnits());
        ps.setString(i++, t.deadline().phrase());
        Optional<java.time.LocalDate> due = t.deadline().dueDate();
        if (due.isPresent()) {
            ps.setString(i++, due.get().toString());
        } else {
            ps.setNull(i++, Types.VARCHAR);
        }
        ps.setInt(i++, t.deadline().isOngoing() ? 1 : 0);
        return i;
    }

    private static Assignment insertAssignment(Connection c, long taskId, Assignment a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO assignment (task_id, unit_id, status) VALUES (?, ?, ?)")) {
            ps.setLong(1, taskId);
            ps.setLong(2, a.unitId());
            ps.setString(3, a.status().name());
            return new Assignment(Rows.insert(ps), taskId, a.unitId(), a.status());
        }
    }

    private static List<Assignment> assignmentsOf(Connection c, long taskId, boolean withdrawn) throws SQLException {
        List<Assignment> list = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, task_id, unit_id, status FROM assignment "
                + "WHERE task_id = ? AND withdrawn_on IS " + (withdrawn ? "NOT NULL" : "NULL") + " ORDER BY id")) {
            ps.setLong(1, taskId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(mapAssignment(rs));
                }
            }
        }
        return list;
    }

    private static Assignment mapAssignment(ResultSet rs) throws SQLException {
        return new Assignment(rs.getLong(1), rs.getLong(2), rs.getLong(3), TaskStatus.valueOf(rs.getString(4)));
    }

    private static final String LEAN_COLUMNS = "t.id, t.meeting_id, t.seq, t.source, '', '', '', '', '', '', "
            + "t.deadline, '', t.lead_unit_id";

    private static List<Task> query(Connection c, String where, Long param) throws SQLException {
        return query(c, where, param, COLUMNS);
    }

    /** Two queries whatever the number of tasks: the tasks, then all their assignments. */
    private static List<Task> query(Connection c, String where, Long param, String columns) throws SQLException {
        Map<Long, List<Assignment>> byTask = new HashMap<>();
        String active = (where.isEmpty() ? "WHERE " : where + " AND ") + "a.withdrawn_on IS NULL";
        try (PreparedStatement ps = c.prepareStatement("SELECT a.id, a.task_id, a.unit_id, a.status "
                + "FROM assignment a JOIN task t ON t.id = a.task_id " + active + " ORDER BY a.id")) {
            if (param != null) {
                ps.setLong(1, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Assignment a = mapAssignment(rs);
                    byTask.computeIfAbsent(a.taskId(), k -> new ArrayList<>()).add(a);
                }
            }
        }
        List<Task> tasks = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + columns + " FROM task t " + where + " ORDER BY t.meeting_id, t.seq")) {
            if (param != null) {
                ps.setLong(1, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    tasks.add(new Task(id, rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                            readDeadline(rs.getString(11)), rs.getString(12), byTask.getOrDefault(id, List.of()),
                            rs.getLong(13)));
                }
            }
        }
        return tasks;
    }

    /**
     * Phrases were checked when stored; one that no longer parses (a file edited by another tool) is kept as
     * written rather than hiding the task.
     */
    private static Deadline readDeadline(String phrase) {
        Deadline cached = DEADLINES.get(phrase);
        if (cached != null) {
            return cached;
        }
        Deadline d;
        try {
            d = Deadline.parse(phrase);
        } catch (IllegalArgumentException e) {
            d = Deadline.unreadable(phrase);
        }
        if (DEADLINES.size() > 4096) {
            DEADLINES.clear();
        }
        DEADLINES.put(phrase, d);
        return d;
    }

    /**
     * Phrases already read: a ledger of 10,000 tasks has a few hundred distinct deadline phrases, and reading one
     * takes a handful of regular expressions (Deadline is an immutable value, so sharing it is safe).
     */
    private static final Map<String, Deadline> DEADLINES = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The day each task in scope was issued: its own {@code issued_on} when set (a task made from an inspection
     * finding), else its meeting's day. 序时进度 and 立行立改 count from here.
     */
    public Map<Long, java.time.LocalDate> issuedDates(TaskScope scope) {
        return db.read(c -> {
            Map<Long, java.time.LocalDate> map = new HashMap<>();
            Rows.scoped(c, "SELECT t.id, coalesce(t.issued_on, m.held_on) FROM task t JOIN meeting m ON m.id = t.meeting_id",
                    scope.onTask("t.id"), scope, "t.id", rs -> map.put(rs.getLong(1), Rows.date(rs, 2)));
            return map;
        });
    }

    /** For each 举一反三 task in scope, the task it was found by analogy to. */
    public Map<Long, Long> origins(TaskScope scope) {
        return db.read(c -> {
            Map<Long, Long> map = new HashMap<>();
            Rows.scoped(c, "SELECT t.id, t.origin_task_id FROM task t", scope.onTask("t.id")
                    + " AND t.origin_task_id IS NOT NULL", scope, "t.id", rs -> map.put(rs.getLong(1), rs.getLong(2)));
            return map;
        });
    }

    /** Links a task to the task it was found by analogy to (null removes the link). */
    public void setOrigin(long taskId, Long originTaskId) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE task SET origin_task_id = ? WHERE id = ?")) {
                Rows.setLong(ps, 1, originTaskId);
                ps.setLong(2, taskId);
                return ps.executeUpdate();
            }
        });
    }

    /** Sets the day a task was issued when it is not its meeting's day. */
    public void setIssuedOn(long taskId, java.time.LocalDate day) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE task SET issued_on = ? WHERE id = ?")) {
                Rows.setDate(ps, 1, day);
                ps.setLong(2, taskId);
                return ps.executeUpdate();
            }
        });
    }
}
