package org.duban.persistence;

import java.time.LocalDate;
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
            rs.getLong(2), Rows.date(rs, 3), rs.getInt(4), Rows.text(rs, 5), Rows.text(rs, 6));
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

    /**
     * The reports that decide where each assignment in scope stood on {@code day}, with their text: its latest report
     * dated on or before the day (by date, then by entry) and, for an assignment with none by then, its first report
     * after the day, which says only that it has reports (a share with no report ever keeps its stored status;
     * {@code AssignmentFacts.stageOn}). Nothing else of the reports changes a status or a light on that day. One query,
     * one row an assignment at most, by index: the checklist read 100,000 reports as dates and then 27,000 again
     * with their texts, in 55 queries, to show these (issue 24).
     */
    public List<ProgressReport> decidingOn(TaskScope scope, LocalDate day) {
        return decidingOn(scope, day, true);
    }

    /** {@link #decidingOn(TaskScope, LocalDate)} without the reports' text and reporter (left empty): for counting. */
    public List<ProgressReport> decidingOnForCounting(TaskScope scope, LocalDate day) {
        return decidingOn(scope, day, false);
    }

    private List<ProgressReport> decidingOn(TaskScope scope, LocalDate day, boolean withText) {
        return db.query(h -> {
            var q = h.createQuery("SELECT r.id, r.assignment_id, r.reported_on, r.percent, "
                    + (withText ? "r.text, r.reporter " : "'', '' ")
                    + "FROM assignment x JOIN progress_report r ON r.id = coalesce("
                    + "(SELECT p.id FROM progress_report p WHERE p.assignment_id = x.id AND p.reported_on <= :day "
                    + "ORDER BY p.reported_on DESC, p.id DESC LIMIT 1), "
                    + "(SELECT p.id FROM progress_report p WHERE p.assignment_id = x.id AND p.reported_on > :day "
                    + "LIMIT 1)) "
                    + "WHERE " + JdbiSupport.named(scope.onAssignment("x.id")) + " ORDER BY x.id")
                    .bind("day", day.toString());
            if (scope.hasParameter()) {
                q.bind("scope", scope.id());
            }
            return q.map(MAP).list();
        });
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
