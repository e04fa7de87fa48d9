package org.duban.service.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.DoubleConsumer;
import org.duban.i18n.LocalizedException;
import org.duban.model.AuditEntity;
import org.duban.model.ImportRun;
import org.duban.persistence.Database;
import org.duban.persistence.ImportRunRepository;
import org.duban.persistence.Repositories;
import org.duban.service.audit.AuditLog;
import org.duban.service.backup.BackupService;

/**
 * Undoing the last import: the backup taken just before it is restored, while nothing else was written since.
 * "Nothing since" is checked twice: the database's change count is where the import left it (only this program
 * writes while it holds the writer lock, so any later change of any table moves it), and the audit trail ends
 * with the import's last row. Otherwise the state says what was written since, and the backup is left for the user
 * to restore in Settings → 数据备份, knowing what it would take back.
 */
public final class ImportUndo {
    private final Database db;
    private final BackupService backups;
    private final ImportRunRepository runs;
    private final AuditLog audit;

    /** {@code db} only to tell whether anything was written since the import ({@link Database#changeCount}). */
    public ImportUndo(Repositories repos, Database db, AuditLog audit, BackupService backups) {
        this.audit = audit;
        this.db = db;
        this.backups = backups;
        this.runs = repos.importRuns();
    }

    /**
     * Whether an import can still be undone.
     *
     * @param backup       the backup taken before it, or null when none was taken (or it was deleted since)
     * @param writtenRows  audit rows written since the import (0 with {@code otherChanges} true: settings and the
     *                     like changed, which the audit trail does not all record)
     * @param lastAt       the newest of those rows' time (UTC, as stored), or null
     * @param lastOperator who wrote it, or null
     */
    public record State(boolean possible, Path backup, int writtenRows, boolean otherChanges, String lastAt,
                        String lastOperator) {
    }

    public State state(ImportResult result) {
        ImportRun run = result.run();
        Path backup = backupOf(run);
        long last = run.lastAuditId() == null ? 0 : run.lastAuditId();
        ImportRunRepository.WrittenSince since = runs.writtenSince(last);
        boolean moved = db.changeCount() != result.changeCount();
        boolean possible = backup != null && since.isEmpty() && !moved;
        return new State(possible, backup, since.rows(), moved && since.isEmpty(), since.lastAt(), since.lastOperator());
    }

    /**
     * Restores the backup taken before the import (the ledger as it is now is backed up first, as for every
     * restore), then notes in the restored ledger's audit trail that the import was undone.
     *
     * @throws LocalizedException when something was written since, or the backup is gone; nothing changes then
     */
    public Path undo(ImportResult result, DoubleConsumer progress) {
        State s = state(result);
        if (s.backup() == null) {
            throw new LocalizedException("import.undo.noBackup", result.run().fileName());
        }
        if (!s.possible()) {
            throw new LocalizedException("import.undo.writtenSince", s.backup().getFileName());
        }
        backups.restore(s.backup(), progress);
        audit.deleted(AuditEntity.IMPORT, result.run().id(), null, null,
                result.run().fileName() + " ← " + s.backup().getFileName());
        return s.backup();
    }

    private Path backupOf(ImportRun run) {
        if (run.backupFile().isEmpty()) {
            return null;
        }
        Path p = backups.folder().resolve(run.backupFile());
        return Files.isRegularFile(p) ? p : null;
    }
}
