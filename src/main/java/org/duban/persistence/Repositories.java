package org.duban.persistence;

/**
 * Every repository of one ledger, built once: the only place outside the repositories themselves that constructs
 * them (ArchitectureTest holds it). Services are given the ones they use; changes of several calls run through the
 * {@link #unitOfWork()}.
 */
public final class Repositories {
    private final Database db;
    private final UnitOfWork unitOfWork;
    private final AuditRepository audit;
    private final BulletinRepository bulletins;
    private final CloseOutRepository closeOuts;
    private final ConsistencyRepository consistency;
    private final EvidenceRepository evidence;
    private final ImportRunRepository importRuns;
    private final InspectionRepository inspections;
    private final InterviewRepository interviews;
    private final MeetingRepository meetings;
    private final MilestoneRepository milestones;
    private final NoticeRepository notices;
    private final ReportRepository reports;
    private final ScoreRuleRepository scoreRules;
    private final SettingsRepository settings;
    private final SupervisionRepository supervisions;
    private final TaskRepository tasks;
    private final TrackingConsistencyRepository trackingConsistency;
    private final UnitRepository units;
    private final VocabularyRepository vocabulary;
    private final AssignmentRecords assignmentRecords;
    private final BulkInsert bulkInsert;

    public Repositories(Database db) {
        this.db = db;
        this.unitOfWork = UnitOfWork.over(db);
        this.audit = new AuditRepository(db);
        this.bulletins = new BulletinRepository(db);
        this.closeOuts = new CloseOutRepository(db);
        this.consistency = new ConsistencyRepository(db);
        this.evidence = new EvidenceRepository(db);
        this.importRuns = new ImportRunRepository(db);
        this.inspections = new InspectionRepository(db);
        this.interviews = new InterviewRepository(db);
        this.meetings = new MeetingRepository(db);
        this.milestones = new MilestoneRepository(db);
        this.notices = new NoticeRepository(db);
        this.reports = new ReportRepository(db);
        this.scoreRules = new ScoreRuleRepository(db);
        this.settings = new SettingsRepository(db);
        this.supervisions = new SupervisionRepository(db);
        this.tasks = new TaskRepository(db);
        this.trackingConsistency = new TrackingConsistencyRepository(db);
        this.units = new UnitRepository(db);
        this.vocabulary = new VocabularyRepository(db);
        this.assignmentRecords = new AssignmentRecords(db);
        this.bulkInsert = new BulkInsert(db);
    }

    /** Changes of several repository calls in one transaction. */
    public UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    /** The audit chain's newest row and its hash, as bulletins, handouts and dossiers print it. */
    public AuditChain.Head auditHead() {
        return AuditChain.head(db);
    }

    public AuditRepository audit() {
        return audit;
    }

    public BulletinRepository bulletins() {
        return bulletins;
    }

    public CloseOutRepository closeOuts() {
        return closeOuts;
    }

    public ConsistencyRepository consistency() {
        return consistency;
    }

    public EvidenceRepository evidence() {
        return evidence;
    }

    public ImportRunRepository importRuns() {
        return importRuns;
    }

    public InspectionRepository inspections() {
        return inspections;
    }

    public InterviewRepository interviews() {
        return interviews;
    }

    public MeetingRepository meetings() {
        return meetings;
    }

    public MilestoneRepository milestones() {
        return milestones;
    }

    public NoticeRepository notices() {
        return notices;
    }

    public ReportRepository reports() {
        return reports;
    }

    public ScoreRuleRepository scoreRules() {
        return scoreRules;
    }

    public SettingsRepository settings() {
        return settings;
    }

    public SupervisionRepository supervisions() {
        return supervisions;
    }

    public TaskRepository tasks() {
        return tasks;
    }

    public TrackingConsistencyRepository trackingConsistency() {
        return trackingConsistency;
    }

    public UnitRepository units() {
        return units;
    }

    public VocabularyRepository vocabulary() {
        return vocabulary;
    }

    public AssignmentRecords assignmentRecords() {
        return assignmentRecords;
    }

    public BulkInsert bulkInsert() {
        return bulkInsert;
    }
}
