package org.duban.service.importer;

import java.nio.file.Path;
import org.duban.model.Task;

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
}
