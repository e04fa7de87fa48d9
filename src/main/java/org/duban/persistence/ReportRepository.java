package org.duban.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.duban.model.ProgressReport;

/** 调度 progress reports. Kept as history: reports are added, never rewritten. */
public final class ReportRepository {
    private static final String SELECT =
            "SELECT id, assignment_id, reported_on, percent, text, reporter FROM progress_report";
    private final Database db;

    public ReportRepository(Database db) {
        this.db = db;
    }

    /** Reports in scope, oldest first (by date, then by entry). */
    public List<ProgressReport> find(TaskScope scope) {
        return db.read(c -> Rows.scoped(c, SELECT, scope.onAssignment("assignment_id"), scope,
                "assignment_id, reported_on, id", ReportRepository::map));
    }

    /** Reports in scope without their text and reporter (for counting: statistics read only dates and percents). */
    public List<ProgressReport> findForCounting(TaskScope scope) {
        return db.read(c -> Rows.scoped(c, "SELECT id, assignment_id, reported_on, percent, '', '' FROM progress_report",
                scope.onAssignment("assignment_id"), scope, "assignment_id, reported_on, id", ReportRepository::map));
    }

    /** The reports with these ids (in no particular order), in a few queries whatever their number. */
    public List<ProgressReport> findByIds(java.util.Collection<Long> ids) {
        List<Long> all = List.copyOf(ids);
        return db.read(c -> {
            List<ProgressReport> list = new java.util.ArrayList<>(all.size());
            for (int from = 0; from < all.size(); from += 500) {
                List<Long> part = all.subList(from, Math.min(all.size(), from + 500));
                String marks = String.join(", ", java.util.Collections.nCopies(part.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE id IN (" + marks + ")")) {
                    for (int i = 0; i < part.size(); i++) {
                        ps.setLong(i + 1, part.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            list.add(map(rs));
                        }
                    }
                }
            }
            return list;
        });
    }

    public Optional<ProgressReport> findById(long id) {
        return db.read(c -> Rows.byId(c, SELECT, id, ReportRepository::map));
    }

    public ProgressReport insert(ProgressReport r) {
        return db.write(c -> {
            try (PreparedStatement ps = Rows.prepareInsert(c, "INSERT INTO progress_report "
                    + "(assignment_id, reported_on, percent, text, reporter) VALUES (?, ?, ?, ?, ?)")) {
                ps.setLong(1, r.assignmentId());
                Rows.setDate(ps, 2, r.reportedOn());
                ps.setInt(3, r.percent());
                ps.setString(4, r.text());
                ps.setString(5, r.reporter());
                long id = Rows.insert(ps);
                return new ProgressReport(id, r.assignmentId(), r.reportedOn(), r.percent(), r.text(), r.reporter());
            }
        });
    }

    private static ProgressReport map(ResultSet rs) throws SQLException {
        return new ProgressReport(rs.getLong(1), rs.getLong(2), Rows.date(rs, 3), rs.getInt(4), rs.getString(5),
                rs.getString(6));
    }
}
