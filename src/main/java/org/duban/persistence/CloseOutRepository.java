package org.duban.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.duban.model.CloseOut;
import org.duban.model.Verification;
import org.duban.model.VerificationLevel;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

/** 销号 applications with their verification, 公示 and close (or reopen) dates. */
public final class CloseOutRepository {
    private static final String SELECT = "SELECT id, assignment_id, applied_on, explanation, verification_level, "
            + "verifiers, verified_on, verification_passed, verification_note, notice_from, notice_to, closed_on, "
            + "reopened_on, reopen_reason FROM close_out";
    /** The steps' parameters, in {@link #SELECT}'s order from applied_on ({@code bindSteps} binds them). */
    private static final String STEPS = ":appliedOn, :explanation, :level, :verifiers, :verifiedOn, :passed, :note, "
            + ":noticeFrom, :noticeTo, :closedOn, :reopenedOn, :reopenReason";
    /**
     * By position, not by name: statistics and the checklist read every application of a ledger, and the
     * verification is a record of its own (NULL level: none).
     */
    private static final RowMapper<CloseOut> MAP = (rs, ctx) -> map(rs);
    private final Database db;

    public CloseOutRepository(Database db) {
        this.db = db;
    }

    /** Applications in scope, oldest first. */
    public List<CloseOut> find(TaskScope scope) {
        return db.query(h -> JdbiSupport.scoped(h, SELECT, scope.onAssignment("assignment_id"), scope,
                "assignment_id, applied_on, id", MAP));
    }

    public Optional<CloseOut> findById(long id) {
        return db.query(h -> h.createQuery(SELECT + " WHERE id = :id")
                .bind("id", id)
                .map(MAP)
                .findOne());
    }

    /** Stores an application with every step it has; the one returned has its new id. */
    public CloseOut insert(CloseOut co) {
        long id = db.update(h -> bindSteps(h.createQuery("INSERT INTO close_out (assignment_id, applied_on, "
                        + "explanation, verification_level, verifiers, verified_on, verification_passed, "
                        + "verification_note, notice_from, notice_to, closed_on, reopened_on, reopen_reason) VALUES "
                        + "(:assignmentId, " + STEPS + ") RETURNING id"), co)
                .bind("assignmentId", co.assignmentId())
                .mapTo(Long.class)
                .one());
        return co.withId(id);
    }

    /** The stored version of an application ({@code row_version}), empty when there is no such application. */
    public java.util.OptionalLong version(long id) {
        return db.query(h -> h.createQuery("SELECT row_version FROM close_out WHERE id = :id")
                .bind("id", id)
                .mapTo(Long.class)
                .findOne()
                .map(java.util.OptionalLong::of)
                .orElse(java.util.OptionalLong.empty()));
    }

    /**
     * Writes every step of the application, as of the version {@code seenVersion} it was read at; the version moves
     * on by one.
     *
     * @throws StaleRowException when another seat changed the application since (nothing is written)
     * @throws PersistenceException when the application is gone
     */
    public void update(CloseOut co, long seenVersion) {
        db.update(h -> {
            int changed = bindSteps(h.createUpdate("UPDATE close_out SET applied_on = :appliedOn, "
                            + "explanation = :explanation, verification_level = :level, verifiers = :verifiers, "
                            + "verified_on = :verifiedOn, verification_passed = :passed, verification_note = :note, "
                            + "notice_from = :noticeFrom, notice_to = :noticeTo, closed_on = :closedOn, "
                            + "reopened_on = :reopenedOn, reopen_reason = :reopenReason, "
                            + "row_version = row_version + 1 WHERE id = :id AND row_version = :seen"), co)
                    .bind("id", co.id())
                    .bind("seen", seenVersion)
                    .execute();
            if (changed != 1) {
                if (h.createQuery("SELECT 1 FROM close_out WHERE id = :id").bind("id", co.id()).mapTo(Integer.class)
                        .findFirst().isPresent()) {
                    throw new StaleRowException(org.duban.model.AuditEntity.CLOSE_OUT, co.id());
                }
                throw new PersistenceException("closeOut.error.gone");
            }
            return null;
        });
    }

    /**
     * Binds the steps by name ({@link #STEPS}): no verification is a NULL level, verifiers, day and result and
     * an empty note; the result as 0/1.
     */
    private static <S extends SqlStatement<S>> S bindSteps(S statement, CloseOut co) {
        Verification v = co.verification();
        return statement.bindByType("appliedOn", co.appliedOn(), LocalDate.class)
                .bind("explanation", co.explanation())
                .bind("level", v == null ? null : v.level().name())
                .bind("verifiers", v == null ? null : v.verifiers())
                .bindByType("verifiedOn", v == null ? null : v.verifiedOn(), LocalDate.class)
                .bind("passed", v == null ? null : (Integer) (v.passed() ? 1 : 0))
                .bind("note", v == null ? "" : v.note())
                .bindByType("noticeFrom", co.noticeFrom(), LocalDate.class)
                .bindByType("noticeTo", co.noticeTo(), LocalDate.class)
                .bindByType("closedOn", co.closedOn(), LocalDate.class)
                .bindByType("reopenedOn", co.reopenedOn(), LocalDate.class)
                .bind("reopenReason", co.reopenReason());
    }

    /**
     * For {@link BulkInsert}'s plain JDBC batch (until it moves to JDBI): binds applied_on, explanation,
     * verification_level, verifiers, verified_on, verification_passed, verification_note, notice_from, notice_to,
     * closed_on, reopened_on, reopen_reason from {@code i}, as {@link #bindSteps(SqlStatement, CloseOut)} does by
     * name.
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
        String level = Rows.text(rs, 5);
        Verification v = level == null ? null : new Verification(VerificationLevel.valueOf(level), Rows.text(rs, 6),
                Rows.date(rs, 7), rs.getInt(8) == 1, Rows.text(rs, 9));
        return new CloseOut(rs.getLong(1), rs.getLong(2), Rows.date(rs, 3), Rows.text(rs, 4), v, Rows.date(rs, 10),
                Rows.date(rs, 11), Rows.date(rs, 12), Rows.date(rs, 13), Rows.text(rs, 14));
    }
}
