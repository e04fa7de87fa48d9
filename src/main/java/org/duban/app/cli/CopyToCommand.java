package org.duban.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.duban.i18n.LocalizedException;
import org.duban.i18n.Messages;
import org.duban.persistence.AuditChain;
import org.duban.persistence.Database;
import org.duban.persistence.LedgerCopy;
import org.duban.persistence.postgresql.PostgresOpening;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code copy-to TARGET}: the whole ledger ({@code --db}, a file or a shared ledger) copied by {@link LedgerCopy} into
 * a new place: an empty PostgreSQL database ({@code postgresql://host:port/db}, credentials from the password file)
 * or a database file that does not exist yet. All or nothing; a file it made for a copy that failed is removed, an
 * existing file is never touched. Prints the rows per table and the copy's audit head.
 */
@Command(name = "copy-to", mixinStandardHelpOptions = true)
final class CopyToCommand implements Callable<Integer> {
    @ParentCommand
    DubanCommand parent;

    @Parameters(index = "0", paramLabel = "TARGET", descriptionKey = "copyTo.target")
    String target;

    @Override
    public Integer call() {
        boolean toServer = PostgresOpening.isServerUrl(target);
        Path file = toServer ? null : Path.of(target).toAbsolutePath();
        if (file != null && (Files.exists(file) || Files.exists(Path.of(file + "-wal")))) {
            throw new LocalizedException("cli.copyTo.exists", file);
        }
        try (Database source = parent.openForReading()) {
            source.requireCurrentSchema();
            if (file != null && file.equals(source.file() == null ? null : source.file().toAbsolutePath())) {
                throw new LocalizedException("cli.copyTo.same", file);
            }
            boolean copied = false;
            if (file != null) {
                claim(file);
            }
            try {
                try (Database copy = toServer ? DubanCommand.connect(target) : Database.create(file)) {
                    Map<String, Long> counts = LedgerCopy.copy(source, copy);
                    AuditChain.Head head = AuditChain.head(copy);
                    copied = true;
                    PrintWriter out = parent.out();
                    out.println(Messages.tr("cli.copyTo.header", source.location(), copy.location()));
                    long rows = 0;
                    for (Map.Entry<String, Long> e : counts.entrySet()) {
                        out.println(Messages.tr("cli.copyTo.table", e.getKey(), e.getValue()));
                        rows += e.getValue();
                    }
                    out.println(Messages.tr("cli.copyTo.total", counts.size(), rows));
                    out.println(Messages.tr("audit.head.label", head.shortHash(), head.row()));
                    out.flush();
                }
            } finally {
                if (!copied && file != null) {
                    removeFailedCopy(file);
                }
            }
        }
        return 0;
    }

    /**
     * Makes the target file empty and ours in one step (it fails when the file appeared since the check), so that
     * a copy that does not land only ever removes a file this command made.
     */
    private static void claim(Path file) {
        try {
            Files.createFile(file);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new LocalizedException("cli.copyTo.exists", file);
        } catch (IOException e) {
            // an unwritable folder: opening the new ledger just after says so in the user's words
        }
    }

    /** The file this command made for a copy that did not land, with its sidecars: nothing half-made is left. */
    private static void removeFailedCopy(Path file) {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            try {
                Files.deleteIfExists(Path.of(file + suffix));
            } catch (IOException e) {
                // left for the user; the copy already failed with its own message
            }
        }
    }
}
