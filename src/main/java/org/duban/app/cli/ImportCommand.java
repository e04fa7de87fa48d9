package org.duban.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.duban.i18n.LocalizedException;
import org.duban.i18n.Messages;
import org.duban.model.Meeting;
import org.duban.model.Term;
import org.duban.model.Unit;
import org.duban.persistence.Database;
import org.duban.service.Services;
import org.duban.service.importer.FieldChange;
import org.duban.service.importer.ImportOptions;
import org.duban.service.importer.ImportPlan;
import org.duban.service.importer.ImportResult;
import org.duban.service.importer.ImportTarget;
import org.duban.service.importer.PlannedRow;
import org.duban.service.importer.ProblemSimilarity;
import org.duban.service.importer.TaskImporter;
import org.duban.service.tasks.TaskField;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code import FILE [--meeting ID [--update]] [--new-meeting] [--dry-run] [--json]}: imports a task list. Without
 * {@code --meeting} the tasks go into the current meeting (the one the checklist opens on), so importing a revised
 * list updates it by 序号; when the database has no meeting yet, or with {@code --new-meeting}, a new 交办会 is
 * created, titled after the list. A file whose problems mostly differ from the meeting's tasks is another list: the
 * update is refused (exit 1, with the reason) unless the meeting is named with {@code --meeting ID --update}.
 * Nothing is deleted: units a revised list no longer names are withdrawn with their records kept.
 */
@Command(name = "import", mixinStandardHelpOptions = true)
final class ImportCommand implements Callable<Integer> {
    @ParentCommand
    DubanCommand parent;

    @Parameters(paramLabel = "FILE", descriptionKey = "import.file")
    Path file;

    @Option(names = "--meeting", paramLabel = "ID", descriptionKey = "import.meeting")
    Long meetingId;

    @Option(names = "--new-meeting", descriptionKey = "import.newMeeting")
    boolean newMeeting;

    @Option(names = "--dry-run", descriptionKey = "import.dryRun")
    boolean dryRun;

    @Option(names = "--json", descriptionKey = "json")
    boolean json;

    @Option(names = "--max-rows", paramLabel = "N", descriptionKey = "import.maxRows")
    int maxRows = org.duban.service.excel.SheetReader.MAX_ROWS;

    @Option(names = "--source", paramLabel = "TEXT", descriptionKey = "import.source")
    String source;

    @Option(names = "--update", descriptionKey = "import.update")
    boolean update;

    @Option(names = "--map-source", paramLabel = "WRITTEN=NAME", descriptionKey = "import.mapSource")
    Map<String, String> mapSource = new LinkedHashMap<>();

    @Option(names = "--map-category", paramLabel = "WRITTEN=NAME", descriptionKey = "import.mapCategory")
    Map<String, String> mapCategory = new LinkedHashMap<>();

    private List<ImportPlan.UnknownUnit> unitsShown = List.of();

    @Option(names = "--add-units", descriptionKey = "import.addUnits")
    boolean addUnits;

    @Option(names = "--unit-kind", paramLabel = "NAME=KIND", descriptionKey = "import.unitKind")
    Map<String, String> unitKinds = new LinkedHashMap<>();

    /** 县（市、区） / 开发区 / 市直部门 / 其他, or the kind's code (COUNTY, CITY_DEPARTMENT ...). */
    static org.duban.model.UnitKind kindOf(String written) {
        String w = written.strip();
        for (org.duban.model.UnitKind k : org.duban.model.UnitKind.values()) {
            if (k.name().equalsIgnoreCase(w) || Messages.tr("unit.kind." + k.name()).equals(w)) {
                return k;
            }
        }
        return switch (w.replace("(", "（").replace(")", "）")) {
            case "县（市、区）", "县市区", "县", "区", "县级市" -> org.duban.model.UnitKind.COUNTY;
            case "开发区" -> org.duban.model.UnitKind.DEVELOPMENT_ZONE;
            case "市直部门", "市直", "部门" -> org.duban.model.UnitKind.CITY_DEPARTMENT;
            case "其他" -> org.duban.model.UnitKind.OTHER;
            default -> throw new LocalizedException("cli.import.badUnitKind", written);
        };
    }

    @Override
    public Integer call() {
        if (meetingId != null && newMeeting) {
            throw new LocalizedException("cli.import.meetingAndNew");
        }
        if (update && meetingId == null) {
            throw new LocalizedException("cli.import.updateNeedsMeeting");
        }
        try (Database db = parent.openDatabase()) {
            Services services = parent.services(db);
            services.roster().ensureDefaultRoster();
            ImportTarget target = target(services);
            TaskImporter importer = services.importer();
            TaskImporter.ImportFile read = importer.read(file, maxRows);
            // a different list updates a meeting's tasks by 序号 only when the meeting is named with --update
            ImportOptions options = ImportOptions.DEFAULT.withDefaultSource(source).withUpdateDifferentList(update)
                    .withNames(Term.Kind.SOURCE, mapSource).withNames(Term.Kind.CATEGORY, mapCategory);
            ImportPlan plan = importer.plan(read, target, options);
            if (addUnits && !plan.missingUnits().isEmpty()) {
                // the names the roster does not know join it with the import, in its transaction
                Map<String, org.duban.model.UnitKind> adding = new LinkedHashMap<>();
                for (ImportPlan.UnknownUnit u : plan.missingUnits()) {
                    String kind = unitKinds.get(u.name());
                    adding.put(u.name(), kind == null ? u.kind() : kindOf(kind));
                }
                options = options.withNewUnits(adding);
                plan = importer.plan(read, target, options);
            }
            Meeting meeting = target instanceof ImportTarget.Existing e ? services.meetings().find(e.meetingId()).orElseThrow()
                    : null;
            String refused = !plan.hasErrors() && meeting != null && !update && plan.listMatch().different()
                    ? Messages.tr("import.error.differentList", plan.listMatch().differing(), plan.listMatch().paired(),
                            meeting.title(), Math.round(ProblemSimilarity.SAME_TASK * 100))
                            + Messages.tr("cli.import.differentListHow", meeting.id())
                    : null;
            boolean applied = false;
            ImportResult result = null;
            unitsShown = plan.unknownUnits(); // after the import the roster knows them: say what was added
            if (!dryRun && !plan.hasErrors() && refused == null) {
                result = importer.apply(read, target, options, (done, total) -> { });
                plan = result.plan();
                meeting = result.meeting();
                applied = true;
            }
            leadsShown = tasksByLeadUnit(plan, services.repositories().units().findAll());
            PrintWriter out = parent.out();
            if (json) {
                out.print(Json.write(toJson(plan, meeting, target, applied, refused, result)));
            } else {
                print(out, plan, meeting, target, applied, refused, result);
            }
            out.flush();
            if (refused != null) {
                if (!json) {
                    parent.spec.commandLine().getErr().println(Messages.tr("cli.error.prefix", refused));
                    parent.spec.commandLine().getErr().flush();
                }
                return 1;
            }
            if (plan.hasErrors()) {
                if (!json) {
                    parent.spec.commandLine().getErr().println(Messages.tr("cli.error.prefix",
                            Messages.tr("import.error.blocked", plan.errors().size())));
                    parent.spec.commandLine().getErr().flush();
                }
                return 1;
            }
        }
        return 0;
    }

    /** The lead units (牵头单位) of the list's tasks, in roster order, with how many tasks each leads. */
    private Map<String, Integer> leadsShown = Map.of();

    static Map<String, Integer> tasksByLeadUnit(ImportPlan plan, List<Unit> roster) {
        Map<Long, Integer> counts = new java.util.HashMap<>();
        for (PlannedRow r : plan.rows()) {
            if (r.task() != null && r.task().hasLeadUnit()) {
                counts.merge(r.task().leadUnitId(), 1, Integer::sum);
            }
        }
        Map<String, Integer> byName = new LinkedHashMap<>();
        roster.stream().filter(u -> counts.containsKey(u.id())).forEach(u -> byName.put(u.name(), counts.get(u.id())));
        return byName;
    }

    private ImportTarget target(Services services) {
        if (meetingId != null) {
            return new ImportTarget.Existing(CliMeetings.resolve(services.meetings(), meetingId).id());
        }
        if (!newMeeting) {
            var current = services.meetings().current();
            if (current.isPresent()) {
                return new ImportTarget.Existing(current.get().id());
            }
        }
        return new ImportTarget.NewMeeting("", services.today());
    }

    private void print(PrintWriter out, ImportPlan plan, Meeting meeting, ImportTarget target, boolean applied,
                       String refused, ImportResult result) {
        out.println(plan.headerRow() == 0 ? Messages.tr("cli.import.fileOnly", plan.fileName())
                : plan.sheetName().isEmpty() ? Messages.tr("cli.import.fileCsv", plan.fileName(), plan.headerRow())
                : Messages.tr("cli.import.file", plan.fileName(), plan.sheetName(), plan.headerRow()));
        out.println(meeting != null ? Messages.tr("cli.import.meeting", meeting.id(), meeting.title(), meeting.heldOn())
                : Messages.tr("cli.import.newMeeting", plan.title().isEmpty() ? plan.fileName() : plan.title()));
        out.println(Messages.tr("cli.import.totals", plan.taskCount(), plan.assignmentCount(),
                plan.count(PlannedRow.Change.ADDED), plan.count(PlannedRow.Change.UPDATED),
                plan.count(PlannedRow.Change.UNCHANGED), plan.supervisedCount()));
        if (!unitsShown.isEmpty()) {
            boolean missing = unitsShown.stream().anyMatch(u -> !u.added());
            out.println(Messages.tr(missing ? "cli.import.unknownUnits" : "cli.import.unitsAdding", unitsShown.size()));
            for (ImportPlan.UnknownUnit u : unitsShown) {
                out.println("  " + Messages.tr("cli.import.unknownUnit", u.name(), u.rowsText(),
                        Messages.tr("unit.kind." + u.kind().name())));
            }
            if (missing) {
                out.println("  " + Messages.tr("cli.import.addUnitsHow"));
            }
        }
        if (!plan.continuations().isEmpty()) {
            out.println(plan.continuationsText());
        }
        if (!plan.assignmentsByUnit().isEmpty()) {
            out.println(Messages.tr("cli.import.byUnit"));
            plan.assignmentsByUnit().forEach((u, n) -> out.println("  " + StatsCommand.pad(u.name(), 24) + n));
        }
        if (!leadsShown.isEmpty()) {
            out.println(Messages.tr("cli.import.byLeadUnit"));
            leadsShown.forEach((name, n) -> out.println("  " + StatsCommand.pad(name, 24) + n));
        }
        for (Term.Kind kind : Term.Kind.values()) {
            List<ImportPlan.TermUse> renamed = plan.renamedTerms(kind);
            List<ImportPlan.TermUse> added = plan.newTerms(kind);
            if (renamed.isEmpty() && added.isEmpty()) {
                continue;
            }
            out.println(Messages.tr("cli.import.names." + kind.name()));
            for (ImportPlan.TermUse u : renamed) {
                out.println("  " + Messages.tr("cli.import.names.matched", u.written(), u.name(), u.rows(),
                        Messages.tr("import.names.how." + (u.chosen() ? "CHOSEN" : u.match().how().name()))));
            }
            for (ImportPlan.TermUse u : added) {
                out.println("  " + Messages.tr("cli.import.names.new", u.name(), u.rows()));
            }
        }
        ImportPlan.ListMatch match = plan.listMatch();
        if (match.paired() > 0) {
            out.println(Messages.tr("cli.import.listMatch", match.paired(), match.same(), match.differing()));
        }
        List<PlannedRow> texts = plan.textChanges();
        if (!texts.isEmpty()) {
            out.println(Messages.tr("cli.import.textChanges", texts.size()));
            for (PlannedRow r : texts) {
                out.println("  " + Messages.tr(r.differentTask() ? "cli.import.textChange.other"
                        : "cli.import.textChange.same", r.task().seq(), Math.round(r.problemSimilarity() * 100)));
                out.println("    " + Messages.tr("cli.import.textChange.before", ProblemText.oneLine(r.existing().problem())));
                out.println("    " + Messages.tr("cli.import.textChange.after", ProblemText.oneLine(r.task().problem())));
            }
        }
        for (PlannedRow r : plan.rows()) {
            for (FieldChange c : r.changes()) {
                if (c.field() == TaskField.PROBLEM || c.field() == TaskField.UNITS) {
                    continue; // side by side above; units as withdrawn and added shares below
                }
                out.println("  " + Messages.tr("cli.import.change", r.task().seq(), Messages.tr(c.field().labelKey()),
                        ProblemText.abbreviate(ProblemText.oneLine(c.before()), 30),
                        ProblemText.abbreviate(ProblemText.oneLine(c.after()), 30)));
            }
        }
        for (PlannedRow r : plan.rows()) {
            if (!r.ok() || !r.updatesExisting()) {
                continue;
            }
            java.util.Set<Long> before = new java.util.HashSet<>(r.existing().unitIds());
            java.util.Set<Long> restored = new java.util.HashSet<>();
            r.restored().forEach(u -> restored.add(u.id()));
            List<String> added = r.units().stream().filter(u -> !before.contains(u.id()) && !restored.contains(u.id()))
                    .map(Unit::name).toList();
            if (!added.isEmpty()) {
                out.println("  " + Messages.tr("cli.import.unitsAdded", r.task().seq(), String.join("、", added)));
            }
        }
        List<PlannedRow.Withdrawal> withdrawals = plan.withdrawals();
        if (!withdrawals.isEmpty()) {
            out.println(Messages.tr("cli.import.withdrawals", withdrawals.size()));
            for (PlannedRow r : plan.rows()) {
                for (PlannedRow.Withdrawal w : r.ok() ? r.withdrawals() : List.<PlannedRow.Withdrawal>of()) {
                    out.println("  " + Messages.tr("cli.import.withdrawal", r.task().seq(), w.unit().name(),
                            w.recordsText()));
                }
            }
        }
        for (PlannedRow r : plan.rows()) {
            if (r.ok() && !r.restored().isEmpty()) {
                out.println("  " + Messages.tr("cli.import.restored", r.task().seq(),
                        r.restored().stream().map(Unit::name).collect(java.util.stream.Collectors.joining("、"))));
            }
        }
        if (!plan.notInFile().isEmpty()) {
            out.println(Messages.tr("cli.import.notInFile", plan.notInFile().size(), plan.notInFile()));
        }
        ProblemText.print(out, "cli.import.errors", plan.errors(), null);
        ProblemText.print(out, "cli.import.warnings", plan.warnings(), null);
        if (refused != null) {
            out.println(Messages.tr("cli.import.refused"));
            return;
        }
        out.println(Messages.tr(plan.hasErrors() ? "cli.import.blocked" : applied ? "cli.import.done" : "cli.import.dryRun"));
        if (result != null && !result.run().backupFile().isEmpty()) {
            out.println(Messages.tr("cli.import.backup", result.run().backupFile()));
        }
    }

    private Map<String, Object> toJson(ImportPlan plan, Meeting meeting, ImportTarget target, boolean applied,
                                       String refused, ImportResult result) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("file", plan.fileName());
        root.put("sheet", plan.sheetName());
        root.put("headerRow", plan.headerRow());
        root.put("title", plan.title());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", meeting == null ? null : meeting.id());
        m.put("title", meeting == null ? null : meeting.title());
        m.put("created", target instanceof ImportTarget.NewMeeting);
        root.put("meeting", m);
        root.put("dryRun", dryRun);
        root.put("applied", applied);
        Map<String, Object> columns = new LinkedHashMap<>();
        plan.columns().forEach(c -> columns.put(c.letter(), c.field() == null ? null : c.field().name()));
        root.put("columns", columns);
        root.put("tasks", plan.taskCount());
        root.put("assignments", plan.assignmentCount());
        root.put("added", plan.count(PlannedRow.Change.ADDED));
        root.put("updated", plan.count(PlannedRow.Change.UPDATED));
        root.put("unchanged", plan.count(PlannedRow.Change.UNCHANGED));
        root.put("supervised", plan.supervisedCount());
        List<Object> units = new ArrayList<>();
        for (Map.Entry<Unit, Integer> e : plan.assignmentsByUnit().entrySet()) {
            Map<String, Object> u = new LinkedHashMap<>();
            u.put("unit", e.getKey().name());
            u.put("assignments", e.getValue());
            units.add(u);
        }
        root.put("assignmentsByUnit", units);
        List<Object> leads = new ArrayList<>();
        leadsShown.forEach((name, n) -> {
            Map<String, Object> u = new LinkedHashMap<>();
            u.put("unit", name);
            u.put("tasks", n);
            leads.add(u);
        });
        root.put("tasksByLeadUnit", leads);
        List<Object> rows = new ArrayList<>();
        for (PlannedRow r : plan.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("row", r.rowNumber());
            row.put("seq", r.input().seq());
            row.put("continuationRows", new ArrayList<Object>(plan.continuations().getOrDefault(r.rowNumber(), List.of())));
            row.put("change", r.change() == null ? "ERROR" : r.change().name());
            row.put("source", r.input().source());
            row.put("category", r.input().category());
            row.put("units", r.units().stream().map(Unit::name).toList());
            row.put("supervised", r.supervised());
            List<Object> changes = new ArrayList<>();
            for (FieldChange c : r.changes()) {
                Map<String, Object> fc = new LinkedHashMap<>();
                fc.put("field", c.field().name());
                fc.put("before", c.before());
                fc.put("after", c.after());
                changes.add(fc);
            }
            row.put("changes", changes);
            rows.add(row);
        }
        root.put("rows", rows);
        root.put("notInFile", new ArrayList<Object>(plan.notInFile()));
        List<Object> unknownUnits = new ArrayList<>();
        for (ImportPlan.UnknownUnit u : unitsShown) {
            Map<String, Object> m2 = new LinkedHashMap<>();
            m2.put("name", u.name());
            m2.put("rows", new ArrayList<Object>(u.rows()));
            m2.put("kind", u.kind().name());
            m2.put("added", u.added());
            unknownUnits.add(m2);
        }
        root.put("unknownUnits", unknownUnits);
        Map<String, Object> match = new LinkedHashMap<>();
        match.put("paired", plan.listMatch().paired());
        match.put("same", plan.listMatch().same());
        match.put("differentList", plan.listMatch().different());
        match.put("threshold", ProblemSimilarity.SAME_TASK);
        root.put("listMatch", match);
        List<Object> texts = new ArrayList<>();
        for (PlannedRow r : plan.textChanges()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("row", r.rowNumber());
            t.put("seq", r.task().seq());
            t.put("before", r.existing().problem());
            t.put("after", r.task().problem());
            t.put("similarity", Math.round(r.problemSimilarity() * 100) / 100.0);
            t.put("sameTask", !r.differentTask());
            texts.add(t);
        }
        root.put("textChanges", texts);
        List<Object> withdrawn = new ArrayList<>();
        for (PlannedRow r : plan.rows()) {
            for (PlannedRow.Withdrawal w : r.ok() ? r.withdrawals() : List.<PlannedRow.Withdrawal>of()) {
                Map<String, Object> w2 = new LinkedHashMap<>();
                w2.put("seq", r.task().seq());
                w2.put("unit", w.unit().name());
                w2.put("reports", w.records().reports());
                w2.put("milestones", w.records().milestones());
                w2.put("closeOuts", w.records().closeOuts());
                w2.put("evidence", w.records().evidence());
                withdrawn.add(w2);
            }
        }
        root.put("withdrawals", withdrawn);
        List<Object> names = new ArrayList<>();
        for (ImportPlan.TermUse u : plan.terms()) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("kind", u.kind().name());
            n.put("written", u.written());
            n.put("name", u.name());
            n.put("match", u.chosen() ? "CHOSEN" : u.match().how().name());
            n.put("rows", u.rows());
            names.add(n);
        }
        root.put("names", names);
        root.put("refused", refused);
        root.put("importId", result == null ? null : result.run().id());
        root.put("backup", result == null || result.run().backupFile().isEmpty() ? null : result.run().backupFile());
        root.put("errors", ProblemText.json(plan.errors(), null));
        root.put("warnings", ProblemText.json(plan.warnings(), null));
        return root;
    }
}
