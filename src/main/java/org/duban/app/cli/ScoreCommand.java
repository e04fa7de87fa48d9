package org.duban.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.duban.i18n.Messages;
import org.duban.persistence.Database;
import org.duban.service.Services;
import org.duban.service.score.ScoreEvent;
import org.duban.service.score.ScoreExport;
import org.duban.service.score.ScoreService;
import org.duban.service.score.UnitScore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code score --as-of DATE [--from DATE] [--json] [--out FILE.xlsx|.pdf]}: the units' 考评 scores over a period
 * (from 1 January of the as-of year by default), ranked, every point traceable to its event.
 */
@Command(name = "score", mixinStandardHelpOptions = true)
final class ScoreCommand implements Callable<Integer> {
    @ParentCommand
    DubanCommand parent;

    @Option(names = "--as-of", paramLabel = "DATE", required = true, descriptionKey = "score.asOf",
            converter = StatsCommand.DateConverter.class)
    LocalDate asOf;

    @Option(names = "--from", paramLabel = "DATE", descriptionKey = "score.from", converter = StatsCommand.DateConverter.class)
    LocalDate from;

    @Option(names = "--json", descriptionKey = "json")
    boolean json;

    @Option(names = "--out", paramLabel = "FILE", descriptionKey = "score.out")
    Path out;

    @Override
    public Integer call() {
        try (Database db = parent.openForReading()) {
            Services services = parent.services(db);
            ScoreService service = services.scores();
            LocalDate start = from == null ? asOf.withDayOfYear(1) : from;
            ScoreService.ScoreTable t = service.score(start, asOf);
            PrintWriter w = parent.out();
            if (out != null) {
                ScoreExport.write(t, out, services.handoutSettings().load().fonts());
            }
            if (json) {
                w.print(Json.write(toJson(t)));
            } else {
                w.println(Messages.tr("cli.score.head", t.from().toString(), t.asOf().toString(),
                        t.rules().effectiveFrom().toString()));
                for (UnitScore s : t.units()) {
                    w.println(StatsCommand.pad(String.valueOf(s.rank()), 4) + StatsCommand.pad(s.unit().name(), 22)
                            + StatsCommand.pad(s.total().toPlainString(), 8) + "+" + s.added().toPlainString()
                            + " -" + s.deducted().toPlainString() + "  (" + s.events().size() + ")");
                }
            }
            if (out != null) {
                w.println(Messages.tr("cli.score.done", out.toAbsolutePath()));
            }
            w.flush();
        }
        return 0;
    }

    private static Map<String, Object> toJson(ScoreService.ScoreTable t) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("from", t.from().toString());
        root.put("asOf", t.asOf().toString());
        root.put("rulesFrom", t.rules().effectiveFrom().toString());
        List<Object> units = new ArrayList<>();
        for (UnitScore s : t.units()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rank", s.rank());
            m.put("unit", s.unit().name());
            m.put("base", s.base().toPlainString());
            m.put("added", s.added().toPlainString());
            m.put("deducted", s.deducted().toPlainString());
            m.put("total", s.total().toPlainString());
            m.put("capped", s.capped());
            List<Object> events = new ArrayList<>();
            for (ScoreEvent e : s.events()) {
                Map<String, Object> em = new LinkedHashMap<>();
                em.put("rule", e.rule().name());
                em.put("day", e.day().toString());
                em.put("taskId", e.taskId());
                em.put("seq", e.seq());
                em.put("points", e.points().toPlainString());
                em.put("rulesFrom", e.rulesFrom().toString());
                em.put("text", e.text());
                events.add(em);
            }
            m.put("events", events);
            units.add(m);
        }
        root.put("units", units);
        return root;
    }
}
