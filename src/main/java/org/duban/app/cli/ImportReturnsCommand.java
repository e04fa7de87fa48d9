package org.duban.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.duban.i18n.Messages;
import org.duban.persistence.Database;
import org.duban.service.Services;
import org.duban.service.importer.ImportProblem;
import org.duban.service.returns.ReturnProblem;
import org.duban.service.returns.ReturnsCheck;
import org.duban.service.returns.ReturnsImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code import-returns PATH [--dry-run] [--json]}: reads filled return forms (a file or a folder), checks
 * every row, and records them as progress reports, all or none.
 */
@Command(name = "import-returns", mixinStandardHelpOptions = true)
final class ImportReturnsCommand implements Callable<Integer> {
    @ParentCommand
    DubanCommand parent;

    @Parameters(paramLabel = "PATH", descriptionKey = "importReturns.path")
    Path path;

    @Option(names = "--dry-run", descriptionKey = "importReturns.dryRun")
    boolean dryRun;

    @Option(names = "--json", descriptionKey = "json")
    boolean json;

    @Override
    public Integer call() {
        try (Database db = parent.openDatabase()) {
            Services services = parent.services(db);
            ReturnsImporter importer = services.returns();
            ReturnsCheck check = importer.check(path, services.today());
            PrintWriter out = parent.out();
            if (json) {
                Map<String, Object> root = new LinkedHashMap<>();
                root.put("files", new ArrayList<Object>(check.files()));
                root.put("rows", check.entries().size());
                root.put("alreadyImported", check.already().size());
                root.put("errors", problems(check.errors()));
                root.put("warnings", problems(check.warnings()));
                out.print(Json.write(root));
            } else {
                out.println(Messages.tr("cli.returns.totals", check.files().size(), check.entries().size()));
                if (!check.already().isEmpty()) {
                    out.println(Messages.tr("returns.already", check.already().size()));
                }
                printProblems(out, "cli.import.errors", check.errors());
                printProblems(out, "cli.import.warnings", check.warnings());
            }
            out.flush();
            if (check.hasErrors()) {
                return 1;
            }
            if (dryRun) {
                return 0;
            }
            int n = importer.apply(check, services.progressReports());
            out.println(Messages.tr("cli.returns.done", n));
        }
        return 0;
    }

    private static void printProblems(PrintWriter out, String key, List<ReturnProblem> list) {
        if (list.isEmpty()) {
            return;
        }
        out.println(Messages.tr(key, list.size()));
        for (ReturnProblem p : list) {
            out.println("  " + ProblemText.where(p.problem(), p.file()) + p.problem().message());
        }
    }

    private static List<Object> problems(List<ReturnProblem> list) {
        List<Object> result = new ArrayList<>();
        for (ReturnProblem p : list) {
            List<ImportProblem> one = List.of(p.problem());
            result.addAll(ProblemText.json(one, p.file()));
        }
        return result;
    }
}
