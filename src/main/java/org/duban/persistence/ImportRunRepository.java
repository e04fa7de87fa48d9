package org.duban.persistence;

import java.util.Optional;
import org.duban.model.ImportRun;

/** The imports a ledger remembers ({@code import_run}), and where the audit trail stands. */
public final class ImportRunRepository {
    private static final String SELECT = "SELECT id, kind, file_name, meeting_id, imported_at, operator, backup_file, "
            + "first_audit_id, last_audit_id FROM import_run";
    private final Database db;

    public ImportRunRepository(Database db) {
        this.db = db;
    }

    /** Records an import as it starts (its last audit row is set by {@link #finish}). */
    public ImportRun insert(ImportRun run) {
        long id = db.update(h -> h.createQuery("INSERT INTO import_run (kind, file_name, meeting_id, imported_at, "
                        + "operator, backup_file, first_audit_id, last_audit_id) VALUES (:kind, :fileName, :meetingId, "
                        + ":importedAt, :operator, :backupFile, :firstAuditId, :lastAuditId) RETURNING id")
                .bindMethods(run)
                .mapTo(Long.class)
                .one());
        return new ImportRun(id, run.kind(), run.fileName(), run.meetingId(), run.importedAt(), run.operator(),
                run.backupFile(), run.firstAuditId(), run.lastAuditId());
    }

    /** Sets the audit rows an import wrote. */
    public ImportRun finish(ImportRun run, Long firstAuditId, Long lastAuditId) {
        db.update(h -> h.createUpdate("UPDATE import_run SET first_audit_id = :firstAuditId, "
                        + "last_audit_id = :lastAuditId WHERE id = :id")
                .bindByType("firstAuditId", firstAuditId, Long.class)
                .bindByType("lastAuditId", lastAuditId, Long.class)
                .bind("id", run.id())
                .execute());
        return new ImportRun(run.id(), run.kind(), run.fileName(), run.meetingId(), run.importedAt(),
                run.operator(), run.backupFile(), firstAuditId, lastAuditId);
    }

    public Optional<ImportRun> findById(long id) {
        return db.query(h -> h.createQuery(SELECT + " WHERE id = :id")
                .bind("id", id)
                .map(JdbiSupport.record(ImportRun.class))
                .findOne());
    }

    /** The newest import of a kind. */
    public Optional<ImportRun> latest(ImportRun.Kind kind) {
        return db.query(h -> h.createQuery(SELECT + " WHERE kind = :kind ORDER BY id DESC LIMIT 1")
                .bind("kind", kind)
                .map(JdbiSupport.record(ImportRun.class))
                .findOne());
    }

    /** The id of the newest audit row, 0 when the trail is empty. */
    public long lastAuditId() {
        return db.query(h -> h.createQuery("SELECT coalesce(max(id), 0) FROM audit_log")
                .mapTo(Long.class)
                .one());
    }

    /** What the audit trail holds after row {@code afterId}: how many rows, and the newest one's time and operator. */
    public record WrittenSince(int rows, String lastAt, String lastOperator, String lastEntity) {
        public boolean isEmpty() {
            return rows == 0;
        }
    }

    public WrittenSince writtenSince(long afterId) {
        return db.query(h -> h.createQuery("SELECT count(*), "
                        + "(SELECT at FROM audit_log WHERE id > :afterId ORDER BY id DESC LIMIT 1), "
                        + "(SELECT operator FROM audit_log WHERE id > :afterId ORDER BY id DESC LIMIT 1), "
                        + "(SELECT entity FROM audit_log WHERE id > :afterId ORDER BY id DESC LIMIT 1) "
                        + "FROM audit_log WHERE id > :afterId")
                .bind("afterId", afterId)
                .map((rs, ctx) -> new WrittenSince(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .one());
    }
}
