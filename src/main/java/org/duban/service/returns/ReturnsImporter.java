package org.duban.service.returns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.duban.i18n.LocalizedException;
import org.duban.i18n.Messages;
import org.duban.model.Assignment;
import org.duban.model.ProgressReport;
import org.duban.model.Task;
import org.duban.model.Unit;
import org.duban.model.WithdrawnShare;
import org.duban.persistence.Database;
import org.duban.persistence.MeetingRepository;
import org.duban.persistence.ReportRepository;
import org.duban.persistence.Repositories;
import org.duban.persistence.TaskRepository;
import org.duban.persistence.TaskScope;
import org.duban.persistence.UnitOfWork;
import org.duban.persistence.UnitRepository;
import org.duban.service.excel.Grid;
import org.duban.service.excel.SheetReader;
import org.duban.service.importer.ImportProblem.Severity;
import org.duban.service.importer.ImportProblem;

/**
 * Reads filled return forms (one file or a folder of them), checks every filled row against the ledger, and
 * applies them all in one transaction, or none when any row is wrong: a changed 序号, a row that belongs to
 * another unit (or to a share withdrawn since), a percent outside 0–100, a missing or unreadable entry. A row the
 * ledger already holds (same share, day, percent and text) was imported before and adds nothing; a row of the same
 * share and day that says something else is a warning, not a second report.
 */
public final class ReturnsImporter {
    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-./年]\\s*(\\d{1,2})\\s*[-./月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3}(?:\\.\\d+)?)\\s*[%％]?");
    private final Database db;
    private final TaskRepository tasks;
    private final UnitRepository units;
    private final MeetingRepository meetings;
    private final ReportRepository reports;
    private final UnitOfWork uow;

    /** {@code db} only to move the reports into the file at once ({@link Database#checkpoint}). */
    public ReturnsImporter(Repositories repos, UnitOfWork uow, Database db) {
        this.db = db;
        this.uow = uow;
        this.tasks = repos.tasks();
        this.units = repos.units();
        this.meetings = repos.meetings();
        this.reports = repos.reports();
    }

    /** The form files at a path: the file itself, or the .xlsx files of a folder (Excel's ~$ lock files skipped). */
    public static List<Path> formFiles(Path path) {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> s = Files.list(path)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return n.toLowerCase(Locale.ROOT).endsWith(".xlsx") && !n.startsWith("~$") && !n.startsWith(".");
            }).sorted().toList();
        } catch (IOException e) {
            throw new LocalizedException(e, "excel.error.cannotRead", path, e.getMessage());
        }
    }

    /** Reads and checks the forms; writes nothing. */
    public ReturnsCheck check(Path path, LocalDate today) {
        List<Path> files = formFiles(path);
        if (files.isEmpty()) {
            throw new LocalizedException("returns.error.noFiles", path);
        }
        List<ReturnEntry> entries = new ArrayList<>();
        List<ReturnEntry> already = new ArrayList<>();
        List<ReturnProblem> problems = new ArrayList<>();
        Map<Long, ReturnEntry> byAssignment = new HashMap<>();
        for (Path f : files) {
            checkFile(f, today, entries, already, problems, byAssignment);
        }
        return new ReturnsCheck(files.stream().map(p -> p.getFileName().toString()).toList(), entries, problems, already);
    }

    private void checkFile(Path file, LocalDate today, List<ReturnEntry> entries, List<ReturnEntry> already,
                           List<ReturnProblem> problems, Map<Long, ReturnEntry> byAssignment) {
        String name = file.getFileName().toString();
        List<Grid> sheets = SheetReader.read(file);
        Optional<Grid> meta = sheets.stream().filter(g -> g.sheetName().equals(ReturnForm.META_SHEET)).findFirst();
        Optional<Grid> form = sheets.stream().filter(g -> !g.hidden()).findFirst();
        if (meta.isEmpty() || form.isEmpty() || meta.get().rows().size() < 2
                || !ReturnForm.MAGIC.equals(meta.get().rows().get(0).cell(0))) {
            problems.add(fileProblem(name, "returns.problem.notAForm"));
            return;
        }
        Optional<ReturnForm.Layout> layout = ReturnForm.layout(meta.get().rows().get(0).cell(1));
        if (layout.isEmpty()) {
            problems.add(fileProblem(name, "returns.problem.newerLayout", meta.get().rows().get(0).cell(1)));
            return;
        }
        Grid.Row m = meta.get().rows().get(1);
        long meetingId = parseLong(m.cell(0));
        long unitId = parseLong(m.cell(1));
        Optional<Unit> unit = units.findAll().stream().filter(u -> u.id() == unitId).findFirst();
        if (meetings.findById(meetingId).isEmpty() || unit.isEmpty()) {
            problems.add(fileProblem(name, "returns.problem.unknownMeeting", m.cell(2)));
            return;
        }
        Map<Integer, Task> bySeq = new HashMap<>();
        tasks.findByMeeting(meetingId).forEach(t -> bySeq.put(t.seq(), t));
        Map<Long, List<WithdrawnShare>> withdrawn = new HashMap<>();
        tasks.withdrawn(TaskScope.meeting(meetingId)).forEach(w ->
                withdrawn.computeIfAbsent(w.taskId(), k -> new ArrayList<>()).add(w));
        // what the ledger already holds: the same form imported again must add nothing
        Map<Long, List<ProgressReport>> reported = new HashMap<>();
        reports.find(TaskScope.meeting(meetingId)).forEach(r ->
                reported.computeIfAbsent(r.assignmentId(), k -> new ArrayList<>()).add(r));
        Grid g = form.get();
        // Columns are locked, so they sit where the writer put them, whatever the language of the headings.
        int headerIndex = -1;
        for (int i = 0; i < g.rows().size(); i++) {
            if (g.rows().get(i).number() == ReturnForm.HEADER_ROW + 1) {
                headerIndex = i;
            }
        }
        Map<String, Integer> col = new HashMap<>();
        List<String> columns = layout.get().columns();
        for (int c = 0; c < columns.size(); c++) {
            col.put(columns.get(c), c);
        }
        if (headerIndex < 0 || g.rows().get(headerIndex).cells().size() < columns.size()) {
            problems.add(fileProblem(name, "returns.problem.notAForm"));
            return;
        }
        for (Grid.Row r : g.rows().subList(headerIndex + 1, g.rows().size())) {
            Row row = new Row(name, r, col);
            if (row.text(ReturnForm.PROGRESS).isEmpty() && row.text(ReturnForm.PERCENT).isEmpty()
                    && row.text(ReturnForm.REPORTER).isEmpty() && row.text(ReturnForm.DATE).isEmpty()) {
                continue; // nothing reported on this task this time
            }
            int before = problems.size();
            Task task = null;
            Integer seq = parseInt(row.text(ReturnForm.SEQ));
            if (seq == null || !bySeq.containsKey(seq)) {
                problems.add(row.problem(Severity.ERROR, ReturnForm.SEQ, "returns.problem.seqUnknown"));
            } else {
                task = bySeq.get(seq);
                if (!task.problem().strip().equals(row.text(ReturnForm.PROBLEM))) {
                    problems.add(row.problem(Severity.ERROR, ReturnForm.SEQ, "returns.problem.seqChanged", seq));
                    task = null;
                }
            }
            Assignment assignment = null;
            if (task != null) {
                assignment = task.assignments().stream().filter(a -> a.unitId() == unitId).findFirst().orElse(null);
                boolean wasWithdrawn = withdrawn.getOrDefault(task.id(), List.of()).stream()
                        .anyMatch(w -> w.unitId() == unitId);
                if (assignment == null && wasWithdrawn) {
                    problems.add(row.problem(Severity.ERROR, ReturnForm.SEQ, "returns.problem.withdrawn", seq,
                            unit.get().name()));
                } else if (assignment == null) {
                    problems.add(row.problem(Severity.ERROR, ReturnForm.SEQ, "returns.problem.wrongUnit", seq,
                            unit.get().name()));
                } else if (byAssignment.containsKey(assignment.id())) {
                    ReturnEntry first = byAssignment.get(assignment.id());
                    problems.add(row.problem(Severity.ERROR, ReturnForm.SEQ, "returns.problem.duplicate", seq,
                            first.file(), first.row()));
                }
            }
            String progress = row.text(ReturnForm.PROGRESS);
            if (progress.isEmpty()) {
                problems.add(row.problem(Severity.ERROR, ReturnForm.PROGRESS, "returns.problem.progressMissing"));
            }
            Integer percent = percent(row.text(ReturnForm.PERCENT));
            if (percent == null) {
                problems.add(row.problem(Severity.ERROR, ReturnForm.PERCENT, "returns.problem.percent"));
            }
            if (row.text(ReturnForm.REPORTER).isEmpty()) {
                problems.add(row.problem(Severity.WARNING, ReturnForm.REPORTER, "returns.problem.reporterMissing"));
            }
            LocalDate date = today;
            String dateText = row.text(ReturnForm.DATE);
            if (dateText.isEmpty()) {
                problems.add(row.problem(Severity.WARNING, ReturnForm.DATE, "returns.problem.dateMissing", today));
            } else {
                date = date(dateText);
                if (date == null) {
                    problems.add(row.problem(Severity.ERROR, ReturnForm.DATE, "returns.problem.dateUnreadable"));
                } else if (date.isAfter(today)) {
                    problems.add(row.problem(Severity.ERROR, ReturnForm.DATE, "returns.problem.dateFuture"));
                }
            }
            boolean ok = problems.subList(before, problems.size()).stream().noneMatch(ReturnProblem::isError);
            if (ok) {
                ReturnEntry e = new ReturnEntry(name, r.number(), meetingId, task.id(), seq, assignment.id(), unitId,
                        unit.get().name(), progress, percent, row.text(ReturnForm.REPORTER), date);
                byAssignment.put(assignment.id(), e);
                LocalDate day = date;
                List<ProgressReport> sameDay = reported.getOrDefault(assignment.id(), List.of()).stream()
                        .filter(x -> x.reportedOn().equals(day)).toList();
                if (sameDay.stream().anyMatch(x -> sameText(x.text(), progress) && x.percent() == percent)) {
                    already.add(e); // imported before: adds nothing
                } else if (!sameDay.isEmpty()) {
                    // the unit already reported on this task that day, in other words: one report, not two
                    ProgressReport first = sameDay.get(0);
                    problems.add(row.problem(Severity.WARNING, ReturnForm.PROGRESS, "returns.problem.sameDayDiffers",
                            seq, day, first.percent(), abbreviate(first.text())));
                } else {
                    entries.add(e);
                }
            }
        }
    }

    /**
     * Applies checked forms: every entry goes to the sink in one transaction, or none.
     *
     * @throws LocalizedException when the check has errors, or when no sink is given (progress reports are
     *                            not available in this build)
     */
    public int apply(ReturnsCheck check, ProgressSink sink) {
        if (check.hasErrors()) {
            throw new LocalizedException("returns.error.blocked", check.errors().size());
        }
        if (check.entries().isEmpty()) {
            return 0;
        }
        if (sink == null) {
            throw new LocalizedException("returns.error.noProgress", check.entries().size());
        }
        uow.useTransaction(() -> check.entries().forEach(sink::record));
        db.checkpoint(); // the reports into the database file now, not when SQLite gets round to it
        return check.entries().size();
    }

    /** The same report text, whatever the spaces and line breaks. */
    static boolean sameText(String a, String b) {
        return a.replaceAll("\\s+", "").equals(b.replaceAll("\\s+", ""));
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= 30 ? one : one.substring(0, 30) + "…";
    }

    /** "80", "80%", "80.0" → 80; null when not a number in 0–100. */
    static Integer percent(String s) {
        Matcher m = PERCENT.matcher(s.strip());
        if (!m.matches()) {
            return null;
        }
        double v = Double.parseDouble(m.group(1));
        return v < 0 || v > 100 ? null : (int) Math.round(v);
    }

    static LocalDate date(String s) {
        Matcher m = DATE.matcher(s.strip());
        if (!m.lookingAt()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static Integer parseInt(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException | DateTimeParseException e) {
            return -1;
        }
    }

    private static ReturnProblem fileProblem(String file, String key, Object... args) {
        return new ReturnProblem(file, new ImportProblem(Severity.ERROR, 0, "", "", "", key, args));
    }

    /** A data row of a form with its columns found by heading. */
    private record Row(String file, Grid.Row row, Map<String, Integer> col) {
        String text(String key) {
            return row.cell(col.get(key)).strip();
        }

        ReturnProblem problem(Severity severity, String key, String reasonKey, Object... args) {
            int c = col.get(key);
            return new ReturnProblem(file, new ImportProblem(severity, row.number(), Grid.columnLetter(c),
                    Messages.tr(key), row.cell(c), reasonKey, args));
        }
    }
}
