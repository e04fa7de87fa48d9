package org.duban.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import org.duban.model.CloseOut;
import org.duban.model.Verification;
import org.duban.model.VerificationLevel;

/** 销号 applications with their verification, 公示 and close (or reopen) dates. */
public final class CloseOutRepository {
    private static final String SELECT = "SELECT id, assignment_id, applied_on, explanation, verification_level, "
            + "verifiers, verified_on, verification_passed, verification_note, notice_from, notice_to, closed_on, "
            + "reopened_on, reopen_reason FROM close_out";
    private final Database db;

    public CloseOutRepository(Database db) {
        this.db = db;
    }

    /** Applications in scope, oldest first. */
    public List<CloseOut> find(TaskScope scope) {
        return db.read(c -> Rows.scoped(c, SELECT, scope.onAssignment("assignment_id"), scope,
                "assignment_id, applied_on, id", CloseOutRepository::map));
    }

    public Optional<CloseOut> findById(long id) {
        return db.read(c -> Rows.byId(c, SELECT, id, CloseOutRepository::map));
    }

    public CloseOut insert(CloseOut co) {
        return db.write(c -> {
            try (PreparedStatement ps = Rows.prepareInsert(c,
                    "INSERT INTO close_out (assignment_id, applied_on, explanation) VALUES (?, ?, ?)")) {
                ps.setLong(1, co.assignmentId());
                Rows.setDate(ps, 2, co.appliedOn());
                ps.setString(3, co.explanation());
                long id = Rows.insert(ps);
                CloseOut stored = co.withId(id);
                update(stored);
                return stored;
            }
        });
    }

    /** Writes every step of the application. */
    public void update(CloseOut co) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE close_out SET applied_on = ?, explanation = ?, "
                    + "verification_level = ?, verifiers = ?, verified_on = ?, verification_passed = ?, "
                    + "verification_note = ?, notice_from = ?, notice_to = ?, closed_on = ?, reopened_on = ?, "
                    + "reopen_reason = ? WHERE id = ?")) {
                bindSteps(ps, 1, co);
                ps.setLong(13, co.id());
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Binds applied_on, explanation, verification_level, verifiers, verified_on, verification_passed,
     * verification_note, notice_from, notice_to, closed_on, reopened_on, reopen_reason from {@code i}.
     */
    static void bindSteps(PreparedStatement ps, int i, CloseOut co) throws SQLException {
        Verification v = co.verification();
        Rows.setDate(ps, i, co.appliedOn());
        ps.setString(i + 1, co.explanation());
        ps.setString(i + 2, v == null ? null : v.level().name());
        ps.setString(i + 3, v == null ? null : v.verifiers());
        Rows.setDate(ps, i + 4, v == null ? null : v.verifiedOn());
        if (v == null) {
            ps.setNull(i + 5, Types.INTEGER);
        } else {
            ps.setInt(i + 5, v.passed() ? 1 : 0);
        }
        ps.setString(i + 6, v == null ? "" : v.note());
        Rows.setDate(ps, i + 7, co.noticeFrom());
        Rows.setDate(ps, i + 8, co.noticeTo());
        Rows.setDate(ps, i + 9, co.closedOn());
        Rows.setDate(ps, i + 10, co.reopenedOn());
        ps.setString(i + 11, co.reopenReason());
    }

    private static CloseOut map(ResultSet rs) throws SQLException {
        String level = rs.getString(5);
        Verification v = level == null ? null : new Verification(VerificationLevel.valueOf(level), rs.getString(6),
                Rows.date(rs, 7), rs.getInt(8) == 1, rs.getString(9));
        return new CloseOut(rs.getLong(1), rs.getLong(2), Rows.date(rs, 3), rs.getString(4), v, Rows.date(rs, 10),
                Rows.date(rs, 11), Rows.date(rs, 12), Rows.date(rs, 13), rs.getString(14));
    }
}
