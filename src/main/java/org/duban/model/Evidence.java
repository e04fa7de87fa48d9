package org.duban.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A 佐证材料 file (photo, PDF, document) kept inside the database, so that one backup holds everything. This
 * record describes the file; its bytes are read only when the user saves it out.
 *
 * @param reportId   the progress report it came with, or null
 * @param closeOutId the close-out application it came with, or null
 */
public record Evidence(long id, long assignmentId, Long reportId, Long closeOutId, String fileName,
                       String mediaType, long sizeBytes, String sha256, Instant addedAt) {
    public Evidence {
        Objects.requireNonNull(fileName, "fileName");
        mediaType = mediaType == null ? "application/octet-stream" : mediaType;
    }
}
