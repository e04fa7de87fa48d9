package org.duban.app.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.duban.app.LedgerOpener;
import org.duban.i18n.Messages;
import org.duban.persistence.ContentDigest;
import org.duban.persistence.Database;
import org.duban.service.Services;
import org.duban.service.generate.LedgerGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code generate --tasks N --reports M [--seed S] [--as-of DATE] [--xlsx FILE] [--json]}: adds a generated
 * meeting of realistic tasks to the database (for measuring at scale), and with {@code --xlsx} writes the same
 * ledger as an import file.
 */
@Command(name = "generate", mixinStandardHelpOptions = true)
final class GenerateCommand implements Callable<Integer> {
    @ParentCommand
    DubanCommand parent;

    @Option(names = "--tasks", paramLabel = "N", required = true, descriptionKey = "generate.tasks")
    int tasks;

    @Option(names = "--reports", paramLabel = "M", required = true, descriptionKey = "generate.reports")
    int reports;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", descriptionKey = "generate.seed")
    long seed;

    @Option(names = "--as-of", paramLabel = "DATE", converter = StatsCommand.DateConverter.class,
            descriptionKey = "generate.asOf")
    LocalDate asOf;

    @Option(names = "--xlsx", paramLabel = "FILE", descriptionKey = "generate.xlsx")
    Path xlsx;

    @Option(names = "--json", descriptionKey = "json")
    boolean json;

    @Override
    public Integer call() {
        LedgerGenerator.Options options = new LedgerGenerator.Options(tasks, reports, seed,
                asOf == null ? parent.today() : asOf);
        try (Database db = parent.openDatabase(LedgerOpener.Creation.IF_MISSING)) {
            long start = System.nanoTime();
            Services services = parent.services(db);
            LedgerGenerator.Result r = new LedgerGenerator(services).generate(options, LedgerGenerator.Progress.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (xlsx != null) {
                services.ledgerExporter().export(r.meeting(), xlsx);
            }
            String digest = ContentDigest.sha256(db);
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("database", db.location());
                m.put("meeting", r.meeting().id());
                m.put("seed", seed);
                m.put("asOf", options.asOf().toString());
                m.put("tasks", r.tasks());
                m.put("assignments", r.assignments());
                m.put("reports", r.reports());
                m.put("milestones", r.milestones());
                m.put("closeOuts", r.closeOuts());
                m.put("closed", r.closed());
                m.put("supervised", r.supervised());
                m.put("seconds", Math.round(seconds * 100) / 100.0);
                m.put("xlsx", xlsx == null ? null : xlsx.toAbsolutePath().toString());
                m.put("sha256", digest);
                parent.out().print(Json.write(m));
            } else {
                parent.out().println(Messages.tr("cli.generate.done", r.tasks(), r.assignments(), r.reports(),
                        r.milestones(), r.closeOuts(), r.closed(), r.supervised(), r.meeting().id(),
                        String.format("%.1f", seconds), db.file()));
                if (xlsx != null) {
                    parent.out().println(Messages.tr("cli.generate.xlsx", xlsx.toAbsolutePath()));
                }
                parent.out().println(Messages.tr("cli.generate.digest", digest));
            }
            parent.out().flush();
        }
        return 0;
    }
}
