package org.duban.app.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.duban.i18n.LocalizedException;
import org.duban.i18n.Messages;
import org.duban.model.TaskStatus;
import org.duban.model.WarningLight;
import org.duban.persistence.Database;
import org.duban.service.Services;
import org.duban.service.stats.Stats;
import org.duban.service.stats.StatsService;
import org.duban.service.stats.UnitStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine;

/**
 * {@code stats [--json] [--meeting ID] [--as-of DATE]}: tasks and assignments per unit, per status, per light and
 * overdue, as they stood on a day (today by default).
 */
@Command(name = "stats", mixinStandardHelpOptions = true)
final class StatsCommand implements Callable<Integer> {
    @ParentCommand
    DubanCommand parent;

    @Option(names = "--json", descriptionKey = "json")
    boolean json;

    @Option(names = "--meeting", paramLabel = "ID", descriptionKey = "meeting")
    Long meetingId;

    @Option(names = "--as-of", paramLabel = "DATE", descriptionKey = "asOf", converter = DateConverter.class)
    LocalDate asOf;

    /** Reads {@code 2026-11-29}; anything else is a usage error in the user's language. */
    static final class DateConverter implements CommandLine.ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException(Messages.tr("cli.error.date", value));
            }
        }
    }

    @Override
    public Integer call() {
        try (Database db = parent.openForReading()) {
            Services services = parent.services(db);
            if (meetingId != null && services.meetings().find(meetingId).isEmpty()) {
                throw new LocalizedException("cli.error.noMeeting", meetingId);
            }
            StatsService service = services.stats();
            Stats stats = asOf == null ? service.stats(meetingId) : service.stats(meetingId, asOf);
            PrintWriter out = parent.out();
            java.util.List<org.duban.service.stats.DepartmentRank> departments = service.departments(
                    org.duban.service.stats.StatsScope.meeting(meetingId), stats.asOf());
            boolean leads = departments.stream().anyMatch(d -> d.led() > 0);
            if (json) {
                Map<String, Object> root = toJson(stats, db);
                List<Object> list = new ArrayList<>();
                for (var d : departments) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("unit", d.unit().name());
                    m.put("rank", d.rank());
                    m.put("led", d.led());
                    m.put("ledCompleted", d.ledCompleted());
                    m.put("ledOverdue", d.ledOverdue());
                    m.put("carried", d.carried());
                    m.put("carriedCompleted", d.carriedCompleted());
                    list.add(m);
                }
                root.put("cityDepartments", list);
                out.print(Json.write(root));
            } else {
                printTable(stats, out);
                if (leads) { // the ranking that counts leading as well as carrying, once a list names lead units
                    out.println(Messages.tr("cli.stats.departments"));
                    for (var d : departments) {
                        out.println("  " + pad(String.valueOf(d.rank()), 4) + pad(d.unit().name(), 22)
                                + Messages.tr("cli.stats.department", d.led(), d.ledCompleted(), d.ledOverdue(),
                                d.carried(), d.carriedCompleted(), Math.round(d.rate() * 100)));
                    }
                }
            }
            out.flush();
        }
        return 0;
    }

    private Map<String, Object> toJson(Stats s, Database db) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("database", db.location());
        root.put("meeting", meetingId);
        root.put("asOf", s.asOf().toString());
        root.put("tasks", s.tasks());
        root.put("assignments", s.assignments());
        root.put("tasksByStatus", byStatus(s.tasksByStatus()));
        root.put("assignmentsByStatus", byStatus(s.assignmentsByStatus()));
        root.put("tasksByLight", byLight(s.tasksByLight()));
        root.put("assignmentsByLight", byLight(s.assignmentsByLight()));
        root.put("overdueTasks", s.overdueTasks());
        root.put("overdueAssignments", s.overdueAssignments());
        root.put("supervisedTasks", s.supervisedTasks());
        List<Object> units = new ArrayList<>();
        for (UnitStats u : s.units()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("unit", u.unit().name());
            m.put("shortName", u.unit().shortName());
            m.put("kind", u.unit().kind().name());
            m.put("assignments", u.assignments());
            m.put("byStatus", byStatus(u.byStatus()));
            m.put("byLight", byLight(u.byLight()));
            m.put("overdue", u.overdue());
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

    private static Map<String, Object> byLight(Map<WarningLight, Integer> counts) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (WarningLight l : WarningLight.values()) {
            m.put(l.name(), counts.getOrDefault(l, 0));
        }
        return m;
    }

    private static void printTable(Stats s, PrintWriter out) {
        out.println(Messages.tr("cli.stats.asOf", s.asOf().toString()));
        out.println(Messages.tr("cli.stats.totals", s.tasks(), s.assignments()));
        out.println(Messages.tr("cli.stats.lights", s.assignments(WarningLight.RED), s.assignments(WarningLight.YELLOW),
                s.assignments(WarningLight.GREEN), s.overdueAssignments()));
        StringBuilder head = new StringBuilder(pad(Messages.tr("cli.stats.unit"), 20))
                .append(pad(Messages.tr("cli.stats.assignments"), 8));
        for (TaskStatus st : TaskStatus.values()) {
            head.append(pad(Messages.tr("status." + st.name()), 12));
        }
        for (WarningLight l : WarningLight.values()) {
            head.append(pad(Messages.tr("light." + l.name()), 6));
        }
        head.append(pad(Messages.tr("cli.stats.overdue"), 6));
        out.println(head.toString().stripTrailing());
        for (UnitStats u : s.units()) {
            StringBuilder line = new StringBuilder(pad(u.unit().name(), 20)).append(pad(String.valueOf(u.assignments()), 8));
            for (TaskStatus st : TaskStatus.values()) {
                line.append(pad(String.valueOf(u.count(st)), 12));
            }
            for (WarningLight l : WarningLight.values()) {
                line.append(pad(String.valueOf(u.count(l)), 6));
            }
            line.append(pad(String.valueOf(u.overdue()), 6));
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
