package org.duban.ui.tasks;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.duban.i18n.Messages;
import org.duban.model.Deadline;
import org.duban.model.TaskStatus;
import org.duban.model.WarningLight;
import org.duban.service.tasks.ChecklistRow;

/**
 * The checklist's table: its columns (序号, light, problem, units, deadline, status, latest report, 挂牌督办; source
 * and category from the header menu), sorted by a click on a header, and what it says when it shows no row. A
 * double click or Enter opens a row; Delete asks to delete it.
 */
final class ChecklistTable {
    private final TaskListViewModel vm;
    private final TableView<ChecklistRow> table = new TableView<>();

    /**
     * @param open   opens a row (double click, Enter)
     * @param delete deletes the selected row (Delete)
     */
    ChecklistTable(TaskListViewModel vm, Consumer<ChecklistRow> open, Runnable delete) {
        this.vm = vm;
        table.setId("taskTable");
        table.setAccessibleText(Messages.tr("tasks.title"));
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.setTableMenuButtonVisible(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(columns());

        SortedList<ChecklistRow> sorted = new SortedList<>(vm.visibleRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        showLeadUnitsWhenAny(vm);
        table.setPlaceholder(placeholder());

        table.setRowFactory(tv -> {
            TableRow<ChecklistRow> r = new TableRow<>();
            r.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !r.isEmpty()) {
                    open.accept(r.getItem());
                }
            });
            return r;
        });
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                ChecklistRow row = selected();
                if (row != null) {
                    open.accept(row);
                }
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE) {
                delete.run();
                e.consume();
            }
        });
    }

    /** The 牵头单位 column appears when the meeting's tasks name a lead unit, unless the user has hidden it since. */
    private void showLeadUnitsWhenAny(TaskListViewModel vm) {
        TableColumn<ChecklistRow, ?> lead = table.getColumns().stream()
                .filter(c -> "leadUnitColumn".equals(c.getId())).findFirst().orElseThrow();
        boolean[] shown = {false};
        javafx.collections.ListChangeListener<ChecklistRow> check = ch -> {
            if (!shown[0] && vm.rows().stream().anyMatch(r -> r.leadUnit() != null)) {
                shown[0] = true;
                lead.setVisible(true);
            }
        };
        vm.rows().addListener(check);
        check.onChanged(null);
    }

    TableView<ChecklistRow> table() {
        return table;
    }

    /** The row selected, or null. */
    ChecklistRow selected() {
        return table.getSelectionModel().getSelectedItem();
    }

    ReadOnlyObjectProperty<ChecklistRow> selectedProperty() {
        return table.getSelectionModel().selectedItemProperty();
    }

    /** Selects and shows a task's row, if it is among those shown. */
    void selectTask(long id) {
        for (ChecklistRow r : table.getItems()) {
            if (r.task().id() == id) {
                table.getSelectionModel().select(r);
                table.scrollTo(r);
                return;
            }
        }
    }

    /**
     * What shows where no row is: a spinner until the first load is done (the ledger is read in the background, so
     * an empty table at first means "not read yet", not "no task"), then "no tasks yet" or "none matches".
     */
    private Node placeholder() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(36, 36);
        Label reading = new Label(Messages.tr("tasks.loading"));
        reading.getStyleClass().add("hint-label");
        VBox loading = new VBox(10, spinner, reading);
        loading.setId("loadingPlaceholder");
        loading.setAlignment(Pos.CENTER);
        loading.setAccessibleText(Messages.tr("tasks.loading"));

        Label empty = new Label();
        empty.setId("emptyPlaceholder");
        empty.textProperty().bind(Bindings.createStringBinding(
                () -> Messages.tr(vm.rows().isEmpty() ? "tasks.empty" : "tasks.noMatch"), vm.rows()));

        StackPane box = new StackPane(loading, empty);
        loading.visibleProperty().bind(vm.loadedProperty().not());
        empty.visibleProperty().bind(vm.loadedProperty());
        return box;
    }

    private static List<TableColumn<ChecklistRow, ?>> columns() {
        TableColumn<ChecklistRow, Integer> seq = new TableColumn<>(Messages.tr("task.field.seq"));
        seq.setId("seqColumn");
        seq.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().task().seq()));
        seq.setPrefWidth(64);
        seq.setMinWidth(56);
        seq.setMaxWidth(90);
        seq.setStyle("-fx-alignment: CENTER;");

        TableColumn<ChecklistRow, String> problem = text("problemColumn", "task.field.problem",
                r -> r.task().problem(), 400);
        TableColumn<ChecklistRow, String> units = text("unitsColumn", "task.field.units", ChecklistRow::unitNames, 230);
        // 牵头单位 (issue 14): shown once a task of the list has one (see the constructor), else in the column menu
        TableColumn<ChecklistRow, String> lead = text("leadUnitColumn", "task.field.leadUnit",
                ChecklistRow::leadUnitName, 130);
        lead.setVisible(false);

        TableColumn<ChecklistRow, Deadline> deadline = new TableColumn<>(Messages.tr("task.field.deadline"));
        deadline.setId("deadlineColumn");
        deadline.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().task().deadline()));
        deadline.setCellFactory(c -> new ChecklistCells.DeadlineCell());
        deadline.setPrefWidth(150);

        TableColumn<ChecklistRow, TaskStatus> status = new TableColumn<>(Messages.tr("task.field.status"));
        status.setId("statusColumn");
        status.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().status()));
        status.setCellFactory(c -> new ChecklistCells.StatusCell());
        status.setPrefWidth(120);

        TableColumn<ChecklistRow, WarningLight> light = new TableColumn<>(Messages.tr("tasks.column.light"));
        light.setId("lightColumn");
        light.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().light()));
        light.setCellFactory(c -> new ChecklistCells.LightCell());
        light.setPrefWidth(96);
        light.setMinWidth(92);

        TableColumn<ChecklistRow, String> latest = text("latestColumn", "tasks.column.latest",
                ChecklistCells::latestText, 300);
        TableColumn<ChecklistRow, String> supervision = text("supervisionColumn", "tasks.column.supervision",
                ChecklistCells::supervisionText, 130);
        supervision.setMinWidth(100);

        TableColumn<ChecklistRow, String> source = new TableColumn<>(Messages.tr("task.field.source"));
        source.setId("sourceColumn");
        source.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().task().source()));
        source.setVisible(false);
        TableColumn<ChecklistRow, String> category = new TableColumn<>(Messages.tr("task.field.category"));
        category.setId("categoryColumn");
        category.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().task().category()));
        category.setVisible(false);

        return List.of(seq, light, problem, units, lead, deadline, status, latest, supervision, source, category);
    }

    /** A column of one line of text, the whole text in a tooltip. */
    private static TableColumn<ChecklistRow, String> text(String id, String key,
                                                          java.util.function.Function<ChecklistRow, String> value,
                                                          double width) {
        TableColumn<ChecklistRow, String> c = new TableColumn<>(Messages.tr(key));
        c.setId(id);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setCellFactory(x -> new ChecklistCells.TooltipCell());
        c.setPrefWidth(width);
        return c;
    }
}
