package org.duban.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.duban.i18n.Messages;
import org.duban.i18n.Translator;
import org.duban.model.BackupReason;
import org.duban.model.Meeting;
import org.duban.model.ReportingCycle;
import org.duban.model.Task;
import org.duban.persistence.Database;
import org.duban.persistence.Repositories;
import org.duban.persistence.UnitOfWork;
import org.duban.service.audit.AuditLog;
import org.duban.service.backup.BackupService;
import org.duban.service.bulletin.BulletinService;
import org.duban.service.bulletin.BulletinSettings;
import org.duban.service.chart.ChartService;
import org.duban.service.check.CheckService;
import org.duban.service.dossier.DossierService;
import org.duban.service.handout.HandoutService;
import org.duban.service.handout.HandoutSettingsStore;
import org.duban.service.importer.ImportHooks;
import org.duban.service.importer.ImportUndo;
import org.duban.service.importer.TaskImporter;
import org.duban.service.inspections.InspectionService;
import org.duban.service.ladder.DeskService;
import org.duban.service.ladder.InterviewService;
import org.duban.service.ladder.LadderSettings;
import org.duban.service.ladder.NoticeService;
import org.duban.service.ledger.LedgerExporter;
import org.duban.service.meetings.MeetingService;
import org.duban.service.pack.MeetingPackService;
import org.duban.service.returns.ProgressSink;
import org.duban.service.returns.ReturnFormWriter;
import org.duban.service.returns.ReturnsImporter;
import org.duban.service.score.ScoreService;
import org.duban.service.score.ScoredBulletins;
import org.duban.service.stats.StatsService;
import org.duban.service.tasks.TaskService;
import org.duban.service.tracking.CloseOutService;
import org.duban.service.tracking.EvidenceService;
import org.duban.service.tracking.ProgressService;
import org.duban.service.tracking.SupervisionService;
import org.duban.service.tracking.TrackingService;
import org.duban.service.tracking.TrackingSettings;
import org.duban.service.units.RosterService;
import org.duban.service.vocabulary.VocabularyService;

/**
 * The wiring: every service of one ledger, built once over its {@link Repositories}, its {@link UnitOfWork}, one
 * {@link AuditLog} and one {@link Clock}, each given what it uses in its constructor. The window
 * ({@code AppContext}) and the command line ({@code DubanCommand}) each build one; no service builds another.
 *
 * <p>The clock is where every "today" and "now" comes from (lights, overdue, default dates, audit times, backup
 * names): {@link #over(Database)} takes the computer's, the only place that does; a test passes a fixed one to
 * {@link #over(Database, Clock)} and today is that day everywhere. The sample and the generated ledger replay
 * their records on a clock of their own ({@link #at}).
 */
public final class Services {
    private final Database db;
    private final Repositories repos;
    private final Clock clock;
    private final AuditLog audit;
    private final TrackingSettings trackingSettings;
    private final TrackingService tracking;
    private final VocabularyService vocabulary;
    private final RosterService roster;
    private final TaskService tasks;
    private final MeetingService meetings;
    private final StatsService stats;
    private final ChartService charts;
    private final EvidenceService evidence;
    private final ProgressService progress;
    private final CloseOutService closeOuts;
    private final SupervisionService supervision;
    private final InspectionService inspections;
    private final HandoutSettingsStore handoutSettings;
    private final HandoutService handouts;
    private final BulletinSettings bulletinSettings;
    private final BulletinService bulletins;
    private final LadderSettings ladderSettings;
    private final NoticeService notices;
    private final DeskService desk;
    private final InterviewService interviews;
    private final ScoreService scores;
    private final ScoredBulletins scoredBulletins;
    private final LedgerExporter ledgerExporter;
    private final ReturnFormWriter returnForms;
    private final ReturnsImporter returns;
    private final MeetingPackService meetingPacks;
    private final DossierService dossiers;
    private final BackupService backups;
    private final CheckService checks;
    private final TaskImporter importer;
    private final TaskImporter plainImporter;
    private final ImportUndo importUndo;

    private Services(Database db, Repositories repos, Clock clock, AuditLog audit) {
        this.db = db;
        this.repos = repos;
        this.clock = clock;
        this.audit = audit;
        UnitOfWork uow = repos.unitOfWork();
        trackingSettings = new TrackingSettings(repos, uow, audit);
        tracking = new TrackingService(repos, audit, trackingSettings);
        vocabulary = new VocabularyService(repos, uow, audit);
        roster = new RosterService(repos, uow, audit);
        tasks = new TaskService(repos, uow, audit, tracking, vocabulary);
        meetings = new MeetingService(repos, uow, audit, tracking);
        stats = new StatsService(repos, tracking);
        charts = new ChartService(stats);
        evidence = new EvidenceService(repos, uow, audit, trackingSettings);
        progress = new ProgressService(repos, uow, audit, evidence, tracking);
        closeOuts = new CloseOutService(repos, uow, audit, trackingSettings, evidence, tracking);
        supervision = new SupervisionService(repos, uow, audit);
        inspections = new InspectionService(repos, uow, audit, tasks);
        handoutSettings = new HandoutSettingsStore(repos, uow, db.isReadOnly());
        handouts = new HandoutService(repos, tracking, handoutSettings);
        bulletinSettings = new BulletinSettings(repos, uow, audit);
        bulletins = new BulletinService(repos, uow, audit, stats, bulletinSettings, handoutSettings);
        ladderSettings = new LadderSettings(repos, uow, audit);
        notices = new NoticeService(repos, uow, audit, tracking, ladderSettings, bulletinSettings, handoutSettings);
        desk = new DeskService(repos, audit, tracking, notices);
        interviews = new InterviewService(repos, uow, audit, notices);
        scores = new ScoreService(repos, uow, audit, tracking, bulletinSettings);
        scoredBulletins = new ScoredBulletins(bulletins, scores);
        ledgerExporter = new LedgerExporter(repos, tracking, Translator.window());
        returnForms = new ReturnFormWriter(repos, tracking);
        returns = new ReturnsImporter(repos, uow, db);
        meetingPacks = new MeetingPackService(meetings, bulletins, stats, handouts, ledgerExporter);
        dossiers = new DossierService(repos, tracking, clock.getZone());
        backups = new BackupService(db, repos, clock);
        checks = new CheckService(db, repos, tracking);
        importer = importer(importHooks());
        plainImporter = importer(ImportHooks.NONE);
        importUndo = new ImportUndo(repos, db, audit, backups);
    }

    /** The services of the ledger {@code db} on the computer's clock: the program's, window and command line. */
    public static Services over(Database db) {
        return over(db, systemClock());
    }

    /** The computer's clock in its zone: the program's one source of "now" (no other class asks the system). */
    public static Clock systemClock() {
        return Clock.systemDefaultZone();
    }

    /** The services of the ledger {@code db} with "today" and "now" from {@code clock}. */
    public static Services over(Database db, Clock clock) {
        Repositories repos = new Repositories(db);
        return new Services(db, repos, clock, new AuditLog(repos.audit(), repos.settings(), repos.unitOfWork(), clock));
    }

    /**
     * The same ledger on another clock, audited under this one's operator: the sample and the generated ledger
     * replay a year of records, each dated as it would have been written.
     */
    public Services at(Clock other) {
        return new Services(db, repos, other, audit.at(other));
    }

    /**
     * The same ledger audited under {@code seat}'s operator rather than the ledger's setting: one seat of a shared
     * ledger, where every seat writes and each names its own operator ({@link AuditLog.Seat}).
     */
    public Services seatedAt(AuditLog.Seat seat) {
        return new Services(db, repos, clock, audit.seatedAt(seat));
    }

    /** The same services writing the audit trail under {@code operator}, whatever the settings say (the sample). */
    public Services operatedBy(String operator) {
        return new Services(db, repos, clock, audit.withOperator(operator));
    }

    /**
     * A new watcher of this ledger's changes by other seats (the window's checklist and charts follow them); it does
     * not poll until started.
     */
    public org.duban.service.ledger.LedgerWatcher ledgerWatcher() {
        return new org.duban.service.ledger.LedgerWatcher(repos.audit(), () -> !db.isClosed());
    }

    public Database database() {
        return db;
    }

    public Repositories repositories() {
        return repos;
    }

    /** The one clock of these services. */
    public Clock clock() {
        return clock;
    }

    /** Today by the clock. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public AuditLog audit() {
        return audit;
    }

    public TrackingSettings trackingSettings() {
        return trackingSettings;
    }

    public TrackingService tracking() {
        return tracking;
    }

    public VocabularyService vocabulary() {
        return vocabulary;
    }

    public RosterService roster() {
        return roster;
    }

    public TaskService tasks() {
        return tasks;
    }

    public MeetingService meetings() {
        return meetings;
    }

    public StatsService stats() {
        return stats;
    }

    public ChartService charts() {
        return charts;
    }

    public EvidenceService evidence() {
        return evidence;
    }

    public ProgressService progress() {
        return progress;
    }

    public CloseOutService closeOuts() {
        return closeOuts;
    }

    public SupervisionService supervision() {
        return supervision;
    }

    public InspectionService inspections() {
        return inspections;
    }

    public HandoutSettingsStore handoutSettings() {
        return handoutSettings;
    }

    public HandoutService handouts() {
        return handouts;
    }

    public BulletinSettings bulletinSettings() {
        return bulletinSettings;
    }

    public BulletinService bulletins() {
        return bulletins;
    }

    public LadderSettings ladderSettings() {
        return ladderSettings;
    }

    public NoticeService notices() {
        return notices;
    }

    public DeskService desk() {
        return desk;
    }

    public InterviewService interviews() {
        return interviews;
    }

    public ScoreService scores() {
        return scores;
    }

    public ScoredBulletins scoredBulletins() {
        return scoredBulletins;
    }

    /** The ledger export in the window's language ({@link LedgerExporter#in} for another). */
    public LedgerExporter ledgerExporter() {
        return ledgerExporter;
    }

    public ReturnFormWriter returnForms() {
        return returnForms;
    }

    public ReturnsImporter returns() {
        return returns;
    }

    public MeetingPackService meetingPacks() {
        return meetingPacks;
    }

    public DossierService dossiers() {
        return dossiers;
    }

    public BackupService backups() {
        return backups;
    }

    public CheckService checks() {
        return checks;
    }

    /** The task import with nothing around it: no backup before, no supervision flags (tests, scripted loads). */
    public TaskImporter plainImporter() {
        return plainImporter;
    }

    /**
     * The task import as the window and the {@code import} command run it: a backup of the ledger before every
     * import, and a task whose 备注 says 挂牌督办 put under supervision ({@link #importHooks}).
     */
    public TaskImporter importer() {
        return importer;
    }

    /** The task import with {@code hooks} around it. */
    public TaskImporter importer(ImportHooks hooks) {
        return new TaskImporter(repos, repos.unitOfWork(), db, audit, vocabulary, roster, hooks);
    }

    /** Undoing the last import: restoring the backup taken before it. */
    public ImportUndo importUndo() {
        return importUndo;
    }

    /**
     * What a task import does around its rows, for the window and the command line alike: a copy of the ledger
     * before every import ({@link ImportHooks#beforeImport}; not on a dry run, which writes nothing), and a task
     * whose 备注 says 挂牌督办 put under supervision ({@link ImportHooks#supervision}), audited.
     */
    public ImportHooks importHooks() {
        return new ImportHooks() {
            /**
             * The day of the meeting the import writes into, read at its first supervised task: a 10,000-row import
             * read the meeting again for each of its 446 (issue 24). Forgotten before each import.
             */
            private Meeting meeting;

            @Override
            public java.nio.file.Path beforeImport(java.nio.file.Path file) {
                meeting = null;
                if (db.isShared()) {
                    return null; // no backups folder: the import is one transaction, and is not undone by a restore
                }
                return backups.backupBefore(BackupReason.IMPORT).file();
            }

            /**
             * Flags a task marked 挂牌督办 from the day of its meeting, monthly, with the leader still to be named
             * (the list does not say who supervises). A task already supervised, or no longer marked, is left as
             * it is: supervision is ended in the program, not by a spreadsheet.
             */
            @Override
            public void supervision(Task task, boolean supervised) {
                supervise(task, supervised, supervision);
            }

            /** The same, its audit rows kept by the import's {@code batch} after the task's own. */
            @Override
            public void supervision(Task task, boolean supervised, AuditLog batch) {
                supervise(task, supervised, supervision.auditedBy(batch));
            }

            /**
             * A task the import has just added is not supervised yet: it is put under supervision without asking
             * (one write instead of five statements, issue 24).
             */
            @Override
            public void supervision(Task task, boolean supervised, boolean added, AuditLog batch) {
                if (!added) {
                    supervision(task, supervised, batch);
                } else if (supervised) {
                    supervision.auditedBy(batch).superviseNew(task.id(), Messages.tr("supervision.fromImport.leader"),
                            since(task), ReportingCycle.MONTHLY, Messages.tr("supervision.fromImport.note"));
                }
            }

            private void supervise(Task task, boolean supervised, SupervisionService supervision) {
                if (!supervised || supervision.of(task.id()).isPresent()) {
                    return;
                }
                supervision.supervise(task.id(), Messages.tr("supervision.fromImport.leader"), since(task),
                        ReportingCycle.MONTHLY, Messages.tr("supervision.fromImport.note"));
            }

            /** The day of the task's meeting (today when it cannot be read). */
            private LocalDate since(Task task) {
                if (meeting == null || meeting.id() != task.meetingId()) {
                    meeting = repos.meetings().findById(task.meetingId()).orElse(null);
                }
                return meeting == null ? today() : meeting.heldOn();
            }
        };
    }

    /** Where checked return-form rows become progress reports, each checked like one typed in the detail view. */
    public ProgressSink progressReports() {
        return e -> progress.addReport(e.assignmentId(), new ProgressService.ReportInput(e.reportedOn(),
                String.valueOf(e.percent()), e.progress(), e.reporter()), List.of());
    }
}
