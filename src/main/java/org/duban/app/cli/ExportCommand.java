package org.duban.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.duban.i18n.Messages;
import org.duban.model.Meeting;
import org.duban.persistence.Database;
import org.duban.service.ledger.LedgerExporter;
import org.duban.service.returns.ReturnFormWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

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
            try (Database db = export.parent.openDatabase()) {
                Meeting m = CliMeetings.resolve(db, meetingId);
                int n = new LedgerExporter(db).export(m, out);
                export.parent.out().println(Messages.tr("cli.export.ledger.done", n, m.title(), out.toAbsolutePath()));
            }
            return 0;
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
            try (Database db = export.parent.openDatabase()) {
                Meeting m = CliMeetings.resolve(db, meetingId);
                List<Path> files = new ReturnFormWriter(db).writeAll(m, dir);
                export.parent.out().println(Messages.tr("cli.export.returns.done", files.size(), m.title(),
                        dir.toAbsolutePath()));
            }
            return 0;
        }
    }
}
