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
import org.duban.persistence.SettingsRepository;
import org.duban.persistence.UnitOfWork;

/**
 * Writes the audit trail (留痕): each change with time, operator, what changed, old and new value. Services
 * call it inside their own unit of work, so a change and its audit rows land together or not at all.
 *
 * <p>The clock is also where every service gets "today", so that tests (and the sample, which replays a year
 * of work) fix it. The operator is the name set in the settings, by default the login name of the computer.
 */
public final class AuditLog {
    /** Setting key of the operator's name. */
    public static final String OPERATOR_KEY = "audit.operator";

    private final UnitOfWork uow;
    private final Clock clock;
    private final String fixedOperator;
    private final AuditRepository repo;
    private final SettingsRepository settings;
    /** Rows not written yet ({@link #buffered}), or null: each row is written at once. */
    private final List<AuditEntry> buffer;

    public AuditLog(AuditRepository repo, SettingsRepository settings, UnitOfWork uow, Clock clock) {
        this(repo, settings, uow, clock, null, null);
    }

    private AuditLog(AuditRepository repo, SettingsRepository settings, UnitOfWork uow, Clock clock,
                     String fixedOperator, List<AuditEntry> buffer) {
        this.repo = repo;
        this.settings = settings;
        this.uow = uow;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fixedOperator = fixedOperator;
        this.buffer = buffer;
    }

    /** The same log writing under a given name whatever the settings say (the sample data, scripted loads). */
    public AuditLog withOperator(String operator) {
        return new AuditLog(repo, settings, uow, clock, operator, null);
    }

    /**
     * For one change of many rows (an import): the operator is read once, and rows are kept until {@link #flush}
     * writes them in one batch. Flush inside the change's transaction, and before anything else audits, so the
     * rows keep their order.
     */
    public AuditLog buffered() {
        return new AuditLog(repo, settings, uow, clock, operator(), new java.util.ArrayList<>());
    }

    /** Writes the rows kept by a {@link #buffered} log. */
    public void flush() {
        if (buffer != null && !buffer.isEmpty()) {
            repo.appendAll(buffer);
            buffer.clear();
        }
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
        return settings.get(OPERATOR_KEY).filter(s -> !s.isBlank()).orElseGet(AuditLog::defaultOperator);
    }

    /** The name set in the settings, or empty while none is (the login name is used then). */
    public String configuredOperator() {
        return fixedOperator != null ? fixedOperator : settings.get(OPERATOR_KEY).orElse("");
    }

    /** The computer's login name, used until a name is set. */
    public static String defaultOperator() {
        String user = System.getProperty("user.name", "");
        return user.isBlank() ? "?" : user;
    }

    /** Sets the operator's name (blank: back to the login name). The change itself is audited. */
    public void setOperator(String name) {
        String value = name == null ? "" : name.strip();
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
