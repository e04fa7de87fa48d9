package org.duban.service.importer;

import java.nio.file.Path;
import org.duban.model.Task;
import org.duban.service.audit.AuditLog;

/**
 * Where other capabilities join an import. Both methods do nothing by default.
 *
 * <p>{@link #beforeImport} runs before anything is written, outside the import's transaction: the place for
 * a "backup before import" (backups, issue 10).
 *
 * <p>{@link #supervision} is THE single place where the 挂牌督办 flag found in 备注 is to be written once
 * tracking (issue 3) adds the flag to the model: it runs inside the import's transaction for every task
 * that is added or updated, so writing the flag there lands with the tasks or not at all.
 */
public interface ImportHooks {
    ImportHooks NONE = new ImportHooks() {
    };

    /**
     * Before the transaction starts. Throwing stops the import with nothing written.
     *
     * @return the backup taken of the ledger, which undoing the import restores; null when none was taken
     */
    default Path beforeImport(Path file) {
        return null;
    }

    /**
     * Inside the transaction, after {@code task} (with its id) was stored.
     *
     * @param supervised whether the row's 备注 says 挂牌督办
     */
    default void supervision(Task task, boolean supervised) {
    }

    /**
     * {@link #supervision(Task, boolean)} within an import whose audit rows {@code batch} keeps until the importer
     * flushes it: a hook that audits through {@code batch} keeps the trail in order without the import writing its
     * rows so far first (446 extra writes of the trail for the bench's 10,000-row list, issue 24). By default the rows
     * so far are written (when {@code supervised}), then {@link #supervision(Task, boolean)} runs.
     */
    default void supervision(Task task, boolean supervised, AuditLog batch) {
        if (supervised) {
            batch.flush(); // the task's own rows before its supervision's
        }
        supervision(task, supervised);
    }

    /**
     * {@link #supervision(Task, boolean, AuditLog)}, saying whether the import has just added {@code task}
     * ({@code added}): a hook need not ask whether such a task is supervised already. By default the same.
     */
    default void supervision(Task task, boolean supervised, boolean added, AuditLog batch) {
        supervision(task, supervised, batch);
    }
}
