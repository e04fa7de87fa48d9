package org.duban.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.duban.i18n.Messages;
import org.duban.model.Backup;
import org.duban.persistence.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code restore FILE [--other-ledger]}: replaces the ledger with a backup after checking it (and upgrading a copy of
 * an older one); the replaced ledger is kept in {@code backups/}. All or nothing. A backup of another ledger is
 * refused, naming both, unless {@code --other-ledger}.
 */
@Command(name = "restore", mixinStandardHelpOptions = true)
final class RestoreCommand implements Callable<Integer> {
    @ParentCommand
    DubanCommand parent;

    @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "restore.file")
    Path file;

    @Option(names = "--other-ledger", descriptionKey = "restore.otherLedger")
    boolean otherLedger;

    @Override
    public Integer call() {
        try (Database db = Database.openForRestore(parent.database())) {
            parent.warn(db.openingWarnings()); // a damaged log the restore is about to replace is kept and named
            Backup replaced = parent.services(db).backups().restore(file, done -> { }, otherLedger);
            parent.out().println(Messages.tr("cli.restore.done", db.file(), file.toAbsolutePath().normalize(),
                    replaced.file()));
        }
        return 0;
    }
}
