package org.duban.app.cli;

import java.util.concurrent.Callable;
import org.duban.app.LedgerOpener;
import org.duban.i18n.Messages;
import org.duban.model.Meeting;
import org.duban.persistence.Database;
import org.duban.service.Services;
import org.duban.service.sample.SampleMeeting;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code sample}: adds the 19 March 2026 sample meeting and its tasks. */
@Command(name = "sample", mixinStandardHelpOptions = true)
final class SampleCommand implements Callable<Integer> {
    @ParentCommand
    DubanCommand parent;

    @Override
    public Integer call() {
        try (Database db = parent.openDatabase(LedgerOpener.Creation.IF_MISSING)) {
            Services services = parent.services(db);
            Meeting m = SampleMeeting.load(services);
            int tasks = services.repositories().tasks().findByMeeting(m.id()).size();
            parent.out().println(Messages.tr("cli.sample.done", m.title(), m.id(), tasks, db.location()));
        }
        return 0;
    }
}
