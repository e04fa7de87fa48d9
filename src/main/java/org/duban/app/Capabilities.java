package org.duban.app;

import java.nio.file.Path;
import java.util.Optional;
import org.duban.model.BackupReason;
import org.duban.persistence.Database;
import org.duban.service.backup.BackupService;
import org.duban.service.importer.ImportHooks;
import org.duban.service.returns.ProgressSink;

/**
 * Where capabilities that arrive on other branches plug into import and returns, for the window and the
 * command line alike. Wire them here, once:
 * <ul>
 *   <li>backups: a copy of the ledger before every import ({@link ImportHooks#beforeImport});</li>
 *   <li>tracking (issue 3): the 挂牌督办 flag in {@link ImportHooks#supervision}, and a {@link ProgressSink}
 *       that turns checked return-form rows into progress reports.</li>
 * </ul>
 */
public final class Capabilities {
    private Capabilities() {
    }

    /** Hooks run by every task import (not by a dry run, which writes nothing). */
    public static ImportHooks importHooks(Database db) {
        return new ImportHooks() {
            @Override
            public void beforeImport(Path file) {
                new BackupService(db).backupBefore(BackupReason.IMPORT);
            }
        };
    }

    /** Where return-form rows become progress reports; empty until tracking provides progress reports. */
    public static Optional<ProgressSink> progressSink(Database db) {
        return Optional.empty();
    }
}
