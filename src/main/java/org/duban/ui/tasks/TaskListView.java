package org.duban.ui.tasks;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.duban.i18n.Messages;
import org.duban.model.Deadline;
import org.duban.model.Meeting;
import org.duban.model.TaskStatus;
import org.duban.model.Unit;
import org.duban.model.WarningLight;
import org.duban.service.tasks.ChecklistRow;
import org.duban.service.tracking.AssignmentState;
import org.duban.ui.common.Choice;
import org.duban.ui.common.MeetingChoice;
import org.duban.ui.common.DateFields;
import org.duban.ui.common.LightBadge;
import org.duban.ui.tasks.detail.DetailServices;
import org.duban.ui.tasks.detail.TaskDetailView;
import org.duban.ui.tasks.detail.TaskDetailViewModel;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The task checklist (任务清单): table with warning lights, filters, search and the add/edit/delete actions.
 * Enter or a double click opens the task detail view in place of the list; Esc comes back.
 */
public final class TaskListView {
    private final TaskListViewModel vm;
    private final DetailServices detailServices;
    private final StackPane root = new StackPane();
    private final BorderPane checklist = new BorderPane();
    private final TableView<ChecklistRow> table = new TableView<>();
    private final TextField search = new TextField();
    private final HBox titleRow = new HBox(12);
    private TaskFormDialog openForm;
    private TaskDetailViewModel openDetail;
    private boolean shownBefore;

    /** A checklist without the detail view (Enter edits the task). */
    public TaskListView(TaskListViewModel vm) {
        this(vm, null);
    }

    public TaskListView(TaskListViewModel vm, DetailServices detailServices) {
        this.vm = vm;
        this.detailServices = detailServices;
        root.setId("taskListView");
        checklist.setPadding(new Insets(16, 16, 8, 16));
        checklist.setTop(header());
        checklist.setCenter(table());
        BorderPane.setMargin(checklist.getCenter(), new Insets(8, 0, 0, 0));
        root.getChildren().setAll(checklist);
        installKeys();
    }

    public Region root() {
        return root;
    }

    /** Adds actions that other capabilities offer (the Excel menu) to the right end of the toolbar. */
    public void addActions(javafx.scene.Node... actions) {
        titleRow.getChildren().addAll(actions);
    }

    /** The open detail view's model, or null while the list shows. */
    public TaskDetailViewModel openDetail() {
        return openDetail;
    }

    private VBox header() {
        Label title = new Label(Messages.tr("tasks.title"));
        title.getStyleClass().add("screen-title");

        ComboBox<Meeting> meeting = MeetingChoice.create(vm.meetings(), vm.meetingProperty(), 420);

        Button add = iconButton("newTaskButton", "tasks.new", "mdi2p-plus");
        add.getStyleClass().add("accent");
        add.setOnAction(e -> newTask());
        Button edit = iconButton("editTaskButton", "tasks.edit", "mdi2p-pencil");
        edit.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        edit.setOnAction(e -> editSelected());
        Button delete = iconButton("deleteTaskButton", "tasks.delete", "mdi2d-delete-outline");
        delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        delete.setOnAction(e -> deleteSelected());
        Button open = iconButton("openTaskButton", "tasks.open", "mdi2o-open-in-app");
        open.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> openSelected());
        open.setVisible(detailServices != null);
        open.setManaged(detailServices != null);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        titleRow.getChildren().setAll(title, meeting, spacer, add, open, edit, delete);
        titleRow.getStyleClass().add("toolbar-row");

        search.setId("searchField");
        search.setPromptText(Messages.tr("tasks.search.prompt"));
        search.setAccessibleText(Messages.tr("tasks.search.prompt"));
        search.textProperty().bindBidirectional(vm.searchTextProperty());
        search.setPrefWidth(230);

        ComboBox<Choice<Unit>> unit = filterCombo("unitFilter", "tasks.filter.unit");
        bindChoices(unit, vm.units(), Messages.tr("tasks.filter.allUnits"), Unit::name);
        unit.valueProperty().addListener((o, a, n) -> vm.unitFilterProperty().set(n == null ? null : n.value()));
        vm.unitFilterProperty().addListener((o, a, n) -> select(unit, n));

        ComboBox<Choice<TaskStatus>> status = filterCombo("statusFilter", "tasks.filter.status");
        bindChoices(status, javafx.collections.FXCollections.observableArrayList(TaskStatus.values()),
                Messages.tr("tasks.filter.allStatuses"), s -> Messages.tr("status." + s.name()));
        status.valueProperty().addListener((o, a, n) -> vm.statusFilterProperty().set(n == null ? null : n.value()));
        vm.statusFilterProperty().addListener((o, a, n) -> select(status, n));

        ComboBox<Choice<String>> source = filterCombo("sourceFilter", "tasks.filter.source");
        bindChoices(source, vm.sources(), Messages.tr("tasks.filter.allSources"), s -> s);
        source.valueProperty().addListener((o, a, n) -> vm.sourceFilterProperty().set(n == null ? null : n.value()));
        vm.sourceFilterProperty().addListener((o, a, n) -> select(source, n));

        ComboBox<Choice<String>> category = filterCombo("categoryFilter", "tasks.filter.category");
        bindChoices(category, vm.categories(), Messages.tr("tasks.filter.allCategories"), s -> s);
        category.valueProperty().addListener((o, a, n) -> vm.categoryFilterProperty().set(n == null ? null : n.value()));
        vm.categoryFilterProperty().addListener((o, a, n) -> select(category, n));

        ComboBox<Choice<WarningLight>> light = filterCombo("lightFilter", "tasks.filter.light");
        bindChoices(light, javafx.collections.FXCollections.observableArrayList(WarningLight.values()),
                Messages.tr("tasks.filter.allLights"), l -> Messages.tr("light." + l.name()));
        light.valueProperty().addListener((o, a, n) -> vm.lightFilterProperty().set(n == null ? null : n.value()));
        vm.lightFilterProperty().addListener((o, a, n) -> select(light, n));

        CheckBox supervised = new CheckBox(Messages.tr("tasks.filter.supervisedOnly"));
        supervised.setId("supervisedOnlyCheck");
        supervised.setAccessibleText(Messages.tr("tasks.filter.supervisedOnly"));
        supervised.selectedProperty().bindBidirectional(vm.supervisedOnlyProperty());

        Button clear = new Button(Messages.tr("tasks.filter.clear"));
        clear.setId("clearFiltersButton");
        clear.getStyleClass().add("flat");
        clear.setOnAction(e -> vm.clearFilters());

        Label count = new Label();
        count.setId("countLabel");
        count.getStyleClass().add("count-label");
        count.textProperty().bind(vm.countTextProperty());

        for (javafx.scene.control.Control c : List.of(unit, light, status, source, category, supervised, clear, count)) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        // wraps onto a second line on narrow windows rather than squeezing the filters to "全..."
        javafx.scene.layout.FlowPane filterRow = new javafx.scene.layout.FlowPane(8, 6, search, unit, light, status,
                supervised, source, category, clear, count);
        filterRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return new VBox(12, titleRow, filterRow);
    }

    private static <T> ComboBox<Choice<T>> filterCombo(String id, String accessibleKey) {
        ComboBox<Choice<T>> c = new ComboBox<>();
        c.setId(id);
        c.setAccessibleText(Messages.tr(accessibleKey));
        c.setMaxWidth(220);
        return c;
    }

    /** Keeps a filter combo's items in step with a list, with "all" first. */
    private static <T> void bindChoices(ComboBox<Choice<T>> combo, ObservableList<T> source, String allLabel,
                                        java.util.function.Function<T, String> label) {
        Runnable refresh = () -> {
            T selected = combo.getValue() == null ? null : combo.getValue().value();
            List<Choice<T>> items = new ArrayList<>();
            items.add(new Choice<>(null, allLabel));
            source.forEach(v -> items.add(new Choice<>(v, label.apply(v))));
            combo.getItems().setAll(items);
            select(combo, selected);
        };
        source.addListener((ListChangeListener<T>) c -> refresh.run());
        refresh.run();
    }

    private static <T> void select(ComboBox<Choice<T>> combo, T value) {
        for (Choice<T> c : combo.getItems()) {
            if (java.util.Objects.equals(c.value(), value)) {
                if (combo.getValue() != c) {
                    combo.setValue(c);
                }
                return;
            }
        }
        combo.setValue(combo.getItems().isEmpty() ? null : combo.getItems().get(0));
    }

    private TableView<ChecklistRow> table() {
        table.setId("taskTable");
        table.setAccessibleText(Messages.tr("tasks.title"));
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.setTableMenuButtonVisible(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        TableColumn<ChecklistRow, Integer> seq = new TableColumn<>(Messages.tr("task.field.seq"));
        seq.setId("seqColumn");
        seq.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().task().seq()));
        seq.setPrefWidth(64);
        seq.setMinWidth(56);
        seq.setMaxWidth(90);
        seq.setStyle("-fx-alignment: CENTER;");

        TableColumn<ChecklistRow, String> problem = new TableColumn<>(Messages.tr("task.field.problem"));
        problem.setId("problemColumn");
        problem.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().task().problem()));
        problem.setCellFactory(c -> new TooltipCell());
        problem.setPrefWidth(400);

        TableColumn<ChecklistRow, String> units = new TableColumn<>(Messages.tr("task.field.units"));
        units.setId("unitsColumn");
        units.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().unitNames()));
        units.setCellFactory(c -> new TooltipCell());
        units.setPrefWidth(230);

        TableColumn<ChecklistRow, Deadline> deadline = new TableColumn<>(Messages.tr("task.field.deadline"));
        deadline.setId("deadlineColumn");
        deadline.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().task().deadline()));
        deadline.setCellFactory(c -> new DeadlineCell());
        deadline.setPrefWidth(150);

        TableColumn<ChecklistRow, TaskStatus> status = new TableColumn<>(Messages.tr("task.field.status"));
        status.setId("statusColumn");
        status.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().status()));
        status.setCellFactory(c -> new StatusCell());
        status.setPrefWidth(120);

        TableColumn<ChecklistRow, WarningLight> light = new TableColumn<>(Messages.tr("tasks.column.light"));
        light.setId("lightColumn");
        light.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().light()));
        light.setCellFactory(c -> new LightCell());
        light.setPrefWidth(96);
        light.setMinWidth(92);

        TableColumn<ChecklistRow, String> latest = new TableColumn<>(Messages.tr("tasks.column.latest"));
        latest.setId("latestColumn");
        latest.setCellValueFactory(c -> new ReadOnlyStringWrapper(latestText(c.getValue())));
        latest.setCellFactory(c -> new TooltipCell());
        latest.setPrefWidth(300);

        TableColumn<ChecklistRow, String> supervision = new TableColumn<>(Messages.tr("tasks.column.supervision"));
        supervision.setId("supervisionColumn");
        supervision.setCellValueFactory(c -> new ReadOnlyStringWrapper(supervisionText(c.getValue())));
        supervision.setCellFactory(c -> new TooltipCell());
        supervision.setPrefWidth(130);
        supervision.setMinWidth(100);

        TableColumn<ChecklistRow, String> source = new TableColumn<>(Messages.tr("task.field.source"));
        source.setId("sourceColumn");
        source.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().task().source()));
        source.setVisible(false);
        TableColumn<ChecklistRow, String> category = new TableColumn<>(Messages.tr("task.field.category"));
        category.setId("categoryColumn");
        category.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().task().category()));
        category.setVisible(false);

        table.getColumns().setAll(List.of(seq, light, problem, units, deadline, status, latest, supervision, source,
                category));

        SortedList<ChecklistRow> sorted = new SortedList<>(vm.visibleRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);

        Label empty = new Label();
        empty.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> Messages.tr(vm.rows().isEmpty() ? "tasks.empty" : "tasks.noMatch"), vm.rows()));
        table.setPlaceholder(empty);

        table.setRowFactory(tv -> {
            TableRow<ChecklistRow> r = new TableRow<>();
            r.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !r.isEmpty()) {
                    open(r.getItem());
                }
            });
            return r;
        });
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE) {
                deleteSelected();
                e.consume();
            }
        });
        return table;
    }

    private void installKeys() {
        KeyCombination newKey = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);
        KeyCombination findKey = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null && shownBefore && openDetail == null) {
                ChecklistRow sel = table.getSelectionModel().getSelectedItem();
                // back from another screen: lights, the rule or the tasks may have changed
                vm.reloadRows(() -> {
                    if (sel != null) {
                        selectTask(sel.task().id());
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
                    if (openDetail == null) {
                        newTask();
                    }
                });
                scene.getAccelerators().put(findKey, () -> {
                    if (openDetail == null) {
                        search.requestFocus();
                        search.selectAll();
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
        ChecklistRow row = table.getSelectionModel().getSelectedItem();
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
        TaskDetailView view = new TaskDetailView(dvm, () -> closeDetail(id), () -> editFromDetail(dvm));
        openDetail = dvm;
        root.getChildren().setAll(view.root());
        dvm.load(() -> view.root().requestFocus());
    }

    private void closeDetail(long taskId) {
        openDetail = null;
        root.getChildren().setAll(checklist);
        vm.reloadRows(() -> selectTask(taskId));
        table.requestFocus();
    }

    private void editFromDetail(TaskDetailViewModel dvm) {
        if (openForm == null) {
            vm.row(dvm.taskId()).ifPresent(row -> showForm(vm.editForm(row), id -> dvm.load()));
        }
    }

    private void editSelected() {
        ChecklistRow row = table.getSelectionModel().getSelectedItem();
        if (row != null) {
            edit(row);
        }
    }

    private void edit(ChecklistRow row) {
        if (openForm == null) {
            showForm(vm.editForm(row));
        }
    }

    private void deleteSelected() {
        ChecklistRow row = table.getSelectionModel().getSelectedItem();
        if (row != null) {
            vm.delete(row);
        }
    }

    private void showForm(TaskFormViewModel form) {
        showForm(form, this::selectTask);
    }

    private void showForm(TaskFormViewModel form, java.util.function.Consumer<Long> afterSave) {
        TaskFormDialog dialog = new TaskFormDialog(form, root.getScene().getWindow(), vm.sources(), vm.categories());
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
                table.requestFocus();
            }
        });
    }

    /** 2026-11-16 福安 55%：text, the most recent report of any unit. */
    private static String latestText(ChecklistRow row) {
        return row.latestReporter().map(s -> Messages.tr("tasks.latest", DateFields.text(s.latestReport().reportedOn()),
                row.units().stream().filter(u -> u.id() == s.unitId()).map(Unit::shortName).findFirst().orElse(""),
                s.latestReport().percent(), s.latestReport().text())).orElse(Messages.tr("tasks.latest.none"));
    }

    private static String supervisionText(ChecklistRow row) {
        if (!row.supervised()) {
            return "";
        }
        return Messages.tr(row.tracking().supervisionReportOverdue() ? "tasks.supervision.overdue"
                : "tasks.supervision.on", row.tracking().supervision().leader());
    }

    /** The light with its word, and why in a tooltip (each unit that is not green). */
    private static final class LightCell extends TableCell<ChecklistRow, WarningLight> {
        @Override
        protected void updateItem(WarningLight item, boolean empty) {
            super.updateItem(item, empty);
            LightBadge.show(this, empty ? null : item);
            ChecklistRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
            if (row == null || row.tracking() == null) {
                setTooltip(null);
                return;
            }
            StringBuilder sb = new StringBuilder();
            for (AssignmentState s : row.tracking().states()) {
                String unit = row.units().stream().filter(u -> u.id() == s.unitId()).map(Unit::name).findFirst()
                        .orElse("");
                sb.append(unit).append("：").append(Messages.tr("light." + s.light().name()));
                if (!s.reasons().isEmpty()) {
                    sb.append("（").append(s.reasons().stream().sorted()
                            .map(r -> Messages.tr("light.reason." + r.name()))
                            .collect(java.util.stream.Collectors.joining("、"))).append("）");
                }
                sb.append('\n');
            }
            setTooltip(new Tooltip(sb.toString().strip()));
        }
    }

    private void selectTask(long id) {
        for (ChecklistRow r : table.getItems()) {
            if (r.task().id() == id) {
                table.getSelectionModel().select(r);
                table.scrollTo(r);
                return;
            }
        }
    }

    /** A cell that shows one line and the whole text in a tooltip. */
    private static final class TooltipCell extends TableCell<ChecklistRow, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            setTooltip(empty || item == null || item.length() < 20 ? null : wrapTooltip(item));
        }
    }

    private static Tooltip wrapTooltip(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(480);
        return t;
    }

    private static final class DeadlineCell extends TableCell<ChecklistRow, Deadline> {
        @Override
        protected void updateItem(Deadline item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.phrase());
            setTooltip(empty || item == null || item.dueDate().isEmpty() ? null
                    : new Tooltip(Messages.tr("task.form.deadlineHint.date",
                            item.dueDate().get().format(DateTimeFormatter.ISO_LOCAL_DATE))));
        }
    }

    private static final class StatusCell extends TableCell<ChecklistRow, TaskStatus> {
        StatusCell() {
            getStyleClass().add("status-cell");
        }

        @Override
        protected void updateItem(TaskStatus item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeIf(s -> s.startsWith("status-") && !s.equals("status-cell"));
            if (empty || item == null) {
                setText(null);
                return;
            }
            setText(Messages.tr("status." + item.name()));
            getStyleClass().add(switch (item) {
                case CLOSED -> "status-closed";
                case ACCEPTED -> "status-accepted";
                case COMPLETED -> "status-completed";
                case BEHIND_SCHEDULE -> "status-behind";
                default -> "status-open";
            });
        }
    }
}
