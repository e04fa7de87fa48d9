package org.duban.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.duban.model.Evidence;

/** 佐证材料 files, stored as BLOBs. Lists read only the description; {@link #content} reads the bytes. */
public final class EvidenceRepository {
    private static final String SELECT = "SELECT id, assignment_id, report_id, close_out_id, file_name, media_type, "
            + "size_bytes, sha256, added_at FROM evidence";
    private final Database db;

    public EvidenceRepository(Database db) {
        this.db = db;
    }

    public List<Evidence> find(TaskScope scope) {
        return db.read(c -> Rows.scoped(c, SELECT, scope.onAssignment("assignment_id"), scope,
                "assignment_id, id", EvidenceRepository::map));
    }

    public Optional<Evidence> findById(long id) {
        return db.read(c -> Rows.byId(c, SELECT, id, EvidenceRepository::map));
    }

    /** Stores a file's description and bytes. */
    public Evidence insert(Evidence e, byte[] content) {
        return db.write(c -> {
            try (PreparedStatement ps = Rows.prepareInsert(c, "INSERT INTO evidence (assignment_id, report_id, "
                    + "close_out_id, file_name, media_type, size_bytes, sha256, content, added_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, e.assignmentId());
                Rows.setLong(ps, 2, e.reportId());
                Rows.setLong(ps, 3, e.closeOutId());
                ps.setString(4, e.fileName());
                ps.setString(5, e.mediaType());
                ps.setLong(6, content.length);
                ps.setString(7, e.sha256());
                ps.setBytes(8, content);
                ps.setString(9, e.addedAt().toString());
                long id = Rows.insert(ps);
                return new Evidence(id, e.assignmentId(), e.reportId(), e.closeOutId(), e.fileName(), e.mediaType(),
                        content.length, e.sha256(), e.addedAt());
            }
        });
    }

    /** The file's bytes. */
    public Optional<byte[]> content(long id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT content FROM evidence WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    public void delete(long id) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM evidence WHERE id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate();
            }
        });
    }

    private static Evidence map(ResultSet rs) throws SQLException {
        return new Evidence(rs.getLong(1), rs.getLong(2), Rows.nullableLong(rs, 3), Rows.nullableLong(rs, 4),
                rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8), Rows.instant(rs, 9));
    }
}
