package org.duban.app;

import java.time.Clock;
import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.duban.i18n.Messages;
import org.duban.model.Meeting;
import org.duban.model.Unit;
import org.duban.model.WarningLight;
import org.duban.persistence.Database;
import org.duban.service.Services;
import org.duban.service.meetings.MeetingService;
import org.duban.service.tasks.TaskService;
import org.duban.ui.charts.ChartsView;
import org.duban.ui.charts.ChartsViewModel;
import org.duban.ui.charts.projector.ProjectorButton;
import org.duban.ui.common.DialogService;
import org.duban.ui.common.FolderOpener;
import org.duban.ui.common.LedgerAccess;
import org.duban.ui.common.TaskRunner;
import org.duban.ui.desk.DeskView;
import org.duban.ui.desk.DeskViewModel;
import org.duban.ui.handouts.HandoutsView;
import org.duban.ui.handouts.HandoutsViewModel;
import org.duban.ui.importer.ExcelActions;
import org.duban.ui.inspections.InspectionsView;
import org.duban.ui.inspections.InspectionsViewModel;
import org.duban.ui.main.MainWindow;
import org.duban.ui.main.NavItem;
import org.duban.ui.meetings.MeetingsView;
import org.duban.ui.meetings.MeetingsViewModel;
import org.duban.ui.settings.BulletinSettingsSection;
import org.duban.ui.settings.BulletinSettingsViewModel;
import org.duban.ui.settings.DatabaseFileSection;
import org.duban.ui.settings.DatabaseFileViewModel;
import org.duban.ui.settings.DatabaseSwitcher;
import org.duban.ui.settings.FxDatabaseFilePicker;
import org.duban.ui.settings.LightRuleSection;
import org.duban.ui.settings.RosterSection;
import org.duban.ui.settings.RosterViewModel;
import org.duban.ui.settings.SettingsSection;
import org.duban.ui.settings.SettingsView;
import org.duban.ui.settings.TrackingSettingsSection;
import org.duban.ui.settings.TrackingSettingsViewModel;
import org.duban.ui.settings.VocabularySection;
import org.duban.ui.settings.VocabularyViewModel;
import org.duban.ui.settings.backup.BackupSection;
import org.duban.ui.settings.backup.BackupSectionViewModel;
import org.duban.ui.settings.handout.HandoutSettingsSection;
import org.duban.ui.tasks.TaskListView;
import org.duban.ui.tasks.TaskListViewModel;
import org.duban.ui.tasks.detail.DetailServices;
import org.duban.ui.tasks.detail.TaskDetailView;
import org.duban.ui.tasks.detail.TaskDetailViewModel;

/**
 * The screens of the rail over one set of {@link Services} (the window's wiring: built once here). Their clock is
 * where "today" comes from for every service and screen (lights, overdue, default dates, audit times); tests pass
 * a fixed one.
 */
public final class AppContext {
    private static final String NAV_TASKS = "navTasks";
    /** The 督办工作台, the screen the window opens on (second in the rail: the checklist keeps Ctrl+1). */
    static final String NAV_DESK = "navDesk";
    private final Database db;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final Services services;
    private final TaskService taskService;
    private final MeetingService meetingService;
    private final DatabaseSwitcher databaseSwitcher;
    /** Read-only when another copy of the program has the ledger open: every screen's writing actions are off. */
    private final LedgerAccess access;
    private MainWindow window;
    private org.duban.ui.common.ViewMemory viewMemory = org.duban.ui.common.ViewMemory.inMemory();
    private org.duban.ui.settings.SharedLedgerConnector sharedConnector = NO_CONNECTOR;
    /** For windows built without a way to connect (tests of other screens). */
    private static final org.duban.ui.settings.SharedLedgerConnector NO_CONNECTOR =
            new org.duban.ui.settings.SharedLedgerConnector() {
                @Override
                public java.util.Optional<Server> saved() {
                    return java.util.Optional.empty();
                }

                @Override
                public String test(Server server, String password) {
                    throw new org.duban.i18n.LocalizedException("settings.shared.error.unavailable");
                }

                @Override
                public Runnable connect(Server server, String password) {
                    throw new org.duban.i18n.LocalizedException("settings.shared.error.unavailable");
                }
            };
    /** The checklist's state once its screen is built: where the dashboard sends a click on a unit. */
    private TaskListViewModel checklist;
    /** Sees other seats' changes of the ledger (issue 16); polls once {@link #followOtherSeats} starts it. */
    private final org.duban.service.ledger.LedgerWatcher watcher;
    /** What the watcher refreshes, on the FX thread: the rail's checklist and dashboard once built. */
    private volatile Runnable checklistRefresh = () -> { };
    private volatile Runnable chartsRefresh = () -> { };

    public AppContext(Database db, TaskRunner runner, DialogService dialogs, DatabaseSwitcher databaseSwitcher) {
        this(Services.over(db), runner, dialogs, databaseSwitcher);
    }

    /** With "today" from {@code clock} everywhere (tests fix it). */
    public AppContext(Database db, TaskRunner runner, DialogService dialogs, DatabaseSwitcher databaseSwitcher,
                      Clock clock) {
        this(Services.over(db, clock), runner, dialogs, databaseSwitcher);
    }

    public AppContext(Services services, TaskRunner runner, DialogService dialogs, DatabaseSwitcher databaseSwitcher) {
        this.services = services;
        this.db = services.database();
        this.runner = runner;
        this.dialogs = dialogs;
        this.databaseSwitcher = databaseSwitcher;
        this.taskService = services.tasks();
        this.meetingService = services.meetings();
        // a window opened before the file's soundness check ran: read-only until it passed (CheckAfterRows)
        this.access = db.soundness() == Database.Soundness.CHECKING ? LedgerAccess.untilChecked()
                : LedgerAccess.of(db.isReadOnly(), db.isShared() ? "app.readOnly.bannerShared" : "app.readOnly.banner");
        this.watcher = services.ledgerWatcher();
        watcher.addListener(() -> javafx.application.Platform.runLater(() -> {
            checklistRefresh.run();
            chartsRefresh.run();
        }));
    }

    /**
     * Follows other seats' changes (and, read-only, the program that writes): every {@code every} the watcher reads
     * the ledger's change stamp in the background and, when it moved, the checklist and the dashboard read again,
     * keeping their meeting, filters and selection. The program calls it once its window is built; it stops when
     * the ledger is closed.
     */
    public void followOtherSeats(java.time.Duration every) {
        watcher.start(every);
    }

    /**
     * Notes where the ledger stands (the watcher's change stamp) on the runner, before the screens' first reads
     * queued after this call; the polls begin with {@link #followOtherSeatsAfterReads}. Together they follow the
     * same changes as {@link #followOtherSeats}, without the stamp's queries (a count of the audit trail, 21–100 ms
     * each on 270,000 rows) running beside the opening screen's read: they ran three times before its rows
     * (BENCHMARKS.md).
     */
    public void noteLedgerStamp() {
        runner.run(() -> watcher.pollNow(), ignored -> { }, e -> { }); // a failed read: the next poll notes it
    }

    /** The watcher that {@link #followOtherSeats} starts (tests). */
    org.duban.service.ledger.LedgerWatcher watcher() {
        return watcher;
    }

    /** Starts the polls once the reads queued on the runner so far (the opening screen's) are done; see above. */
    public void followOtherSeatsAfterReads(java.time.Duration every) {
        runner.run(() -> null, ignored -> watcher.start(every, every), e -> watcher.start(every, every));
    }

    /** The desk's first lines, read while the window started ({@link StartPrefetch}); null: the desk reads them. */
    java.util.concurrent.Callable<DeskViewModel.FirstRead> firstDesk;

    /** The checklist the rail shows (built the first time it is chosen), for Ctrl+F from other screens. */
    private TaskListView railChecklist;

    /** The checklist screen with its view model (loading started); Enter opens the task detail view. */
    public TaskListView taskListView() {
        TaskListViewModel vm = new TaskListViewModel(taskService, meetingService, runner, dialogs);
        checklist = vm;
        TaskListView view = new TaskListView(vm, DetailServices.of(services, runner, dialogs, access));
        ExcelActions excel = new ExcelActions(services.importer(), services.ledgerExporter(), services.returnForms(),
                meetingService, runner, dialogs,
                vm.meetingProperty()::get, m -> {
                    vm.meetingProperty().set(m);
                    vm.load();
                })
                .withUndo(services.importUndo(), () -> {
                    // the ledger was restored: the meeting imported into may be gone, and every screen is stale
                    vm.meetingProperty().set(null);
                    vm.load();
                    if (window != null) {
                        window.forgetOtherScreens();
                    }
                })
                .withReturns(services.returns(), services.progressReports(), services::today);
        view.addActions(excel.menuButton(access));
        view.rememberIn(viewMemory);
        checklistRefresh = view::refreshFromOtherSeat;
        vm.load();
        return view;
    }

    /**
     * The 督办工作台 (loading started). A line opens its task's detail view in place of the desk, at the line's unit;
     * the detail's back button brings the desk back. The task's basic fields are edited from the checklist.
     */
    public DeskView deskView() {
        DeskViewModel vm = new DeskViewModel(services.desk(), runner, dialogs).startingWith(firstDesk);
        firstDesk = null; // once: the desk built again (another ledger, after an undo) reads anew
        DetailServices detailServices = DetailServices.of(services, runner, dialogs, access);
        DeskView[] desk = new DeskView[1];
        desk[0] = new DeskView(vm, access, (item, back) -> {
            TaskDetailViewModel dvm = new TaskDetailViewModel(detailServices, item.taskId());
            TaskDetailView detail = new TaskDetailView(dvm, back, () -> { }, "detail.back.desk");
            javafx.scene.Node edit = detail.root().lookup("#editBasicButton");
            if (edit != null) {
                edit.setVisible(false);
                edit.setManaged(false);
            }
            desk[0].showInPlace(detail.root());
            dvm.load(() -> {
                dvm.assignments().stream().filter(s -> item.unitId() != null && s.unitId() == item.unitId())
                        .findFirst().ifPresent(dvm.selectedProperty()::set);
                detail.root().requestFocus();
            });
        });
        vm.load();
        return desk[0];
    }

    /**
     * 考评排名 (scored at once for this year so far). A double click on an event opens its task in place; back
     * returns to the scores.
     */
    public org.duban.ui.score.ScoreView scoreView() {
        org.duban.ui.score.ScoreViewModel vm = new org.duban.ui.score.ScoreViewModel(
                services.scores(), () -> services.handoutSettings().load().fonts(), runner, dialogs);
        DetailServices detailServices = DetailServices.of(services, runner, dialogs, access);
        org.duban.ui.score.ScoreView[] view = new org.duban.ui.score.ScoreView[1];
        view[0] = new org.duban.ui.score.ScoreView(vm, taskId -> {
            TaskDetailViewModel dvm = new TaskDetailViewModel(detailServices, taskId);
            TaskDetailView detail = new TaskDetailView(dvm, () -> view[0].back(), () -> { }, "detail.back.score");
            javafx.scene.Node edit = detail.root().lookup("#editBasicButton");
            if (edit != null) {
                edit.setVisible(false);
                edit.setManaged(false);
            }
            view[0].showInPlace(detail.root());
            dvm.load(() -> detail.root().requestFocus());
        });
        vm.load();
        return view[0];
    }

    /** The handout screen (讲义打印) with its view model (loading started). */
    public HandoutsView handoutsView() {
        HandoutsViewModel vm = new HandoutsViewModel(services.handouts(), meetingService, runner, dialogs);
        HandoutsView view = new HandoutsView(vm, runner);
        vm.load();
        return view;
    }

    /** The 下沉督察 screen (loading started). */
    public InspectionsView inspectionsView() {
        InspectionsViewModel vm = new InspectionsViewModel(services.inspections(), meetingService, runner, dialogs);
        InspectionsView view = new InspectionsView(vm, access);
        vm.load();
        return view;
    }

    /** The meetings screen (会议) with its view model (loading started). */
    public MeetingsView meetingsView() {
        MeetingsViewModel vm = new MeetingsViewModel(meetingService, services.meetingPacks(),
                services.scoredBulletins(), runner, dialogs, FolderOpener.desktop());
        MeetingsView view = new MeetingsView(vm, access);
        vm.load();
        return view;
    }

    /** The dashboard (进度图表) with its view model (loading started). */
    public ChartsView chartsView() {
        ChartsViewModel vm = new ChartsViewModel(services.charts(), meetingService, runner,
                dialogs, this::showChecklist);
        ChartsView view = new ChartsView(vm, new ProjectorButton(runner, dialogs, vm::projectorWork));
        chartsRefresh = vm::refresh;
        vm.load();
        return view;
    }

    /** The checklist, showing only a unit's tasks (and a light): the dashboard's way there. */
    private void showChecklist(Meeting meeting, Unit unit, WarningLight light) {
        if (window == null) {
            return;
        }
        window.select(NAV_TASKS);
        if (checklist != null) {
            checklist.showUnit(meeting, unit, light);
        }
    }

    /** The screens that work today, in rail order (settings last). */
    public List<NavItem> navItems() {
        return List.of(
                new NavItem(NAV_TASKS, "nav.tasks", "mdi2c-clipboard-list-outline", () -> {
                    railChecklist = taskListView();
                    return railChecklist.root();
                }),
                new NavItem(NAV_DESK, "nav.desk", "mdi2b-bell-alert-outline", () -> deskView().root()),
                new NavItem("navScore", "nav.score", "mdi2p-podium", () -> scoreView().root()),
                new NavItem("navCharts", "nav.charts", "mdi2c-chart-bar-stacked", () -> chartsView().root()),
                new NavItem("navHandouts", "nav.handouts", "mdi2p-printer-eye", () -> handoutsView().root()),
                new NavItem("navInspections", "nav.inspections", "mdi2m-map-marker-radius-outline",
                        () -> inspectionsView().root()),
                new NavItem("navMeetings", "nav.meetings", "mdi2c-calendar-account-outline", () -> meetingsView().root()),
                new NavItem("navSettings", "nav.settings", "mdi2c-cog-outline",
                        () -> new SettingsView(settingsSections(), access, dialogs).root()));
    }

    /** The sections of the settings screen, in order. */
    List<SettingsSection> settingsSections() {
        TrackingSettingsViewModel tracking = new TrackingSettingsViewModel(services.audit(),
                services.trackingSettings(), runner, dialogs);
        tracking.load();
        BulletinSettingsViewModel bulletin = new BulletinSettingsViewModel(services.bulletinSettings(), runner,
                dialogs);
        bulletin.load();
        RosterViewModel roster = new RosterViewModel(services.roster(), runner, dialogs, services::today);
        roster.load();
        VocabularyViewModel names = new VocabularyViewModel(services.vocabulary(), runner, dialogs);
        names.load();
        org.duban.ui.settings.LadderSettingsViewModel ladder = new org.duban.ui.settings.LadderSettingsViewModel(
                services.ladderSettings(), services.scores(), runner, dialogs);
        ladder.load();
        return List.of(databaseFileSection(), new LightRuleSection(tracking), new TrackingSettingsSection(tracking),
                new RosterSection(roster), new VocabularySection(names),
                new HandoutSettingsSection(services.handoutSettings(), runner, dialogs),
                new BulletinSettingsSection(bulletin), new org.duban.ui.settings.LadderSettingsSection(ladder),
                backupSection());
    }

    /**
     * Settings → backups; after a restore the other screens reload. A shared ledger has no backups folder beside a
     * file: the section says how its copy is made instead.
     */
    private SettingsSection backupSection() {
        if (db.isShared()) {
            return new org.duban.ui.settings.NoteSection("settings.backup.title", "sharedBackupNote",
                    Messages.tr("settings.backup.shared", db.location()));
        }
        return new BackupSection(new BackupSectionViewModel(services.backups(), db.isReadOnly(), runner, dialogs,
                () -> {
                    access.repaired(); // a ledger found damaged is sound again after a restore
                    if (window != null) {
                        window.forgetOtherScreens();
                    }
                }), access);
    }

    /** Settings → 数据库文件: the file in use, moving to another one, and 连接共享台账…. */
    private SettingsSection databaseFileSection() {
        return new DatabaseFileSection(new DatabaseFileViewModel(databaseSwitcher, runner, dialogs),
                new FxDatabaseFilePicker(),
                new org.duban.ui.settings.SharedLedgerViewModel(sharedConnector, runner, dialogs));
    }

    /**
     * The way to shared ledgers the settings offer (the window's: {@link SharedLedgerSwitch}); without one, testing
     * and connecting say that this window cannot move.
     */
    public AppContext connectingWith(org.duban.ui.settings.SharedLedgerConnector connector) {
        this.sharedConnector = connector;
        return this;
    }

    /**
     * Where the screens remember how the user left them (the checklist's columns): the user's preferences file in
     * the program, memory in tests.
     */
    public AppContext rememberingIn(org.duban.ui.common.ViewMemory memory) {
        this.viewMemory = memory;
        return this;
    }

    /** Whether this window may change the ledger (read-only until a check left for later passed: CheckAfterRows). */
    LedgerAccess access() {
        return access;
    }

    public MainWindow mainWindow() {
        window = new MainWindow(navItems(), footerText(), runner, access, NAV_DESK);
        // Ctrl+F searches the checklist from any screen (the window opens on the desk): the checklist comes to the
        // front with the cursor in its search field, where ↓ or Enter lands in the results
        KeyCombination find = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
        MainWindow w = window;
        javafx.event.EventHandler<KeyEvent> findFromAnywhere = e -> {
            if (find.match(e) && !NAV_TASKS.equals(w.shown())) {
                w.select(NAV_TASKS);
                // after the checklist has taken its place (a first showing lays it out and focuses its table)
                TaskListView shown = railChecklist;
                if (shown != null) {
                    javafx.application.Platform.runLater(shown::focusSearch);
                }
                e.consume();
            }
        };
        // on the scene: with nothing focused yet (a fresh desk) key events go to the scene, not to the root
        w.root().sceneProperty().addListener((o, old, scene) -> {
            if (old != null) {
                old.removeEventFilter(KeyEvent.KEY_PRESSED, findFromAnywhere);
            }
            if (scene != null) {
                scene.addEventFilter(KeyEvent.KEY_PRESSED, findFromAnywhere);
            }
        });
        return window;
    }

    /** The status bar's words on the ledger: the file, or the shared ledger's address (never a password). */
    private String footerText() {
        if (db.isShared()) {
            return Messages.tr(db.isReadOnly() ? "app.footer.sharedReadOnly" : "app.footer.shared",
                    SharedLedgers.shortLocation(db));
        }
        return Messages.tr(db.isReadOnly() ? "app.footer.databaseReadOnly" : "app.footer.database", db.file());
    }

    public Database database() {
        return db;
    }

    /** The window's services (its one clock among them). */
    public Services services() {
        return services;
    }
}
