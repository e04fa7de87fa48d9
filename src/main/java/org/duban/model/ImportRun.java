package org.duban.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One import of a task list or of return forms, as the ledger remembers it: the file, the meeting it went into,
 * who and when, the backup taken just before it, and the audit rows it wrote. Withdrawn shares name the import
 * that withdrew them; the last import can be undone by restoring its backup while nothing else was written since.
 *
 * @param meetingId    the meeting imported into, or null (return forms of several meetings)
 * @param backupFile   the file name of the backup taken before the import, "" when none was taken
 * @param firstAuditId the first audit row the import wrote (null before it wrote any)
 * @param lastAuditId  the last audit row it wrote (null while it runs)
 */
public record ImportRun(long id, Kind kind, String fileName, Long meetingId, Instant importedAt, String operator,
                        String backupFile, Long firstAuditId, Long lastAuditId) {
    public enum Kind { TASKS, RETURNS }

    public ImportRun {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(importedAt, "importedAt");
        Objects.requireNonNull(operator, "operator");
        backupFile = backupFile == null ? "" : backupFile;
    }
}
