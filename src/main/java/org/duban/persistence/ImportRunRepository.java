package org.duban.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
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
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO import_run (kind, file_name, meeting_id, "
                    + "imported_at, operator, backup_file, first_audit_id, last_audit_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, run.kind().name());
                ps.setString(2, run.fileName());
                Rows.setLong(ps, 3, run.meetingId());
                ps.setString(4, run.importedAt().toString());
                ps.setString(5, run.operator());
                ps.setString(6, run.backupFile());
                Rows.setLong(ps, 7, run.firstAuditId());
                Rows.setLong(ps, 8, run.lastAuditId());
                long id = Rows.insert(ps);
                return new ImportRun(id, run.kind(), run.fileName(), run.meetingId(), run.importedAt(), run.operator(),
                        run.backupFile(), run.firstAuditId(), run.lastAuditId());
            }
        });
    }

    /** Sets the audit rows an import wrote. */
    public ImportRun finish(ImportRun run, Long firstAuditId, Long lastAuditId) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE import_run SET first_audit_id = ?, last_audit_id = ? WHERE id = ?")) {
                Rows.setLong(ps, 1, firstAuditId);
                Rows.setLong(ps, 2, lastAuditId);
                ps.setLong(3, run.id());
                ps.executeUpdate();
            }
            return new ImportRun(run.id(), run.kind(), run.fileName(), run.meetingId(), run.importedAt(),
                    run.operator(), run.backupFile(), firstAuditId, lastAuditId);
        });
    }

    public Optional<ImportRun> findById(long id) {
        return db.read(c -> Rows.byId(c, SELECT, id, ImportRunRepository::map));
    }

    /** The newest import of a kind. */
    public Optional<ImportRun> latest(ImportRun.Kind kind) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE kind = ? ORDER BY id DESC LIMIT 1")) {
                ps.setString(1, kind.name());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(map(rs)) : Optional.empty();
                }
            }
        });
    }

    /** The id of the newest audit row, 0 when the trail is empty. */
    public long lastAuditId() {
        return db.read(c -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT coalesce(max(id), 0) FROM audit_log")) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        });
    }

    /** What the audit trail holds after row {@code afterId}: how many rows, and the newest one's time and operator. */
    public record WrittenSince(int rows, String lastAt, String lastOperator, String lastEntity) {
        public boolean isEmpty() {
            return rows == 0;
        }
    }

    public WrittenSince writtenSince(long afterId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*), (SELECT at FROM audit_log WHERE id > ?1 "
                    + "ORDER BY id DESC LIMIT 1), (SELECT operator FROM audit_log WHERE id > ?1 ORDER BY id DESC LIMIT 1), "
                    + "(SELECT entity FROM audit_log WHERE id > ?1 ORDER BY id DESC LIMIT 1) "
                    + "FROM audit_log WHERE id > ?1")) {
                ps.setLong(1, afterId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new WrittenSince(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4));
                }
            }
        });
    }

    private static ImportRun map(ResultSet rs) throws java.sql.SQLException {
        return new ImportRun(rs.getLong(1), ImportRun.Kind.valueOf(rs.getString(2)), rs.getString(3),
                Rows.nullableLong(rs, 4), Rows.instant(rs, 5), rs.getString(6), rs.getString(7),
                Rows.nullableLong(rs, 8), Rows.nullableLong(rs, 9));
    }
}
