package org.duban.app.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.duban.i18n.Messages;
import org.duban.persistence.AuditChain;
import org.duban.persistence.Database;
import org.duban.service.check.AnchorCheck;
import org.duban.service.check.CheckReport;
import org.duban.service.check.CheckService;
import org.duban.service.check.Finding;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code check}: SQLite's integrity check and the program's own consistency rules, as a report. Reads only.
 * Exit 0 when the ledger is clean, 1 when something is wrong.
 */
@Command(name = "check", mixinStandardHelpOptions = true)
final class CheckCommand implements Callable<Integer> {
    @ParentCommand
    DubanCommand parent;

    @picocli.CommandLine.Option(names = "--anchor", paramLabel = "HEAD", descriptionKey = "check.anchor")
    String anchor;

    @Override
    public Integer call() {
        try (Database db = parent.openReadOnlyForCheck()) {
            db.requireCurrentSchema();
            CheckService service = parent.services(db).checks();
            List<org.duban.service.check.LedgerCheck> checks = new java.util.ArrayList<>(service.checks());
            if (anchor != null) {
                checks.add(new AnchorCheck(AnchorCheck.parse(anchor)));
            }
            CheckReport report = service.with(checks).run();
            PrintWriter out = parent.out();
            out.println(Messages.tr("cli.check.header", db.location(), db.schemaVersion()));
            for (CheckReport.Result r : report.results()) {
                out.println(Messages.tr(r.ok() ? "cli.check.ok" : "cli.check.failed", Messages.tr(r.titleKey()),
                        r.findings().size()));
                for (Finding f : r.findings()) {
                    out.println(Messages.tr("cli.check.finding", f.text()));
                }
            }
            // a damaged log left by a crash lost saved changes on this very opening: SQLite's checks cannot see them
            List<String> log = db.openingWarnings();
            if (!log.isEmpty()) {
                out.println(Messages.tr("cli.check.failed", Messages.tr("cli.check.openingLog"), log.size()));
                log.forEach(w -> out.println(Messages.tr("cli.check.finding", w)));
            }
            int problems = report.problems() + log.size();
            AuditChain.Head head = AuditChain.head(db);
            out.println(Messages.tr("audit.head.label", head.shortHash(), head.row()));
            out.println(problems == 0 ? Messages.tr("cli.check.clean") : Messages.tr("cli.check.problems", problems));
            out.flush();
            return problems == 0 ? 0 : 1;
        }
    }
}
