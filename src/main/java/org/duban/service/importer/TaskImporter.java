package org.duban.service.importer;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.duban.i18n.LocalizedException;
import org.duban.model.AuditEntity;
import org.duban.model.ImportRun;
import org.duban.model.Meeting;
import org.duban.model.MeetingKind;
import org.duban.model.Task;
import org.duban.model.Term;
import org.duban.persistence.AssignmentRecords;
import org.duban.persistence.Database;
import org.duban.persistence.ImportRunRepository;
import org.duban.persistence.MeetingRepository;
import org.duban.persistence.Repositories;
import org.duban.persistence.TaskRepository;
import org.duban.persistence.TaskScope;
import org.duban.persistence.UnitOfWork;
import org.duban.persistence.UnitRepository;
import org.duban.persistence.VocabularyRepository;
import org.duban.service.audit.AuditLog;
import org.duban.service.audit.TaskAudit;
import org.duban.service.excel.Grid;
import org.duban.service.excel.SheetReader;
import org.duban.service.units.RosterService;
import org.duban.service.units.UnitResolver;
import org.duban.service.vocabulary.VocabularyService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a task list: read the file, plan against a meeting, then apply the plan in one transaction.
 * Re-importing a revised list updates the meeting's tasks by 序号; tasks the file does not mention are left alone.
 * Nothing is deleted: a unit the revised list no longer names keeps its share and records, withdrawn (已撤出) by
 * this import. A file whose problems mostly differ from the meeting's tasks is a different list, and updating by
 * 序号 is refused unless asked for ({@link ImportOptions#updateDifferentList}). Each import is remembered
 * ({@link ImportRun}) with the backup taken before it, which undoing it restores.
 */
public final class TaskImporter {
    private static final Logger LOG = LoggerFactory.getLogger(TaskImporter.class);
    private final Database db;
    private final TaskRepository tasks;
    private final UnitRepository units;
    private final MeetingRepository meetings;
    private final ImportHooks hooks;
    private final TaskAudit audit;
    private final AuditLog auditLog;
    private final ImportRunRepository runs;
    private final AssignmentRecords records;
    private final VocabularyRepository vocabulary;
    private final VocabularyService names;
    private final RosterService roster;
    private final UnitOfWork uow;

    /**
     * Imported tasks are audited like tasks entered in the form; {@code names} takes the file's sources and
     * categories. {@code db} only to count the changes (for undoing) and to move them into the file at once.
     */
    public TaskImporter(Repositories repos, UnitOfWork uow, Database db, AuditLog auditLog, VocabularyService names,
                        RosterService roster, ImportHooks hooks) {
        this.auditLog = auditLog;
        this.roster = roster;
        this.uow = uow;
        this.names = names;
        this.runs = repos.importRuns();
        this.records = repos.assignmentRecords();
        this.vocabulary = repos.vocabulary();
        this.audit = new TaskAudit(auditLog, repos.units());
        this.db = db;
        this.tasks = repos.tasks();
        this.units = repos.units();
        this.meetings = repos.meetings();
        this.hooks = hooks;
    }

    /** A file read into sheets, ready to plan (possibly several times, with other mappings). */
    public record ImportFile(Path path, List<Grid> sheets) {
        public String name() {
            return path.getFileName().toString();
        }
    }

    /** Today by the import's clock: the day of a new meeting the user has not dated. */
    public LocalDate today() {
        return auditLog.today();
    }

    /** Reads the file (no database work), with at most {@link SheetReader#MAX_ROWS} rows with text in a sheet. */
    public ImportFile read(Path file) {
        return new ImportFile(file, SheetReader.read(file));
    }

    /** Reads the file allowing {@code maxRows} rows with text in a sheet, asked for explicitly (the default refuses more). */
    public ImportFile read(Path file, int maxRows) {
        return new ImportFile(file, SheetReader.read(file, maxRows));
    }

    /** The roster and the target meeting's tasks, with their withdrawn shares and the records of every share. */
    public ImportContext context(ImportTarget target) {
        long meetingId = target instanceof ImportTarget.Existing e ? e.meetingId() : 0;
        List<Term> terms = new ArrayList<>(vocabulary.find(Term.Kind.SOURCE));
        terms.addAll(vocabulary.find(Term.Kind.CATEGORY));
        return (meetingId == 0 ? ImportContext.of(0, new UnitResolver(units.findAll()), List.of())
                : ImportContext.of(meetingId, new UnitResolver(units.findAll()), tasks.findByMeeting(meetingId),
                        tasks.withdrawn(TaskScope.meeting(meetingId)), records.ofMeeting(meetingId)))
                .withVocabulary(terms);
    }

    /** What importing would do (nothing is written). */
    public ImportPlan plan(ImportFile file, ImportTarget target, ImportOptions options) {
        requireMeeting(target);
        return ImportPlanner.plan(file.name(), file.sheets(), context(target), options);
    }

    /**
     * Imports: all tasks of the file, or nothing. The plan is made again inside the transaction, so what is
     * written matches the database as it is then (once: into a new meeting, the plan that decided to make the
     * meeting is the plan, as the new meeting has no tasks).
     *
     * @param progress called with (done, total) as rows are written; may be called from this thread only
     * @throws ImportBlockedException when the file has errors; nothing is written then
     */
    public ImportResult apply(ImportFile file, ImportTarget target, ImportOptions options,
                              BiConsumer<Integer, Integer> progress) {
        requireMeeting(target);
        if (target instanceof ImportTarget.Existing && !options.updateDifferentList()) {
            refuseDifferentList(plan(file, target, options), target, options); // before the backup is taken
        }
        Path backup = hooks.beforeImport(file.path());
        ImportResult result = uow.inBulkTransaction(() -> {
            List<org.duban.model.Unit> addedUnits = addUnits(options);
            Meeting meeting;
            boolean created = false;
            ImportPlan plan;
            if (target instanceof ImportTarget.NewMeeting n) {
                plan = ImportPlanner.plan(file.name(), file.sheets(), context(target), options);
                if (plan.hasErrors()) {
                    throw new ImportBlockedException(plan);
                }
                meeting = meetings.insert(new Meeting(0, MeetingKind.ASSIGNMENT, n.heldOn(),
                        newTitle(n.title(), plan.title(), file.name()), ""));
                created = true;
            } else {
                meeting = meetings.findById(((ImportTarget.Existing) target).meetingId()).orElseThrow();
                plan = ImportPlanner.plan(file.name(), file.sheets(), context(target), options);
                if (plan.hasErrors()) {
                    throw new ImportBlockedException(plan);
                }
                refuseDifferentList(plan, target, options);
            }
            long auditBefore = runs.lastAuditId();
            ImportRun run = runs.insert(new ImportRun(0, ImportRun.Kind.TASKS, file.name(), meeting.id(),
                    Instant.now(auditLog.clock()).truncatedTo(ChronoUnit.SECONDS), auditLog.operator(),
                    backup == null ? "" : backup.getFileName().toString(), null, null));
            auditLog.created(AuditEntity.IMPORT, run.id(), null, null, file.name());
            LocalDate today = auditLog.today();
            TaskAudit audit = this.audit.forBatch();
            int done = 0;
            int total = plan.rows().size();
            java.util.Iterator<Task> added = java.util.Collections.emptyIterator();
            for (int r = 0; r < total; r++) {
                PlannedRow row = plan.rows().get(r);
                if (!added.hasNext() && row.change() == PlannedRow.Change.ADDED) {
                    added = insertAhead(plan.rows(), r, meeting.id()).iterator();
                }
                Task stored = switch (row.change()) {
                    case ADDED -> {
                        Task t = added.next();
                        audit.inserted(t);
                        yield t;
                    }
                    case UPDATED -> {
                        Task old = tasks.findById(row.task().id()).orElseThrow();
                        TaskRepository.Saved saved = tasks.update(row.task().withVersion(old.version()), today,
                                run.id());
                        audit.updated(old, saved, run.id());
                        yield saved.task();
                    }
                    case UNCHANGED -> row.task();
                };
                hooks.supervision(stored, row.supervised(), row.change() == PlannedRow.Change.ADDED, audit.log());
                progress.accept(++done, total);
            }
            audit.flush();
            acceptNames(plan);
            run = runs.finish(run, auditBefore + 1, runs.lastAuditId());
            return new ImportResult(meeting, created, plan, run, 0);
        });
        result = new ImportResult(result.meeting(), result.meetingCreated(), result.plan(), result.run(),
                db.changeCount());
        db.checkpoint(); // the imported rows into the database file now, not when SQLite gets round to it
        LOG.info("Imported {} into meeting {}: {} added, {} updated, {} unchanged", file.name(), result.meeting().id(),
                result.plan().count(PlannedRow.Change.ADDED), result.plan().count(PlannedRow.Change.UPDATED),
                result.plan().count(PlannedRow.Change.UNCHANGED));
        return result;
    }

    /**
     * Adds the units the user chose to add (names the roster does not know), audited, in the import's transaction:
     * if the import fails they are not added either. A name the roster knows by now is passed over.
     */
    private List<org.duban.model.Unit> addUnits(ImportOptions options) {
        if (options.newUnits().isEmpty()) {
            return List.of();
        }
        UnitResolver known = new UnitResolver(units.findAll());
        List<org.duban.model.Unit> added = new ArrayList<>();
        options.newUnits().forEach((name, kind) -> {
            if (!name.isBlank() && known.resolve(name).isEmpty()) {
                added.add(roster.add(new org.duban.service.units.RosterService.NewUnit(name.strip(), "",
                        kind == null ? NewUnits.guessKind(name) : kind, List.of())));
            }
        });
        if (!added.isEmpty()) {
            LOG.info("Import adds {} unit(s) to the roster: {}", added.size(), added.stream()
                    .map(org.duban.model.Unit::name).toList());
        }
        return added;
    }

    /**
     * The sources and categories of the file join the office's vocabulary: a new name is added at the end, and a
     * spelling the user mapped to an existing name is remembered as that name's alias, so the next list written the
     * same way matches by itself.
     */
    private void acceptNames(ImportPlan plan) {
        for (ImportPlan.TermUse u : plan.terms()) {
            if (u.isNew()) {
                names.ensure(u.kind(), u.name());
            } else if (u.chosen() && !u.written().equals(u.name())) {
                names.terms(u.kind()).stream().filter(t -> t.name().equals(u.name())).findFirst()
                        .ifPresent(t -> names.addAlias(t.id(), u.written()));
            }
        }
    }

    /** Stores the added tasks among the next rows (up to 500 rows from {@code from}) in one go, in order. */
    private List<Task> insertAhead(List<PlannedRow> rows, int from, long meetingId) {
        List<Task> batch = new java.util.ArrayList<>();
        for (PlannedRow row : rows.subList(from, Math.min(rows.size(), from + 500))) {
            if (row.change() == PlannedRow.Change.ADDED) {
                batch.add(inMeeting(row.task(), meetingId));
            }
        }
        return tasks.insertAll(batch);
    }

    /** A planned task placed in the meeting it is imported into (a plan for a new meeting has none yet). */
    private static Task inMeeting(Task t, long meetingId) {
        return t.meetingId() == meetingId ? t : new Task(t.id(), meetingId, t.seq(), t.source(), t.category(),
                t.problem(), t.target(), t.measures(), t.leader(), t.supportingUnits(), t.deadline(), t.remarks(),
                t.assignments(), t.leadUnitId());
    }

    /** The title of a meeting created by an import: the user's, else the list's title, else the file's name. */
    static String newTitle(String given, String listTitle, String fileName) {
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        if (listTitle != null && !listTitle.isBlank()) {
            return listTitle.length() > 80 ? listTitle.substring(0, 80) : listTitle;
        }
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /**
     * A different list is not an update: unless the user said so, an import that would write another list's
     * problems over the meeting's tasks by 序号 is refused, saying why.
     *
     * @throws DifferentListException naming how many rows describe other problems
     */
    private void refuseDifferentList(ImportPlan plan, ImportTarget target, ImportOptions options) {
        if (target instanceof ImportTarget.Existing && !options.updateDifferentList() && !plan.hasErrors()
                && plan.listMatch().different()) {
            throw new DifferentListException(plan, meetings.findById(((ImportTarget.Existing) target).meetingId())
                    .orElseThrow());
        }
    }

    private void requireMeeting(ImportTarget target) {
        if (target instanceof ImportTarget.Existing e && meetings.findById(e.meetingId()).isEmpty()) {
            throw new LocalizedException("cli.error.noMeeting", e.meetingId());
        }
    }
}
