package org.duban.app;

import java.util.List;
import org.duban.i18n.Messages;
import org.duban.persistence.Database;
import org.duban.service.meetings.MeetingService;
import org.duban.service.tasks.TaskService;
import org.duban.ui.common.DialogService;
import org.duban.ui.common.TaskRunner;
import org.duban.ui.main.MainWindow;
import org.duban.ui.main.NavItem;
import org.duban.ui.settings.SettingsSection;
import org.duban.ui.settings.SettingsView;
import org.duban.ui.tasks.TaskListView;
import org.duban.ui.tasks.TaskListViewModel;

/** Wiring by hand: the services over one database, and the screens of the rail. */
public final class AppContext {
    private final Database db;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final TaskService taskService;
    private final MeetingService meetingService;

    public AppContext(Database db, TaskRunner runner, DialogService dialogs) {
        this.db = db;
        this.runner = runner;
        this.dialogs = dialogs;
        this.taskService = new TaskService(db);
        this.meetingService = new MeetingService(db);
    }

    /** The checklist screen with its view model (loading started). */
    public TaskListView taskListView() {
        TaskListViewModel vm = new TaskListViewModel(taskService, meetingService, runner, dialogs);
        TaskListView view = new TaskListView(vm);
        vm.load();
        return view;
    }

    /** The screens that work today, in rail order (settings last). */
    public List<NavItem> navItems() {
        return List.of(
                new NavItem("navTasks", "nav.tasks", "mdi2c-clipboard-list-outline", () -> taskListView().root()),
                new NavItem("navSettings", "nav.settings", "mdi2c-cog-outline",
                        () -> new SettingsView(settingsSections()).root()));
    }

    /** The sections of the settings screen, in order. */
    List<SettingsSection> settingsSections() {
        return List.of();
    }

    public MainWindow mainWindow() {
        return new MainWindow(navItems(), Messages.tr("app.footer.database", db.file()), runner);
    }

    public Database database() {
        return db;
    }
}
