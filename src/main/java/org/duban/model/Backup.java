package org.duban.model;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One backup copy of a ledger in its {@code backups/} folder.
 *
 * @param file    the copy (a complete SQLite database on its own)
 * @param takenAt when it was taken (local time, from the file name)
 * @param reason  why it was taken
 * @param size    bytes on disk
 */
public record Backup(Path file, LocalDateTime takenAt, BackupReason reason, long size) {
    public Backup {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(reason, "reason");
    }
}
