package org.duban.app.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.duban.i18n.LocalizedException;
import org.duban.i18n.Messages;
import org.duban.persistence.Database;
import org.duban.service.ladder.DeskItem;
import org.duban.service.ladder.DeskService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code due --as-of DATE [--days N] [--json]}: the 督办工作台 as a list: overdue shares, shares falling due within N
 * days, late reports, close-outs to verify, 公示 ending, responses to notices due and the steps the ladder suggests.
 */
@Command(name = "due", mixinStandardHelpOptions = true)
final class DueCommand implements Callable<Integer> {
    @ParentCommand
    DubanCommand parent;

    @Option(names = "--as-of", paramLabel = "DATE", descriptionKey = "due.asOf", converter = StatsCommand.DateConverter.class)
    LocalDate asOf;

    @Option(names = "--days", paramLabel = "N", descriptionKey = "due.days")
    Integer days;

    @Option(names = "--json", descriptionKey = "json")
    boolean json;

    @Override
    public Integer call() {
        if (days != null && (days < 0 || days > 365)) {
            throw new LocalizedException("cli.due.error.days", days);
        }
        try (Database db = parent.openForReading()) {
            DeskService desk = parent.services(db).desk();
            LocalDate day = asOf == null ? desk.today() : asOf;
            int n = days == null ? desk.defaultDays() : days;
            List<DeskItem> items = desk.desk(day, n);
            PrintWriter out = parent.out();
            if (json) {
                out.print(Json.write(toJson(db, day, n, items)));
            } else {
                print(out, day, n, items);
            }
            out.flush();
        }
        return 0;
    }

    private static Map<String, Object> toJson(Database db, LocalDate day, int n, List<DeskItem> items) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("database", db.location());
        root.put("asOf", day.toString());
        root.put("days", n);
        Map<String, Object> counts = new LinkedHashMap<>();
        for (DeskItem.Kind k : DeskItem.Kind.values()) {
            counts.put(k.name(), items.stream().filter(i -> i.kind() == k).count());
        }
        root.put("counts", counts);
        List<Object> list = new ArrayList<>();
        for (DeskItem i : items) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", i.kind().name());
            m.put("day", i.day() == null ? null : i.day().toString());
            m.put("days", i.days());
            m.put("unit", i.unit());
            m.put("unitId", i.unitId());
            m.put("taskId", i.taskId());
            m.put("seq", i.seq());
            m.put("task", i.task());
            m.put("detail", i.detail());
            m.put("noticeId", i.noticeId());
            list.add(m);
        }
        root.put("items", list);
        return root;
    }

    private static void print(PrintWriter out, LocalDate day, int n, List<DeskItem> items) {
        out.println(Messages.tr("cli.due.head", day.toString(), n, items.size()));
        DeskItem.Kind current = null;
        for (DeskItem i : items) {
            if (i.kind() != current) {
                current = i.kind();
                long count = items.stream().filter(x -> x.kind() == i.kind()).count();
                out.println();
                out.println(Messages.tr("cli.due.section", Messages.tr("desk.kind." + current.name()), count));
            }
            StringBuilder line = new StringBuilder("  ");
            line.append(StatsCommand.pad(i.day() == null ? "" : i.day().toString(), 11));
            line.append(StatsCommand.pad(i.unit(), 20));
            line.append(StatsCommand.pad(i.seq() == null ? "" : String.valueOf(i.seq()), 5));
            line.append(i.task());
            if (!i.detail().isEmpty()) {
                line.append("  ").append(i.detail());
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
