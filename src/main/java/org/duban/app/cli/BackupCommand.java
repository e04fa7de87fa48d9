package org.duban.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.duban.i18n.Messages;
import org.duban.persistence.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code backup FILE}: a consistent copy of the ledger at FILE (never over an existing file). Reads only, so it
 * works while the window has the ledger open. A shared ledger ({@code --db postgresql://…}) is backed up as a SQLite
 * copy of it: a ledger file that opens on any seat.
 */
@Command(name = "backup", mixinStandardHelpOptions = true)
final class BackupCommand implements Callable<Integer> {
    @ParentCommand
    DubanCommand parent;

    @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "backup.file")
    Path file;

    @Override
    public Integer call() throws Exception {
        try (Database db = parent.openReadOnly()) {
            parent.services(db).backups().backupTo(file);
            Path written = file.toAbsolutePath().normalize();
            parent.out().println(Messages.tr("cli.backup.done", db.location(), written, Files.size(written)));
            // the head the copy holds, read from it: written down with the copy, it proves later that the copy was
            // not rebuilt
            parent.services(db).backups().headOf(written).ifPresent(head ->
                    parent.out().println(Messages.tr("audit.head.label", head.shortHash(), head.row())));
        }
        return 0;
    }
}
