package org.duban.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
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
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

/** Tasks with their assignments: the aggregate is stored and read as a whole. */
public final class TaskRepository {
    private static final String COLUMNS = "t.id, t.meeting_id, t.seq, t.source, t.category, t.problem, t.target, "
            + "t.measures, t.leader, t.supporting_units, t.deadline, t.remarks, t.lead_unit_id, t.row_version";
    private static final String LEAN_COLUMNS = "t.id, t.meeting_id, t.seq, t.source, '', '', '', '', '', '', "
            + "t.deadline, '', t.lead_unit_id, t.row_version";
    /** {@link #LEAN_COLUMNS} with the problem: what a line naming the task shows (the desk). */
    private static final String PROBLEM_COLUMNS = "t.id, t.meeting_id, t.seq, t.source, t.category, t.problem, '', "
            + "'', '', '', t.deadline, '', t.lead_unit_id, t.row_version";
    /** The columns {@link #ASSIGNMENT} reads, in its order. */
    private static final String ASSIGNMENT_COLUMNS = "a.id, a.task_id, a.unit_id, a.status";
    /**
     * Assignments and tasks are read by position, not by name: the checklist reads every task of a ledger (10,000
     * in the benchmark) and every share of them, and the columns are the SELECTs' own ({@link #ASSIGNMENT_COLUMNS},
     * {@link #COLUMNS}, {@link #LEAN_COLUMNS}).
     */
    private static final RowMapper<Assignment> ASSIGNMENT = (rs, ctx) -> assignment(rs);
    private static final String INSERT_ASSIGNMENT = "INSERT INTO assignment (task_id, unit_id, status) "
            + "VALUES (:taskId, :unitId, :status) RETURNING id";
    private final Database db;

    public TaskRepository(Database db) {
        this.db = db;
    }

    /** The tasks of one meeting in 序号 order. */
    public List<Task> findByMeeting(long meetingId) {
        return db.query(h -> query(h, "t.meeting_id = :scope", meetingId, COLUMNS));
    }

    /** Every task of every meeting. */
    public List<Task> findAll() {
        return db.query(h -> query(h, null, null, COLUMNS));
    }

    /** The tasks in scope, by meeting and 序号. */
    public List<Task> find(TaskScope scope) {
        return db.query(h -> query(h, JdbiSupport.named(scope.onTask("t.id")),
                scope.hasParameter() ? scope.id() : null, COLUMNS));
    }

    /**
     * Every task in pieces of at most {@code size} tasks: runs of a meeting's 序号, in the order of
     * {@link #find find(TaskScope.all())} (by meeting and 序号). What reads a large ledger a piece at a time reads
     * them in turn (issue 24).
     */
    public List<TaskScope> pieces(int size) {
        return pieces(null, size);
    }

    /** Like {@link #pieces(int)}, the tasks of one meeting (which it issued). */
    public List<TaskScope> pieces(long meetingId, int size) {
        return pieces(Long.valueOf(meetingId), size);
    }

    private List<TaskScope> pieces(Long meetingId, int size) {
        return db.query(h -> {
            List<TaskScope> out = new ArrayList<>();
            long[] run = {0, 0, 0, 0}; // meeting, first 序号, last 序号, tasks; no run while tasks = 0
            var q = h.createQuery("SELECT meeting_id, seq FROM task"
                    + (meetingId == null ? "" : " WHERE meeting_id = :meeting") + " ORDER BY meeting_id, seq");
            if (meetingId != null) {
                q.bind("meeting", meetingId.longValue());
            }
            q.setFetchSize(1000)
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
                    .forEach(r -> {
                        if (run[3] > 0 && (r[0] != run[0] || run[3] == size)) {
                            out.add(TaskScope.seqs(run[0], (int) run[1], (int) run[2]));
                            run[3] = 0;
                        }
                        if (run[3] == 0) {
                            run[0] = r[0];
                            run[1] = r[1];
                        }
                        run[2] = r[1];
                        run[3]++;
                    });
            if (run[3] > 0) {
                out.add(TaskScope.seqs(run[0], (int) run[1], (int) run[2]));
            }
            return out;
        });
    }

    /**
     * The tasks in scope for counting only (statistics): ids, 序号, source, deadline and assignments, with the long
     * texts (problem, target, measures ...) left empty, so that counting 10,000 tasks does not read and keep
     * megabytes of text it never shows.
     */
    public List<Task> findForCounting(TaskScope scope) {
        return db.query(h -> query(h, JdbiSupport.named(scope.onTask("t.id")),
                scope.hasParameter() ? scope.id() : null, LEAN_COLUMNS));
    }

    /**
     * The tasks in scope as {@link #findForCounting} reads them, with source, category and problem: for lines that
     * name a task by 序号 and problem (the desk, the window's opening screen), without the other long texts (target,
     * measures, remarks ...) that 10,000 tasks would otherwise decode at every start.
     */
    public List<Task> findWithProblem(TaskScope scope) {
        return db.query(h -> query(h, JdbiSupport.named(scope.onTask("t.id")),
                scope.hasParameter() ? scope.id() : null, PROBLEM_COLUMNS));
    }

    /** One assignment (task × unit). */
    public Optional<Assignment> findAssignment(long assignmentId) {
        return db.query(h -> h.createQuery("SELECT " + ASSIGNMENT_COLUMNS + " FROM assignment a WHERE a.id = :id")
                .bind("id", assignmentId)
                .map(ASSIGNMENT)
                .findOne());
    }

    public Optional<Task> findById(long id) {
        return db.query(h -> query(h, "t.id = :scope", id, COLUMNS).stream().findFirst());
    }

    public int count() {
        return db.query(h -> h.createQuery("SELECT count(*) FROM task").mapTo(Integer.class).one());
    }

    /** The next free 序号 in a meeting. */
    public int nextSeq(long meetingId) {
        return db.query(h -> h.createQuery("SELECT coalesce(max(seq), 0) + 1 FROM task WHERE meeting_id = :meetingId")
                .bind("meetingId", meetingId)
                .mapTo(Integer.class)
                .one());
    }

    /** Whether another task of the meeting already has this 序号. */
    public boolean seqTaken(long meetingId, int seq, long exceptTaskId) {
        return db.query(h -> h.createQuery("SELECT 1 FROM task WHERE meeting_id = :meetingId AND seq = :seq "
                        + "AND id <> :exceptTaskId")
                .bind("meetingId", meetingId)
                .bind("seq", seq)
                .bind("exceptTaskId", exceptTaskId)
                .mapTo(Integer.class)
                .findFirst()
                .isPresent());
    }

    /** Stores a new task and its assignments in one transaction. */
    public Task insert(Task task) {
        return insertAll(List.of(task)).get(0);
    }

    /**
     * Stores new tasks with their assignments in one transaction, in order. An import writes 10,000 tasks and
     * 27,000 shares: the rows take the ids the engine hands out next ({@link LedgerEngine#newIds}: on SQLite the
     * ones it would give them itself, one more than the largest), so each table's rows go in as multi-row inserts
     * ({@link ManyRows}), with no key to read back and match (issue 24: multi-row {@code INSERT … RETURNING}
     * through JDBI's named values was a third of the import's writing). A second task with a taken 序号 is
     * refused ({@code UNIQUE (meeting_id, seq)}) and nothing is written.
     */
    public List<Task> insertAll(List<Task> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        return db.write(c -> {
            long[] taskIds = db.engine().newIds(c, "task", list.size());
            int shareCount = 0;
            for (Task t : list) {
                shareCount += t.assignments().size();
            }
            long[] shareIds = db.engine().newIds(c, "assignment", shareCount);
            List<Task> result = new ArrayList<>(list.size());
            int share = 0;
            for (int i = 0; i < list.size(); i++) {
                Task task = list.get(i);
                long id = taskIds[i];
                List<Assignment> stored = new ArrayList<>(task.assignments().size());
                for (Assignment a : task.assignments()) {
                    stored.add(new Assignment(shareIds[share++], id, a.unitId(), a.status()));
                }
                result.add(task.withId(id, stored));
            }
            ManyRows.insert(c, "INSERT INTO task (id, meeting_id, seq, source, category, problem, target, measures, "
                    + "leader, supporting_units, deadline, due_date, ongoing, remarks, lead_unit_id)", 15, result,
                    (ps, first, t) -> {
                        ps.setLong(first, t.id());
                        ps.setLong(first + 1, t.meetingId());
                        int i = bindFields(ps, first + 2, t);
                        ps.setString(i++, t.remarks());
                        Rows.setLong(ps, i, t.hasLeadUnit() ? t.leadUnitId() : null);
                    });
            ManyRows.insert(c, "INSERT INTO assignment (id, task_id, unit_id, status)", 4,
                    () -> result.stream().flatMap(t -> t.assignments().stream()).iterator(), (ps, first, a) -> {
                        ps.setLong(first, a.id());
                        ps.setLong(first + 1, a.taskId());
                        ps.setLong(first + 2, a.unitId());
                        ps.setString(first + 3, a.status().name());
                    });
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
     * Saves a changed task, as of the version it was read at ({@link Task#version()}): the row changes only if it
     * still has that version, and its version moves on by one (the task returned has the new one). Shares of units
     * that stay keep their state; a unit taken off keeps its share and every
     * record of it, withdrawn on {@code day} (by the import {@code importId}, or null from the form); a unit put back
     * gets its withdrawn share again; a new unit gets a fresh share. Nothing is deleted.
     *
     * @throws StaleRowException when another seat changed the task since it was read (nothing is written)
     * @throws PersistenceException when the task is gone
     */
    public Saved update(Task task, LocalDate day, Long importId) {
        return db.update(h -> {
            int changed = bindTask(h.createUpdate("UPDATE task SET seq = :seq, source = :source, "
                    + "category = :category, problem = :problem, target = :target, measures = :measures, "
                    + "leader = :leader, supporting_units = :supportingUnits, deadline = :deadline, "
                    + "due_date = :dueDate, ongoing = :ongoing, remarks = :remarks, lead_unit_id = :leadUnitId, "
                    + "updated_at = " + JdbiSupport.utcNowText(db) + ", row_version = row_version + 1 "
                    + "WHERE id = :id AND row_version = :seen"), task)
                    .bind("id", task.id())
                    .bind("seen", task.version())
                    .execute();
            if (changed != 1) {
                if (version(h, task.id()).isPresent()) {
                    throw new StaleRowException(org.duban.model.AuditEntity.TASK, task.id());
                }
                throw new PersistenceException("task.error.gone", task.seq());
            }
            Map<Long, Assignment> active = new HashMap<>();
            Map<Long, WithdrawnShare> withdrawn = new HashMap<>();
            List<Assignment> activeNow = activeAssignments(h, task.id());
            for (Assignment a : activeNow) {
                active.put(a.unitId(), a);
            }
            for (WithdrawnShare w : withdrawn(h, TaskScope.task(task.id()))) {
                withdrawn.put(w.unitId(), w);
            }
            Set<Long> wanted = new HashSet<>(task.unitIds());
            List<Assignment> takenOff = new ArrayList<>();
            for (Assignment a : activeNow) {
                if (!wanted.contains(a.unitId())) {
                    setWithdrawn(h, a.id(), day, importId);
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
                    setWithdrawn(h, old.id(), null, null);
                    restored.add(w);
                }
                stored.add(old != null ? old : insertAssignment(h, task.id(), a));
            }
            return new Saved(task.withId(task.id(), stored).withVersion(task.version() + 1), takenOff, restored);
        });
    }

    /** The stored version of a task ({@code row_version}), empty when there is no such task. */
    public java.util.OptionalLong version(long taskId) {
        return db.query(h -> version(h, taskId));
    }

    private static java.util.OptionalLong version(Handle h, long taskId) {
        return h.createQuery("SELECT row_version FROM task WHERE id = :id")
                .bind("id", taskId)
                .mapTo(Long.class)
                .findOne()
                .map(java.util.OptionalLong::of)
                .orElse(java.util.OptionalLong.empty());
    }

    /** Withdraws one share on {@code day} (by an import, or null), or restores it when {@code day} is null. */
    public void setWithdrawn(long assignmentId, LocalDate day, Long importId) {
        db.update(h -> {
            setWithdrawn(h, assignmentId, day, importId);
            return null;
        });
    }

    private static void setWithdrawn(Handle h, long assignmentId, LocalDate day, Long importId) {
        int changed = h.createUpdate("UPDATE assignment SET withdrawn_on = :day, withdrawn_by = :importId "
                        + "WHERE id = :id")
                .bindByType("day", day, LocalDate.class)
                .bindByType("importId", day == null ? null : importId, Long.class)
                .bind("id", assignmentId)
                .execute();
        if (changed != 1) {
            throw new PersistenceException("tracking.error.assignmentGone");
        }
    }

    /** The withdrawn shares of the tasks in scope, by task and unit order of withdrawal. */
    public List<WithdrawnShare> withdrawn(TaskScope scope) {
        return db.query(h -> withdrawn(h, scope));
    }

    private static List<WithdrawnShare> withdrawn(Handle h, TaskScope scope) {
        return JdbiSupport.scoped(h, "SELECT " + ASSIGNMENT_COLUMNS + ", a.withdrawn_on, a.withdrawn_by, "
                        + "coalesce(r.file_name, '') FROM assignment a LEFT JOIN import_run r ON r.id = a.withdrawn_by",
                "a.withdrawn_on IS NOT NULL AND " + scope.onTask("a.task_id"), scope, "a.task_id, a.id",
                (rs, ctx) -> new WithdrawnShare(assignment(rs), Rows.date(rs, 5), Rows.nullableLong(rs, 6),
                        rs.getString(7)));
    }

    /** Whether a share is withdrawn (false also when there is no such share). */
    public boolean isWithdrawn(long assignmentId) {
        return db.query(h -> h.createQuery("SELECT 1 FROM assignment WHERE id = :id AND withdrawn_on IS NOT NULL")
                .bind("id", assignmentId)
                .mapTo(Integer.class)
                .findFirst()
                .isPresent());
    }

    /**
     * Deletes a task; its assignments (withdrawn ones too) and their records go with it. Only the explicit,
     * confirmed delete of a whole task comes here; the audit trail keeps what it was.
     */
    public boolean delete(long taskId) {
        return db.update(h -> h.createUpdate("DELETE FROM task WHERE id = :id")
                .bind("id", taskId)
                .execute() == 1);
    }

    /** Sets one assignment's status. */
    public void updateAssignmentStatus(long assignmentId, TaskStatus status) {
        db.update(h -> h.createUpdate("UPDATE assignment SET status = :status WHERE id = :id")
                .bind("status", status)
                .bind("id", assignmentId)
                .execute());
    }

    /**
     * Binds a task's fields by name: {@code :seq, :source, :category, :problem, :target, :measures, :leader,
     * :supportingUnits, :deadline} (its phrase), {@code :dueDate} (null when it has none), {@code :ongoing} (0 or
     * 1), {@code :remarks}, {@code :leadUnitId} (null for none).
     */
    private static <S extends SqlStatement<S>> S bindTask(S statement, Task t) {
        return statement.bind("seq", t.seq())
                .bind("source", t.source())
                .bind("category", t.category())
                .bind("problem", t.problem())
                .bind("target", t.target())
                .bind("measures", t.measures())
                .bind("leader", t.leader())
                .bind("supportingUnits", t.supportingUnits())
                .bind("deadline", t.deadline().phrase())
                .bindByType("dueDate", t.deadline().dueDate().orElse(null), LocalDate.class)
                .bind("ongoing", t.deadline().isOngoing() ? 1 : 0)
                .bind("remarks", t.remarks())
                .bindByType("leadUnitId", t.hasLeadUnit() ? t.leadUnitId() : null, Long.class);
    }

    /**
     * For {@link BulkInsert}'s plain JDBC batch (the generator's and the sample's rows, with their ids): binds seq,
     * source, category, problem, target, measures, leader, supporting_units, deadline, due_date, ongoing from
     * {@code start}; returns the next position.
     */
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
        Optional<LocalDate> due = t.deadline().dueDate();
        if (due.isPresent()) {
            ps.setString(i++, due.get().toString());
        } else {
            ps.setNull(i++, Types.VARCHAR);
        }
        ps.setInt(i++, t.deadline().isOngoing() ? 1 : 0);
        return i;
    }

    private static Assignment insertAssignment(Handle h, long taskId, Assignment a) {
        long id = h.createQuery(INSERT_ASSIGNMENT)
                .bind("taskId", taskId)
                .bind("unitId", a.unitId())
                .bind("status", a.status())
                .mapTo(Long.class)
                .one();
        return new Assignment(id, taskId, a.unitId(), a.status());
    }

    /** A task's active shares, in the order they were made. */
    private static List<Assignment> activeAssignments(Handle h, long taskId) {
        return h.createQuery("SELECT " + ASSIGNMENT_COLUMNS + " FROM assignment a "
                        + "WHERE a.task_id = :taskId AND a.withdrawn_on IS NULL ORDER BY a.id")
                .bind("taskId", taskId)
                .map(ASSIGNMENT)
                .list();
    }

    /** An assignment from the first four columns ({@link #ASSIGNMENT_COLUMNS}). */
    private static Assignment assignment(ResultSet rs) throws SQLException {
        return new Assignment(rs.getLong(1), rs.getLong(2), rs.getLong(3), TaskStatus.valueOf(Rows.text(rs, 4)));
    }

    /**
     * Two queries whatever the number of tasks: the tasks, then all their active assignments. {@code where} is a
     * condition on {@code task t} (null: every task) with at most one parameter, {@code :scope}, bound to
     * {@code param}.
     */
    private static List<Task> query(Handle h, String where, Long param, String columns) {
        Map<Long, List<Assignment>> byTask = new HashMap<>();
        var shares = h.createQuery("SELECT " + ASSIGNMENT_COLUMNS + " FROM assignment a JOIN task t ON t.id = a.task_id "
                + "WHERE " + (where == null ? "" : where + " AND ") + "a.withdrawn_on IS NULL ORDER BY a.id");
        if (param != null) {
            shares.bind("scope", param.longValue());
        }
        shares.map(ASSIGNMENT).forEach(a -> byTask.computeIfAbsent(a.taskId(), k -> new ArrayList<>()).add(a));
        var tasks = h.createQuery("SELECT " + columns + " FROM task t " + (where == null ? "" : "WHERE " + where)
                + " ORDER BY t.meeting_id, t.seq");
        if (param != null) {
            tasks.bind("scope", param.longValue());
        }
        return tasks.map((rs, ctx) -> {
            long id = rs.getLong(1);
            return new Task(id, rs.getLong(2), rs.getInt(3), Rows.text(rs, 4), Rows.text(rs, 5), Rows.text(rs, 6),
                    Rows.text(rs, 7), Rows.text(rs, 8), Rows.text(rs, 9), Rows.text(rs, 10),
                    readDeadline(Rows.text(rs, 11)), Rows.text(rs, 12), byTask.getOrDefault(id, List.of()),
                    rs.getLong(13), rs.getLong(14));
        }).list();
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
    public Map<Long, LocalDate> issuedDates(TaskScope scope) {
        return db.query(h -> {
            Map<Long, LocalDate> map = new HashMap<>();
            for (var e : JdbiSupport.scoped(h, "SELECT t.id, coalesce(t.issued_on, m.held_on) FROM task t "
                            + "JOIN meeting m ON m.id = t.meeting_id", scope.onTask("t.id"), scope, "t.id",
                    (rs, ctx) -> Map.entry(rs.getLong(1), Rows.date(rs, 2)))) {
                map.put(e.getKey(), e.getValue());
            }
            return map;
        });
    }

    /** A task's day of issue as {@link #issuedDates} reads it (none without its meeting's row), in SQL. */
    private static final String ISSUED_ON = "CASE WHEN m.id IS NULL THEN NULL ELSE coalesce(t.issued_on, m.held_on) END";

    /**
     * For each unit, how many of the tasks in scope that had been issued by {@code issuedBy} (every task when it is
     * null; a task of no known day counts, as in the tracking) it has a share of, not withdrawn: the number of
     * tasks on each unit's handout, counted without reading the tasks.
     */
    public Map<Long, Integer> sharesByUnit(TaskScope scope, LocalDate issuedBy) {
        return db.query(h -> {
            Map<Long, Integer> counts = new HashMap<>();
            var q = h.createQuery("SELECT a.unit_id, " + ISSUED_ON + " FROM assignment a JOIN task t ON t.id = a.task_id "
                    + "LEFT JOIN meeting m ON m.id = t.meeting_id WHERE " + JdbiSupport.named(scope.onTask("t.id"))
                    + " AND a.withdrawn_on IS NULL");
            if (scope.hasParameter()) {
                q.bind("scope", scope.id());
            }
            q.setFetchSize(1000).map((rs, ctx) -> issuedBy(Rows.date(rs, 2), issuedBy) ? rs.getLong(1) : -1L)
                    .forEach(unit -> {
                        if (unit >= 0) {
                            counts.merge(unit, 1, Integer::sum);
                        }
                    });
            return counts;
        });
    }

    /** How many tasks in scope had been issued by {@code issuedBy} (all when null), as the tracking counts them. */
    public int countIssued(TaskScope scope, LocalDate issuedBy) {
        return db.query(h -> {
            int[] n = {0};
            var q = h.createQuery("SELECT " + ISSUED_ON + " FROM task t "
                    + "LEFT JOIN meeting m ON m.id = t.meeting_id WHERE " + JdbiSupport.named(scope.onTask("t.id")));
            if (scope.hasParameter()) {
                q.bind("scope", scope.id());
            }
            q.setFetchSize(1000).map((rs, ctx) -> issuedBy(Rows.date(rs, 1), issuedBy)).forEach(yes -> {
                if (yes) {
                    n[0]++;
                }
            });
            return n[0];
        });
    }

    /** The meetings that issued the tasks in scope issued by {@code issuedBy} (all when null), in id order. */
    public List<Long> issuingMeetings(TaskScope scope, LocalDate issuedBy) {
        return db.query(h -> {
            java.util.SortedSet<Long> ids = new java.util.TreeSet<>();
            var q = h.createQuery("SELECT t.meeting_id, " + ISSUED_ON + " FROM task t "
                    + "LEFT JOIN meeting m ON m.id = t.meeting_id WHERE " + JdbiSupport.named(scope.onTask("t.id")));
            if (scope.hasParameter()) {
                q.bind("scope", scope.id());
            }
            q.setFetchSize(1000).map((rs, ctx) -> issuedBy(Rows.date(rs, 2), issuedBy) ? rs.getLong(1) : -1L)
                    .forEach(id -> {
                        if (id >= 0) {
                            ids.add(id);
                        }
                    });
            return new ArrayList<>(ids);
        });
    }

    private static boolean issuedBy(LocalDate on, LocalDate day) {
        return day == null || on == null || !on.isAfter(day);
    }

    /** For each 举一反三 task in scope, the task it was found by analogy to. */
    public Map<Long, Long> origins(TaskScope scope) {
        return db.query(h -> {
            Map<Long, Long> map = new HashMap<>();
            for (var e : JdbiSupport.scoped(h, "SELECT t.id, t.origin_task_id FROM task t",
                    scope.onTask("t.id") + " AND t.origin_task_id IS NOT NULL", scope, "t.id",
                    (rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2)))) {
                map.put(e.getKey(), e.getValue());
            }
            return map;
        });
    }

    /**
     * Links a task to the task it was found by analogy to (null removes the link). The task's version moves on: a
     * form open on it saves only after taking this change in.
     */
    public void setOrigin(long taskId, Long originTaskId) {
        db.update(h -> h.createUpdate("UPDATE task SET origin_task_id = :originTaskId, "
                        + "row_version = row_version + 1 WHERE id = :id")
                .bindByType("originTaskId", originTaskId, Long.class)
                .bind("id", taskId)
                .execute());
    }

    /** Sets the day a task was issued when it is not its meeting's day (its version moves on). */
    public void setIssuedOn(long taskId, LocalDate day) {
        db.update(h -> h.createUpdate("UPDATE task SET issued_on = :day, row_version = row_version + 1 WHERE id = :id")
                .bindByType("day", day, LocalDate.class)
                .bind("id", taskId)
                .execute());
    }
}
