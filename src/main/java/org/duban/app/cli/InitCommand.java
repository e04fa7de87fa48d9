package org.duban.app.cli;

import java.util.concurrent.Callable;
import org.duban.app.LedgerOpener;
import org.duban.i18n.LocalizedException;
import org.duban.i18n.Messages;
import org.duban.persistence.Database;
import org.duban.service.units.RosterService;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code init}: a new database with the default roster only. */
@Command(name = "init", mixinStandardHelpOptions = true)
final class InitCommand implements Callable<Integer> {
    @ParentCommand
    DubanCommand parent;

    @Override
    public Integer call() {
        try (Database db = parent.openDatabase(LedgerOpener.Creation.IF_MISSING_OR_EMPTY)) {
            RosterService roster = parent.services(db).roster();
            int added = roster.ensureDefaultRoster();
            if (added == 0) {
                throw new LocalizedException("cli.init.exists", db.location(), roster.all().size());
            }
            parent.out().println(Messages.tr("cli.init.done", db.location(), added));
        }
        return 0;
    }
}
