package org.duban.persistence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.duban.model.Notice;
import org.duban.model.NoticeLevel;
import org.duban.model.NoticeShare;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/** 催办单 and 督办通知书 with the shares they list, and the 文号 counters (which only rise). */
public final class NoticeRepository {
    private static final String SELECT = "SELECT id, unit_id, level, issued_on, response_due, draft, number_year, "
            + "number_seq, number_text, response_on, response_text, created_at FROM notice";
    /** A notice's heading, by position: the level is stored as its number, the draft flag as 0/1. */
    private static final RowMapper<Notice> HEAD = (rs, ctx) -> new Notice(rs.getLong(1), rs.getLong(2),
            NoticeLevel.of(rs.getInt(3)), Rows.date(rs, 4), Rows.date(rs, 5), rs.getInt(6) == 1,
            JdbiSupport.nullableInt(rs, 7), JdbiSupport.nullableInt(rs, 8), rs.getString(9), Rows.date(rs, 10),
            rs.getString(11), Rows.instant(rs, 12), List.of());
    /** A share (by position) and the notice that lists it. */
    private static final RowMapper<Listed> LISTED = (rs, ctx) -> new Listed(rs.getLong(1), new NoticeShare(
            Rows.nullableLong(rs, 2), Rows.nullableLong(rs, 3), rs.getString(4), rs.getString(5),
            JdbiSupport.nullableInt(rs, 6), rs.getString(7)));
    private final Database db;

    public NoticeRepository(Database db) {
        this.db = db;
    }

    /** Stores a new notice with its shares; returns it with its id. */
    public Notice insert(Notice n) {
        return db.update(h -> {
            long id = h.createQuery("INSERT INTO notice (unit_id, level, issued_on, response_due, draft, number_year, "
                            + "number_seq, number_text, response_on, response_text, created_at) VALUES (:unitId, "
                            + ":levelNumber, :issuedOn, :responseDue, :draftFlag, :numberYear, :numberSeq, :number, "
                            + ":responseOn, :responseText, :createdAt) RETURNING id")
                    .bindMethods(n)
                    .bind("levelNumber", n.level().number())
                    .bind("draftFlag", n.draft() ? 1 : 0)
                    .mapTo(Long.class)
                    .one();
            PreparedBatch shares = h.prepareBatch("INSERT INTO notice_share (notice_id, position, task_id, "
                    + "assignment_id, task_label, deadline, days_overdue, last_report) VALUES (:noticeId, :position, "
                    + ":taskId, :assignmentId, :taskLabel, :deadline, :daysOverdue, :lastReport)");
            int position = 1;
            for (NoticeShare s : n.shares()) {
                shares.bind("noticeId", id).bind("position", position++).bindMethods(s).add();
            }
            JdbiSupport.runBatch(shares);
            return n.withId(id);
        });
    }

    /**
     * Takes the next number of a series and year and raises its counter: call inside the transaction that stores
     * the notice. The counter never goes down, so a number is never given twice.
     */
    public int takeNumber(String series, int year) {
        return db.update(h -> h.createQuery("INSERT INTO notice_counter (series, year, last) VALUES (:series, :year, 1) "
                        + "ON CONFLICT (series, year) DO UPDATE SET last = notice_counter.last + 1 RETURNING last")
                .bind("series", series)
                .bind("year", year)
                .mapTo(Integer.class)
                .one());
    }

    /** The last number given in a series and year (0: none yet). */
    public int lastNumber(String series, int year) {
        return db.query(h -> h.createQuery("SELECT last FROM notice_counter WHERE series = :series AND year = :year")
                .bind("series", series)
                .bind("year", year)
                .mapTo(Integer.class)
                .findOne()
                .orElse(0));
    }

    /** Gives a draft its number (it is no longer a draft). */
    public void setNumber(long id, int year, int seq, String text) {
        db.update(h -> h.createUpdate("UPDATE notice SET draft = 0, number_year = :year, number_seq = :seq, "
                        + "number_text = :text WHERE id = :id")
                .bind("year", year)
                .bind("seq", seq)
                .bind("text", text)
                .bind("id", id)
                .execute());
    }

    /** Records (or clears, with a null day) the unit's response. */
    public void setResponse(long id, LocalDate on, String text) {
        db.update(h -> h.createUpdate("UPDATE notice SET response_on = :on, response_text = :text WHERE id = :id")
                .bindByType("on", on, LocalDate.class)
                .bind("text", text == null ? "" : text)
                .bind("id", id)
                .execute());
    }

    public void delete(long id) {
        db.update(h -> h.createUpdate("DELETE FROM notice WHERE id = :id")
                .bind("id", id)
                .execute());
    }

    public Optional<Notice> findById(long id) {
        return db.query(h -> withShares(h, h.createQuery(SELECT + " WHERE id = :id").bind("id", id))
                .stream().findFirst());
    }

    /** Every notice, by day issued and id. */
    public List<Notice> findAll() {
        return db.query(h -> withShares(h, h.createQuery(SELECT + " ORDER BY issued_on, id")));
    }

    public List<Notice> findByUnit(long unitId) {
        return db.query(h -> withShares(h, h.createQuery(SELECT + " WHERE unit_id = :unitId ORDER BY issued_on, id")
                .bind("unitId", unitId)));
    }

    /** The notices that list a task, by day issued. */
    public List<Notice> findByTask(long taskId) {
        return db.query(h -> withShares(h, h.createQuery(SELECT + " WHERE id IN (SELECT notice_id FROM notice_share "
                        + "WHERE task_id = :taskId) ORDER BY issued_on, id")
                .bind("taskId", taskId)));
    }

    /** The notices {@code heads} reads, in its order, each with its shares in the order it lists them. */
    private static List<Notice> withShares(Handle h, Query heads) {
        List<Notice> list = heads.map(HEAD).list();
        Map<Long, List<NoticeShare>> shares = new HashMap<>();
        for (Listed l : JdbiSupport.byKeys(list.stream().map(Notice::id).toList(), ids -> h.createQuery(
                        "SELECT notice_id, task_id, assignment_id, task_label, deadline, days_overdue, last_report "
                                + "FROM notice_share WHERE notice_id IN (<ids>) ORDER BY notice_id, position")
                .bindList("ids", ids)
                .map(LISTED)
                .list())) {
            shares.computeIfAbsent(l.noticeId(), k -> new ArrayList<>()).add(l.share());
        }
        List<Notice> full = new ArrayList<>(list.size());
        for (Notice n : list) {
            full.add(new Notice(n.id(), n.unitId(), n.level(), n.issuedOn(), n.responseDue(), n.draft(),
                    n.numberYear(), n.numberSeq(), n.number(), n.responseOn(), n.responseText(), n.createdAt(),
                    shares.getOrDefault(n.id(), List.of())));
        }
        return full;
    }

    /** A share and the notice that lists it. */
    private record Listed(long noticeId, NoticeShare share) {
    }
}
