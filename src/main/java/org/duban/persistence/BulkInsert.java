package org.duban.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.duban.model.Assignment;
import org.duban.model.AuditEntry;
import org.duban.model.CloseOut;
import org.duban.model.Evidence;
import org.duban.model.Milestone;
import org.duban.model.ProgressReport;
import org.duban.model.Supervision;
import org.duban.model.Task;

/**
 * Writes many rows at once for a generated ledger: rows carry the ids they are given ({@link #nextIds()}), so a
 * chunk goes in as one batch per table in one transaction instead of one statement and one key lookup per row.
 * Meant for loads that own the ledger while they run (the generator). On a shared ledger another seat may write
 * between {@link #nextIds()} and {@link #write}: the chunk is written in the writers' turn
 * ({@link LedgerEngine#beginWrite}), which first checks that no row took one of its ids meanwhile, and refuses the
 * chunk whole if one did.
 */
public final class BulkInsert {
    private final Database db;

    public BulkInsert(Database db) {
        this.db = db;
    }

    /** The first free id of each table a chunk writes. */
    public record NextIds(long task, long assignment, long report, long milestone, long closeOut, long evidence,
                          long audit) {
    }

    /** A 佐证材料 file with its bytes. */
    public record EvidenceFile(Evidence evidence, byte[] content) {
    }

    /**
     * One chunk of a ledger. Every record carries its id; tasks carry their assignments (with ids and the status
     * to store). {@code createdAt} stamps the tasks' created/updated columns.
     */
    public record Chunk(Instant createdAt, List<Task> tasks, List<ProgressReport> reports,
                        List<Milestone> milestones, List<CloseOut> closeOuts, List<EvidenceFile> evidence,
                        List<Supervision> supervisions, List<AuditEntry> audit) {
        public Chunk {
            tasks = List.copyOf(tasks);
            reports = List.copyOf(reports);
            milestones = List.copyOf(milestones);
            closeOuts = List.copyOf(closeOuts);
            evidence = List.copyOf(evidence);
            supervisions = List.copyOf(supervisions);
            audit = List.copyOf(audit);
        }
    }

    public NextIds nextIds() {
        return db.read(c -> new NextIds(next(c, "task"), next(c, "assignment"), next(c, "progress_report"),
                next(c, "milestone"), next(c, "close_out"), next(c, "evidence"), next(c, "audit_log")));
    }

    private static long next(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT coalesce(max(id), 0) + 1 FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Refuses a chunk whose smallest id of {@code table} is not above the table's largest: another seat wrote rows
     * since {@link #nextIds()} (inside the writers' turn, so nothing can come in between this and the commit).
     */
    private void requireFree(Connection c, String table, java.util.stream.LongStream ids) throws SQLException {
        var first = ids.min();
        if (first.isPresent() && first.getAsLong() < next(c, table)) {
            throw new PersistenceException("db.error.idsTaken", db.location(), table,
                    Long.toString(first.getAsLong()));
        }
    }

    /** Writes the chunk in one transaction (joining the caller's, if any), one batch per table. */
    public void write(Chunk chunk) {
        String stamp = chunk.createdAt().toString();
        db.write(c -> {
            requireFree(c, "task", chunk.tasks().stream().mapToLong(Task::id));
            requireFree(c, "assignment", chunk.tasks().stream().flatMap(t -> t.assignments().stream())
                    .mapToLong(Assignment::id));
            requireFree(c, "progress_report", chunk.reports().stream().mapToLong(ProgressReport::id));
            requireFree(c, "milestone", chunk.milestones().stream().mapToLong(Milestone::id));
            requireFree(c, "close_out", chunk.closeOuts().stream().mapToLong(CloseOut::id));
            requireFree(c, "evidence", chunk.evidence().stream().mapToLong(f -> f.evidence().id()));
            requireFree(c, "audit_log", chunk.audit().stream().mapToLong(AuditEntry::id));
            Rows.batch(c, "INSERT INTO task (id, meeting_id, seq, source, category, problem, target, measures, "
                    + "leader, supporting_units, deadline, due_date, ongoing, remarks, created_at, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", chunk.tasks(), (ps, t) -> {
                        ps.setLong(1, t.id());
                        ps.setLong(2, t.meetingId());
                        int i = TaskRepository.bindFields(ps, 3, t);
                        ps.setString(i++, t.remarks());
                        ps.setString(i++, stamp);
                        ps.setString(i, stamp);
                    });
            Rows.batch(c, "INSERT INTO assignment (id, task_id, unit_id, status) VALUES (?, ?, ?, ?)",
                    chunk.tasks().stream().flatMap(t -> t.assignments().stream() // of this task, whatever they say
                            .map(a -> new Assignment(a.id(), t.id(), a.unitId(), a.status()))).toList(), (ps, a) -> {
                        ps.setLong(1, a.id());
                        ps.setLong(2, a.taskId());
                        ps.setLong(3, a.unitId());
                        ps.setString(4, a.status().name());
                    });
            Rows.batch(c, "INSERT INTO progress_report (id, assignment_id, reported_on, percent, text, reporter) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", chunk.reports(), (ps, r) -> {
                        ps.setLong(1, r.id());
                        ps.setLong(2, r.assignmentId());
                        Rows.setDate(ps, 3, r.reportedOn());
                        ps.setInt(4, r.percent());
                        ps.setString(5, r.text());
                        ps.setString(6, r.reporter());
                    });
            Rows.batch(c, "INSERT INTO milestone (id, assignment_id, name, due_on, done_on) VALUES (?, ?, ?, ?, ?)",
                    chunk.milestones(), (ps, m) -> {
                        ps.setLong(1, m.id());
                        ps.setLong(2, m.assignmentId());
                        ps.setString(3, m.name());
                        Rows.setDate(ps, 4, m.dueOn());
                        Rows.setDate(ps, 5, m.doneOn());
                    });
            Rows.batch(c, "INSERT INTO close_out (id, assignment_id, applied_on, explanation, verification_level, "
                    + "verifiers, verified_on, verification_passed, verification_note, notice_from, notice_to, "
                    + "closed_on, reopened_on, reopen_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    chunk.closeOuts(), (ps, co) -> {
                        ps.setLong(1, co.id());
                        ps.setLong(2, co.assignmentId());
                        CloseOutRepository.bindSteps(ps, 3, co);
                    });
            Rows.batch(c, "INSERT INTO evidence (id, assignment_id, report_id, close_out_id, file_name, media_type, "
                    + "size_bytes, sha256, content, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    chunk.evidence(), (ps, f) -> {
                        Evidence e = f.evidence();
                        ps.setLong(1, e.id());
                        ps.setLong(2, e.assignmentId());
                        Rows.setLong(ps, 3, e.reportId());
                        Rows.setLong(ps, 4, e.closeOutId());
                        ps.setString(5, e.fileName());
                        ps.setString(6, e.mediaType());
                        ps.setLong(7, f.content().length);
                        ps.setString(8, e.sha256());
                        ps.setBytes(9, f.content());
                        ps.setString(10, e.addedAt().toString());
                    });
            Rows.batch(c, "INSERT INTO supervision (task_id, leader, since, cycle, note) VALUES (?, ?, ?, ?, ?)",
                    chunk.supervisions(), (ps, sv) -> {
                        ps.setLong(1, sv.taskId());
                        ps.setString(2, sv.leader());
                        Rows.setDate(ps, 3, sv.since());
                        ps.setString(4, sv.cycle().name());
                        ps.setString(5, sv.note());
                    });
            AuditChain.append(c, chunk.audit(), true);
            db.engine().idsTaken(c); // a shared ledger's identities go on after the ids given here
            return null;
        });
    }
}
