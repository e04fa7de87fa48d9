package org.duban.persistence;

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
        return db.query(h -> JdbiSupport.scoped(h, SELECT, scope.onAssignment("assignment_id"), scope,
                "assignment_id, id", Evidence.class));
    }

    public Optional<Evidence> findById(long id) {
        return db.query(h -> h.createQuery(SELECT + " WHERE id = :id")
                .bind("id", id)
                .map(JdbiSupport.record(Evidence.class))
                .findOne());
    }

    /** Stores a file's description and bytes; the description returned has its new id and the bytes' size. */
    public Evidence insert(Evidence e, byte[] content) {
        long id = db.update(h -> h.createQuery("INSERT INTO evidence (assignment_id, report_id, close_out_id, "
                        + "file_name, media_type, size_bytes, sha256, content, added_at) VALUES (:assignmentId, "
                        + ":reportId, :closeOutId, :fileName, :mediaType, :size, :sha256, :content, :addedAt) "
                        + "RETURNING id")
                .bindMethods(e)
                .bind("size", (long) content.length)
                .bind("content", content)
                .mapTo(Long.class)
                .one());
        return new Evidence(id, e.assignmentId(), e.reportId(), e.closeOutId(), e.fileName(), e.mediaType(),
                content.length, e.sha256(), e.addedAt());
    }

    /** The file's bytes. */
    public Optional<byte[]> content(long id) {
        return db.query(h -> h.createQuery("SELECT content FROM evidence WHERE id = :id")
                .bind("id", id)
                .mapTo(byte[].class)
                .findOne());
    }

    public void delete(long id) {
        db.update(h -> h.createUpdate("DELETE FROM evidence WHERE id = :id")
                .bind("id", id)
                .execute());
    }
}
