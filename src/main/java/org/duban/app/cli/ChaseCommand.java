package org.duban.app.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.duban.i18n.LocalizedException;
import org.duban.i18n.Messages;
import org.duban.model.Notice;
import org.duban.model.NoticeLevel;
import org.duban.persistence.Database;
import org.duban.service.Services;
import org.duban.service.handout.FontPreference;
import org.duban.service.handout.HandoutFonts;
import org.duban.service.ladder.NoticeService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code chase --as-of DATE --out DIR [--level 1|2] [--unit NAME] [--draft]}: a 催办单 (level 1) or 督办通知书 (level
 * 2) to every unit that qualifies on the day, or to one unit, as PDF and .docx each plus a combined PDF for duplex
 * printing. Each notice is recorded with its 文号 (a draft has none).
 */
@Command(name = "chase", mixinStandardHelpOptions = true)
final class ChaseCommand implements Callable<Integer> {
    @ParentCommand
    DubanCommand parent;

    @Option(names = "--as-of", paramLabel = "DATE", required = true, descriptionKey = "chase.asOf",
            converter = StatsCommand.DateConverter.class)
    LocalDate asOf;

    @Option(names = "--out", paramLabel = "DIR", required = true, descriptionKey = "chase.out")
    Path out;

    @Option(names = "--level", paramLabel = "1|2", descriptionKey = "chase.level")
    int level = 1;

    @Option(names = "--unit", paramLabel = "NAME", descriptionKey = "chase.unit")
    String unit;

    @Option(names = "--draft", descriptionKey = "chase.draft")
    boolean draft;

    @Override
    public Integer call() {
        if (level != 1 && level != 2) {
            throw new LocalizedException("cli.chase.error.level", level);
        }
        QuickCompiler.request();
        HandoutFonts.preload(FontPreference.OFFICE);
        try (Database db = parent.openDatabase()) {
            Services services = parent.services(db);
            NoticeService service = services.notices();
            NoticeService.ChaseResult r = service.chase(asOf, NoticeLevel.of(level), unit, draft, out);
            String kind = Messages.tr("notice.doc.kind." + NoticeLevel.of(level).name());
            if (r.notices().isEmpty()) {
                parent.out().println(Messages.tr("cli.chase.none", asOf.toString(), kind));
            } else {
                for (Notice n : r.notices()) {
                    String name = services.repositories().units().findById(n.unitId()).map(u -> u.name())
                            .orElse("?");
                    parent.out().println(Messages.tr("cli.chase.line", n.draft() ? Messages.tr("cli.chase.draft")
                            : n.number(), name, n.shares().size(), n.responseDue().toString()));
                }
                parent.out().println(Messages.tr("cli.chase.done", r.notices().size(), kind,
                        out.toAbsolutePath(), r.combined().getFileName()));
            }
            parent.out().flush();
        }
        return 0;
    }
}
