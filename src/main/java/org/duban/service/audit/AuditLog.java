package org.duban.service.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.duban.model.AuditAction;
import org.duban.model.AuditEntity;
import org.duban.model.AuditEntry;
import org.duban.persistence.AuditRepository;
import org.duban.persistence.RowStates;
import org.duban.persistence.SettingsRepository;
import org.duban.persistence.UnitOfWork;

/**
 * Writes the audit trail (留痕): each change with time, operator, what changed, old and new value. Services
 * call it inside their own unit of work, so a change and its audit rows land together or not at all.
 *
 * <p>The clock is also where every service gets "today", so that tests (and the sample, which replays a year
 * of work) fix it. The operator is the name set in the settings, by default the login name of the computer.
 *
 * <p>On a shared ledger every seat writes, and a name in the ledger's {@code setting} table would be whoever saved it
 * last: there the operator is the seat's own ({@link Seat}, kept on the seat's computer), by default its login.
 */
public final class AuditLog {
    /** Setting key of the operator's name. */
    public static final String OPERATOR_KEY = "audit.operator";

    private final UnitOfWork uow;
    private final Clock clock;
    private final String fixedOperator;
    /** This seat's name on a shared ledger, or null: the ledger's setting names the operator. */
    private final Seat seat;
    private final AuditRepository repo;
    private final SettingsRepository settings;
    /** Rows not written yet ({@link #buffered}), or null: each row is written at once. */
    private final List<AuditEntry> buffer;
    /** The states of rows the buffered change wrote, known from its values ({@link #written}); null when unbuffered. */
    private final RowStates written;

    /**
     * Where one seat of a shared ledger keeps its operator's name: on its own computer, not in the ledger that every
     * seat shares.
     */
    public interface Seat {
        /** The name this seat set, or "" while none is. */
        String name();

        /** Sets this seat's name ("" : back to {@link #fallback}). */
        void setName(String name);

        /** The name used while none is set: the seat's login to the server, or the computer's login name. */
        String fallback();
    }

    public AuditLog(AuditRepository repo, SettingsRepository settings, UnitOfWork uow, Clock clock) {
        this(repo, settings, uow, clock, null, null, null);
    }

    private AuditLog(AuditRepository repo, SettingsRepository settings, UnitOfWork uow, Clock clock,
                     String fixedOperator, List<AuditEntry> buffer, Seat seat) {
        this.repo = repo;
        this.settings = settings;
        this.uow = uow;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fixedOperator = fixedOperator;
        this.buffer = buffer;
        this.written = buffer == null ? null : new RowStates();
        this.seat = seat;
    }

    /** The same log writing under a given name whatever the settings say (the sample data, scripted loads). */
    public AuditLog withOperator(String operator) {
        return new AuditLog(repo, settings, uow, clock, operator, null, seat);
    }

    /** The same log on another clock, keeping this one's seat (the sample's replay). */
    public AuditLog at(Clock other) {
        return new AuditLog(repo, settings, uow, other, null, null, seat);
    }

    /** The same log naming {@code seat}'s operator, not the ledger's setting: one seat of a shared ledger. */
    public AuditLog seatedAt(Seat seat) {
        return new AuditLog(repo, settings, uow, clock, fixedOperator, buffer, seat);
    }

    /** True when the operator is this seat's own name ({@link #seatedAt}) rather than the ledger's setting. */
    public boolean seated() {
        return seat != null && fixedOperator == null;
    }

    /**
     * For one change of many rows (an import): the operator is read once, and rows are kept until {@link #flush}
     * writes them in one batch. Flush inside the change's transaction, and before anything else audits, so the
     * rows keep their order.
     */
    public AuditLog buffered() {
        return new AuditLog(repo, settings, uow, clock, operator(), new java.util.ArrayList<>(), seat);
    }

    /** Writes the rows kept by a {@link #buffered} log. */
    public void flush() {
        if (buffer != null && !buffer.isEmpty()) {
            repo.appendAll(buffer, written);
            buffer.clear();
        }
    }

    /**
     * Where a {@link #buffered} log keeps the states of tracked rows the change has just written, known from the
     * values it bound, for the rows {@link #flush} writes about them (which then need not read each row back); null
     * for a log that writes each row at once.
     */
    public RowStates written() {
        return written;
    }

    public Clock clock() {
        return clock;
    }

    /** Today by the clock. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Who is making changes: the name from the settings, else the computer's login name. */
    public String operator() {
        if (fixedOperator != null) {
            return fixedOperator;
        }
        if (seat != null) {
            String name = seat.name();
            return name == null || name.isBlank() ? fallbackOperator() : name.strip();
        }
        return settings.get(OPERATOR_KEY).filter(s -> !s.isBlank()).orElseGet(AuditLog::defaultOperator);
    }

    /** The name set in the settings (or for this seat), or empty while none is (the default is used then). */
    public String configuredOperator() {
        if (fixedOperator != null) {
            return fixedOperator;
        }
        return seat != null ? seat.name() : settings.get(OPERATOR_KEY).orElse("");
    }

    /** The name used while none is set: this seat's login on a shared ledger, else the computer's login name. */
    public String fallbackOperator() {
        if (seat != null) {
            String f = seat.fallback();
            return f == null || f.isBlank() ? defaultOperator() : f;
        }
        return defaultOperator();
    }

    /** The computer's login name, used until a name is set. */
    public static String defaultOperator() {
        String user = System.getProperty("user.name", "");
        return user.isBlank() ? "?" : user;
    }

    /**
     * Sets the operator's name (blank: back to the login name). The change itself is audited. On a shared ledger it
     * is this seat's name, kept on its computer: the ledger's setting, which every seat shares, stays as it is.
     */
    public void setOperator(String name) {
        String value = name == null ? "" : name.strip();
        if (seated()) {
            seat.setName(value);
            return;
        }
        uow.inTransaction(() -> {
            String old = settings.get(OPERATOR_KEY).orElse("");
            settings.put(OPERATOR_KEY, value);
            changed(AuditEntity.SETTING, 0, null, null, OPERATOR_KEY, old, value);
            return null;
        });
    }

    /** Something was created; {@code summary} says what (e.g. the report's date, percent and text). */
    public void created(AuditEntity entity, long entityId, Long taskId, Long unitId, String summary) {
        append(entity, entityId, taskId, unitId, AuditAction.CREATE, "", null, summary);
    }

    /** A field changed; nothing is written when old and new are equal. */
    public void changed(AuditEntity entity, long entityId, Long taskId, Long unitId, String field, Object oldValue,
                        Object newValue) {
        String o = text(oldValue);
        String n = text(newValue);
        if (Objects.equals(o, n)) {
            return;
        }
        append(entity, entityId, taskId, unitId, AuditAction.UPDATE, field, o, n);
    }

    /** Something was deleted; {@code summary} keeps what it was. */
    public void deleted(AuditEntity entity, long entityId, Long taskId, Long unitId, String summary) {
        append(entity, entityId, taskId, unitId, AuditAction.DELETE, "", summary, null);
    }

    private void append(AuditEntity entity, long entityId, Long taskId, Long unitId, AuditAction action, String field,
                        String oldValue, String newValue) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        AuditEntry e = new AuditEntry(0, now, operator(), entity, entityId, taskId, unitId, action, field, oldValue,
                newValue);
        if (buffer != null) {
            buffer.add(e);
        } else {
            repo.append(e);
        }
    }

    private static String text(Object v) {
        return v == null ? null : v.toString();
    }

    /**
     * The message for a change refused because another seat changed the row since it was read ({@code stale}): who
     * changed it last and when, by the newest audit row about it, in this log's time zone. {@code what} names the
     * record (e.g. 第3项任务); {@code whatNext} is the bundle key of what the user is to do now. Throw it inside the
     * change's transaction: nothing of the change is kept.
     */
    public EditConflictException conflict(org.duban.persistence.StaleRowException stale, String what,
                                          String whatNext) {
        String next = org.duban.i18n.Messages.tr(whatNext);
        return repo.newest(stale.entity(), stale.entityId())
                .map(e -> new EditConflictException("edit.conflict.by", e.operator(), e.at(), what, e.operator(),
                        CONFLICT_TIME.format(e.at().atZone(clock.getZone())), next))
                .orElseGet(() -> new EditConflictException("edit.conflict.unknown", "", null, what, next));
    }

    private static final java.time.format.DateTimeFormatter CONFLICT_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A task's history, newest first. */
    public List<AuditEntry> history(long taskId) {
        return repo.findByTask(taskId);
    }
}
