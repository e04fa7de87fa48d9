package org.duban.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.duban.i18n.LocalizedException;
import org.duban.i18n.Messages;
import org.duban.model.TaskStatus;
import org.duban.persistence.Database;
import org.duban.service.meetings.MeetingService;
import org.duban.service.stats.Stats;
import org.duban.service.stats.StatsService;
import org.duban.service.stats.UnitStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code stats [--json] [--meeting ID]}: tasks, assignments per unit and per status. */
@Command(name = "stats", mixinStandardHelpOptions = true)
final class StatsCommand implements Callable<Integer> {
    @ParentCommand
    DubanCommand parent;

    @Option(names = "--json", descriptionKey = "json")
    boolean json;

    @Option(names = "--meeting", paramLabel = "ID", descriptionKey = "meeting")
    Long meetingId;

    @Override
    public Integer call() {
        try (Database db = parent.openDatabase()) {
            if (meetingId != null && new MeetingService(db).find(meetingId).isEmpty()) {
                throw new LocalizedException("cli.error.noMeeting", meetingId);
            }
            Stats stats = new StatsService(db).stats(meetingId);
            PrintWriter out = parent.out();
            if (json) {
                out.print(Json.write(toJson(stats, db)));
            } else {
                printTable(stats, out);
            }
            out.flush();
        }
        return 0;
    }

    private Map<String, Object> toJson(Stats s, Database db) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("database", db.file().toString());
        root.put("meeting", meetingId);
        root.put("tasks", s.tasks());
        root.put("assignments", s.assignments());
        root.put("tasksByStatus", byStatus(s.tasksByStatus()));
        root.put("assignmentsByStatus", byStatus(s.assignmentsByStatus()));
        List<Object> units = new ArrayList<>();
        for (UnitStats u : s.units()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("unit", u.unit().name());
            m.put("shortName", u.unit().shortName());
            m.put("kind", u.unit().kind().name());
            m.put("assignments", u.assignments());
            m.put("byStatus", byStatus(u.byStatus()));
            units.add(m);
        }
        root.put("units", units);
        return root;
    }

    private static Map<String, Object> byStatus(Map<TaskStatus, Integer> counts) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (TaskStatus st : TaskStatus.values()) {
            m.put(st.name(), counts.getOrDefault(st, 0));
        }
        return m;
    }

    private static void printTable(Stats s, PrintWriter out) {
        out.println(Messages.tr("cli.stats.totals", s.tasks(), s.assignments()));
        StringBuilder head = new StringBuilder(pad(Messages.tr("cli.stats.unit"), 20))
                .append(pad(Messages.tr("cli.stats.assignments"), 8));
        for (TaskStatus st : TaskStatus.values()) {
            head.append(pad(Messages.tr("status." + st.name()), 12));
        }
        out.println(head.toString().stripTrailing());
        for (UnitStats u : s.units()) {
            StringBuilder line = new StringBuilder(pad(u.unit().name(), 20)).append(pad(String.valueOf(u.assignments()), 8));
            for (TaskStatus st : TaskStatus.values()) {
                line.append(pad(String.valueOf(u.count(st)), 12));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** Pads to a display width where CJK characters count two columns. */
    static String pad(String s, int width) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += s.charAt(i) >= 0x2E80 ? 2 : 1;
        }
        return s + " ".repeat(Math.max(1, width - w));
    }
}
