package org.duban.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.duban.i18n.Messages;
import org.duban.model.Meeting;
import org.duban.persistence.Database;
import org.duban.service.Services;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine;

/** {@code export ledger OUT.xlsx} and {@code export returns DIR}. */
@Command(name = "export", mixinStandardHelpOptions = true,
        subcommands = {ExportCommand.Ledger.class, ExportCommand.Returns.class})
final class ExportCommand implements Callable<Integer> {
    @ParentCommand
    DubanCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), Messages.tr("cli.export.what"));
    }

    /**
     * Opens the database (for reading only when {@code readOnly}: then it runs while a window has the ledger), finds
     * the meeting, exports, and prints the line {@code work} returns.
     */
    int run(Long meetingId, boolean readOnly, java.util.function.BiFunction<Services, Meeting, String> work) {
        try (Database db = readOnly ? parent.openForReading() : parent.openDatabase()) {
            Services services = parent.services(db);
            parent.out().println(work.apply(services, CliMeetings.resolve(services.meetings(), meetingId)));
        }
        return 0;
    }

    /** {@code export ledger OUT.xlsx [--meeting ID]}. */
    @Command(name = "ledger", mixinStandardHelpOptions = true)
    static final class Ledger implements Callable<Integer> {
        @ParentCommand
        ExportCommand export;

        @Parameters(paramLabel = "OUT.xlsx", descriptionKey = "export.ledger.out")
        Path out;

        @Option(names = "--meeting", paramLabel = "ID", descriptionKey = "export.meeting")
        Long meetingId;

        @Override
        public Integer call() {
            return export.run(meetingId, true, (s, m) -> Messages.tr("cli.export.ledger.done",
                    s.ledgerExporter().export(m, out), m.title(), out.toAbsolutePath()));
        }
    }

    /** {@code export returns DIR [--meeting ID]}: one return form per unit. */
    @Command(name = "returns", mixinStandardHelpOptions = true)
    static final class Returns implements Callable<Integer> {
        @ParentCommand
        ExportCommand export;

        @Parameters(paramLabel = "DIR", descriptionKey = "export.returns.dir")
        Path dir;

        @Option(names = "--meeting", paramLabel = "ID", descriptionKey = "export.meeting")
        Long meetingId;

        @Override
        public Integer call() {
            return export.run(meetingId, false, (s, m) -> Messages.tr("cli.export.returns.done",
                    s.returnForms().writeAll(m, dir).size(), m.title(), dir.toAbsolutePath()));
        }
    }
}
