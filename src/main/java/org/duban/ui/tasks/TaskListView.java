package org.duban.ui.tasks;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.duban.i18n.Messages;
import org.duban.model.Meeting;
import org.duban.service.tasks.ChecklistRow;
import org.duban.ui.common.LedgerAccess;
import org.duban.ui.common.MeetingChoice;
import org.duban.ui.common.ViewMemory;
import org.duban.ui.tasks.detail.DetailServices;
import org.duban.ui.tasks.detail.TaskDetailView;
import org.duban.ui.tasks.detail.TaskDetailViewModel;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The task checklist (任务清单): the toolbar (meeting, add/open/edit/delete), the filter line
 * ({@link ChecklistFilterBar}) and the table ({@link ChecklistTable}). Enter or a double click opens the task
 * detail view in place of the list; Esc comes back.
 */
public final class TaskListView {
    private final TaskListViewModel vm;
    private final DetailServices detailServices;
    private final StackPane root = new StackPane();
    private final BorderPane checklist = new BorderPane();
    private final ChecklistTable table;
    private final ChecklistFilterBar filters;
    private final HBox titleRow = new HBox(12);
    private final LedgerAccess access;
    private Button add;
    private Button edit;
    private Button delete;
    private TaskFormDialog openForm;
    private TaskDetailViewModel openDetail;
    private boolean shownBefore;

    /** A checklist without the detail view (Enter edits the task). */
    public TaskListView(TaskListViewModel vm) {
        this(vm, null);
    }

    public TaskListView(TaskListViewModel vm, DetailServices detailServices) {
        this(vm, detailServices, detailServices == null ? LedgerAccess.writable() : detailServices.access());
    }

    /**
     * @param access read-only: adding, editing and deleting (buttons and keys) are switched off; the detail view
     *               still opens
     */
    public TaskListView(TaskListViewModel vm, DetailServices detailServices, LedgerAccess access) {
        this.vm = vm;
        this.detailServices = detailServices;
        this.access = access;
        this.table = new ChecklistTable(vm, this::open, this::deleteSelected);
        this.filters = new ChecklistFilterBar(vm);
        root.setId("taskListView");
        checklist.setPadding(new Insets(16, 16, 8, 16));
        filters.addTrailing(rowHeightChoice());
        filters.onLeaveSearch(table::focusResults);
        checklist.setTop(new VBox(12, toolbar(), filters.root(), unitScopeLine()));
        checklist.setCenter(table.table());
        BorderPane.setMargin(checklist.getCenter(), new Insets(8, 0, 0, 0));
        root.getChildren().setAll(checklist);
        installKeys();
    }

    public Region root() {
        return root;
    }

    /** Remembers the columns and the row height the user leaves, and shows them so. */
    public void rememberIn(ViewMemory memory) {
        table.rememberIn(memory);
    }

    /**
     * "按 霞浦县 的分解任务显示": said while a unit is chosen, since light, status, latest report and milestones are
     * then that unit's share, not the whole task's.
     */
    private Node unitScopeLine() {
        Label text = new Label();
        text.setId("unitScopeLabel");
        text.getStyleClass().add("unit-scope");
        text.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            var u = vm.unitFilterProperty().get();
            return u == null ? "" : Messages.tr("tasks.unitScope", u.name());
        }, vm.unitFilterProperty()));
        Label hint = new Label(Messages.tr("tasks.unitScope.hint"));
        hint.getStyleClass().add("hint-label");
        HBox line = new HBox(10, new FontIcon("mdi2f-filter-outline"), text, hint);
        line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        line.visibleProperty().bind(vm.unitFilterProperty().isNotNull());
        text.visibleProperty().bind(line.visibleProperty());
        line.managedProperty().bind(line.visibleProperty());
        return line;
    }

    /** 行高：一行 / 两行, two toggles; two lines let 问题 and 最新进展 wrap. */
    private Node rowHeightChoice() {
        Label label = new Label(Messages.tr("tasks.rowHeight"));
        label.getStyleClass().add("count-label");
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        javafx.scene.control.ToggleButton one = new javafx.scene.control.ToggleButton(Messages.tr("tasks.rowHeight.one"));
        one.setId("oneLineRows");
        javafx.scene.control.ToggleButton two = new javafx.scene.control.ToggleButton(Messages.tr("tasks.rowHeight.two"));
        two.setId("twoLineRows");
        for (var b : List.of(one, two)) {
            b.setToggleGroup(group);
            b.setAccessibleText(Messages.tr("tasks.rowHeight") + " " + b.getText());
            b.getStyleClass().add("small");
        }
        one.getStyleClass().add(atlantafx.base.theme.Styles.LEFT_PILL);
        two.getStyleClass().add(atlantafx.base.theme.Styles.RIGHT_PILL);
        var twoLines = table.twoLinesProperty();
        (twoLines.get() ? two : one).setSelected(true);
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true); // one of the two is always chosen
            } else {
                twoLines.set(b == two);
            }
        });
        twoLines.addListener((o, a, b) -> (b ? two : one).setSelected(true));
        HBox box = new HBox(label, one, two);
        box.setSpacing(0);
        HBox.setMargin(one, new Insets(0, 0, 0, 8));
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    /** Adds actions that other capabilities offer (the Excel menu) to the right end of the toolbar. */
    public void addActions(Node... actions) {
        titleRow.getChildren().addAll(actions);
    }

    /** The open detail view's model, or null while the list shows. */
    public TaskDetailViewModel openDetail() {
        return openDetail;
    }

    private HBox toolbar() {
        Label title = new Label(Messages.tr("tasks.title"));
        title.getStyleClass().add("screen-title");

        // as wide as the meeting's name where the toolbar has room (1366 px: the whole name), narrower where not
        ComboBox<Meeting> meeting = MeetingChoice.create(vm.meetings(), vm.meetingProperty(), 640);
        meeting.setMinWidth(200);
        HBox.setHgrow(meeting, Priority.SOMETIMES);

        add = access.writes(iconButton("newTaskButton", "tasks.new", "mdi2p-plus"));
        add.getStyleClass().add("accent");
        add.setOnAction(e -> newTask());
        edit = access.writes(iconButton("editTaskButton", "tasks.edit", "mdi2p-pencil"), table.selectedProperty().isNull());
        edit.setOnAction(e -> editSelected());
        delete = access.writes(iconButton("deleteTaskButton", "tasks.delete", "mdi2d-delete-outline"),
                table.selectedProperty().isNull());
        delete.setOnAction(e -> deleteSelected());
        Button open = iconButton("openTaskButton", "tasks.open", "mdi2o-open-in-app");
        open.disableProperty().bind(table.selectedProperty().isNull());
        open.setOnAction(e -> openSelected());
        open.setVisible(detailServices != null);
        open.setManaged(detailServices != null);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        titleRow.getChildren().setAll(title, meeting, spacer, add, open, edit, delete);
        if (detailServices != null && detailServices.desk() != null) {
            ChecklistChase chase = new ChecklistChase(detailServices.desk().notices(), detailServices.tracking()::today,
                    detailServices.runner(), detailServices.dialogs());
            titleRow.getChildren().add(chase.menu(table::selected, vm.unitFilterProperty()::get, access,
                    table.selectedProperty().isNull()));
        }
        // at 1366 px (and in English) the title and every button keep their whole words: the meeting picker gives
        // way, down to its minimum, also for buttons added later (Excel)
        Runnable keepWhole = () -> titleRow.getChildren().forEach(n -> {
            if (n != meeting && n != spacer && n instanceof Region r) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        });
        titleRow.getChildren().addListener((javafx.collections.ListChangeListener<Node>) c -> keepWhole.run());
        keepWhole.run();
        titleRow.getStyleClass().add("toolbar-row");
        return titleRow;
    }

    private void installKeys() {
        KeyCombination newKey = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);
        KeyCombination findKey = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null && shownBefore && openDetail == null) {
                ChecklistRow sel = table.selected();
                // back from another screen: lights, the rule or the tasks may have changed
                vm.reloadRows(() -> {
                    if (sel != null) {
                        table.selectTask(sel.task().id());
                    }
                });
            }
            shownBefore |= scene != null;
            if (old != null) {
                old.getAccelerators().remove(newKey);
                old.getAccelerators().remove(findKey);
            }
            if (scene != null) {
                scene.getAccelerators().put(newKey, () -> {
                    if (openDetail == null && !add.isDisabled()) {
                        newTask();
                    }
                });
                scene.getAccelerators().put(findKey, () -> {
                    if (openDetail == null) {
                        filters.focusSearch();
                    }
                });
            }
        });
    }

    private static Button iconButton(String id, String key, String icon) {
        Button b = new Button(Messages.tr(key), new FontIcon(icon));
        b.setId(id);
        b.setAccessibleText(Messages.tr(key));
        return b;
    }

    /** Puts the cursor in the search field, text selected (Ctrl+F from another screen), unless a task is open. */
    public void focusSearch() {
        if (openDetail == null) {
            filters.focusSearch();
        }
    }

    /**
     * Shows what another seat changed: the rows are read again with the meeting and filters kept, and the task that
     * was selected is selected again. The detail view and an open form are left alone (what is typed there stays).
     */
    public void refreshFromOtherSeat() {
        ChecklistRow selected = table.selected();
        vm.refresh(selected == null ? null : () -> table.reselectTask(selected.task().id()));
    }

    /** Opens the form for a new task (Ctrl+N). */
    public void newTask() {
        if (openForm != null) {
            return;
        }
        if (vm.meetingProperty().get() == null) {
            vm.createFirstMeeting(this::newTask);
            return;
        }
        vm.newTaskForm().ifPresent(this::showForm);
    }

    private void openSelected() {
        ChecklistRow row = table.selected();
        if (row != null) {
            open(row);
        }
    }

    /** Shows the task's detail view in place of the list (or its edit form when there is no detail view). */
    private void open(ChecklistRow row) {
        if (detailServices == null) {
            edit(row);
            return;
        }
        long id = row.task().id();
        TaskDetailViewModel dvm = new TaskDetailViewModel(detailServices, id);
        var unit = vm.unitFilterProperty().get();
        dvm.openAtUnit(unit == null ? null : unit.id()); // filtered by a unit: the detail opens at that unit's share
        TaskDetailView view = new TaskDetailView(dvm, () -> closeDetail(id), () -> editFromDetail(dvm));
        openDetail = dvm;
        root.getChildren().setAll(view.root());
        dvm.load(() -> view.root().requestFocus());
    }

    private void closeDetail(long taskId) {
        openDetail = null;
        root.getChildren().setAll(checklist);
        vm.reloadRows(() -> table.selectTask(taskId));
        table.table().requestFocus();
    }

    private void editFromDetail(TaskDetailViewModel dvm) {
        if (openForm == null) {
            vm.row(dvm.taskId()).ifPresent(row -> showForm(vm.editForm(row), id -> dvm.load()));
        }
    }

    private void editSelected() {
        ChecklistRow row = table.selected();
        if (row != null) {
            edit(row);
        }
    }

    /** The edit button, or Enter on a row where there is no detail view, while the button could be pressed. */
    private void edit(ChecklistRow row) {
        if (openForm == null && !edit.isDisabled()) {
            showForm(vm.editForm(row));
        }
    }

    /** The delete button, or the Delete key while the button could be pressed. */
    private void deleteSelected() {
        ChecklistRow row = table.selected();
        if (row != null && !delete.isDisabled()) {
            vm.delete(row);
        }
    }

    private void showForm(TaskFormViewModel form) {
        showForm(form, table::selectTask);
    }

    private void showForm(TaskFormViewModel form, Consumer<Long> afterSave) {
        TaskFormDialog dialog = new TaskFormDialog(form, root.getScene().getWindow(), vm.sources(), vm.categories(),
                vm.dialogs());
        openForm = dialog;
        dialog.show(f -> vm.save(f, id -> {
            dialog.close();
            afterSave.accept(id);
        }));
        dialog.onHidden(() -> { // saved, cancelled or closed by the window's close box
            if (openForm == dialog) {
                openForm = null;
            }
            if (openDetail == null) {
                table.table().requestFocus();
            }
        });
    }
}
