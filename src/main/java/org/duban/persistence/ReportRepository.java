package org.duban.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.duban.model.ProgressReport;
import org.jdbi.v3.core.mapper.RowMapper;

/** 调度 progress reports. Kept as history: reports are added, never rewritten. */
public final class ReportRepository {
    private static final String SELECT =
            "SELECT id, assignment_id, reported_on, percent, text, reporter FROM progress_report";
    /**
     * By position, not by name: statistics read every report of a ledger (100,000 in the benchmark), and the
     * columns are the SELECT's own.
     */
    private static final RowMapper<ProgressReport> MAP = (rs, ctx) -> new ProgressReport(rs.getLong(1),
            rs.getLong(2), Rows.date(rs, 3), rs.getInt(4), rs.getString(5), rs.getString(6));
    private final Database db;

    public ReportRepository(Database db) {
        this.db = db;
    }

    /** Reports in scope, oldest first (by date, then by entry). */
    public List<ProgressReport> find(TaskScope scope) {
        return db.query(h -> JdbiSupport.scoped(h, SELECT, scope.onAssignment("assignment_id"), scope,
                "assignment_id, reported_on, id", MAP));
    }

    /** Reports in scope without their text and reporter (for counting: statistics read only dates and percents). */
    public List<ProgressReport> findForCounting(TaskScope scope) {
        return db.query(h -> JdbiSupport.scoped(h,
                "SELECT id, assignment_id, reported_on, percent, '', '' FROM progress_report",
                scope.onAssignment("assignment_id"), scope, "assignment_id, reported_on, id", MAP));
    }

    /** The reports with these ids (in no particular order), in a few queries whatever their number. */
    public List<ProgressReport> findByIds(Collection<Long> ids) {
        List<Long> all = List.copyOf(ids);
        return db.query(h -> {
            List<ProgressReport> list = new ArrayList<>(all.size());
            for (int from = 0; from < all.size(); from += 500) {
                list.addAll(h.createQuery(SELECT + " WHERE id IN (<ids>)")
                        .bindList("ids", all.subList(from, Math.min(all.size(), from + 500)))
                        .map(MAP)
                        .list());
            }
            return list;
        });
    }

    public Optional<ProgressReport> findById(long id) {
        return db.query(h -> h.createQuery(SELECT + " WHERE id = :id")
                .bind("id", id)
                .map(MAP)
                .findOne());
    }

    /** Stores a report; the one returned has its new id. */
    public ProgressReport insert(ProgressReport r) {
        long id = db.update(h -> h.createQuery("INSERT INTO progress_report (assignment_id, reported_on, percent, "
                        + "text, reporter) VALUES (:assignmentId, :reportedOn, :percent, :text, :reporter) RETURNING id")
                .bindMethods(r)
                .mapTo(Long.class)
                .one());
        return new ProgressReport(id, r.assignmentId(), r.reportedOn(), r.percent(), r.text(), r.reporter());
    }
}
