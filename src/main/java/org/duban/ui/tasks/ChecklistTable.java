package org.duban.ui.tasks;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
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
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import org.duban.i18n.Messages;
import org.duban.service.tasks.ChecklistRow;
import org.duban.ui.common.Fonts;
import org.duban.ui.common.ViewMemory;

/**
 * The checklist's table: its columns ({@link ChecklistColumns}: the short ones as wide as their values, the long
 * ones sharing the rest, one or two lines high), sorted by a click on a header, and what it says when it shows no
 * row. Filtered by a unit, the rows show that unit's share. A double click or Enter opens a row; Delete asks to
 * delete it. Column choice, order and widths and the row height are remembered ({@link #rememberIn}).
 */
final class ChecklistTable {
    private final TaskListViewModel vm;
    static final String MEMORY_COLUMNS = "checklist.columns";
    static final String MEMORY_ROWS = "checklist.rowLines";
    private static final double FONT_SIZE = 14;
    /** a cell's padding (0.5em each side) and a little room, so that the widest text is not cut by rounding */
    private static final double CELL_PADDING = 14 + 8;
    /** the light's dot and the gap after it */
    private static final double BADGE_DOT = 12 + 6;
    /** a header's padding and its sort arrow */
    private static final double HEADER_PADDING = 36;
    private final TableView<ChecklistRow> table = new TableView<>();
    private final BooleanProperty twoLines = new SimpleBooleanProperty(false);
    private final java.util.Map<String, Double> rememberedWidths = new java.util.HashMap<>();

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
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().setAll(new ChecklistColumns(this::scope, twoLines::get).all());
        vm.rows().addListener((javafx.collections.ListChangeListener<ChecklistRow>) c -> fitColumns());
        vm.unitFilterProperty().addListener((o, a, b) -> {
            fitColumns(); // the unit's own statuses and lights
            table.refresh();
        });
        twoLines.addListener((o, a, b) -> showRowHeight(b));

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

    /** Puts the focus in the rows, on the selected one or else the first (from the search field). */
    void focusResults() {
        if (table.getItems().isEmpty()) {
            return;
        }
        if (table.getSelectionModel().getSelectedIndex() < 0) {
            table.getSelectionModel().select(0);
        }
        int i = table.getSelectionModel().getSelectedIndex();
        table.getFocusModel().focus(i);
        table.scrollTo(i);
        table.requestFocus();
    }

    /** Selects and shows a task's row, if it is among those shown. */
    /** Selects the task's row again after the rows were read again, without scrolling the list. */
    void reselectTask(long id) {
        for (ChecklistRow r : table.getItems()) {
            if (r.task().id() == id) {
                table.getSelectionModel().select(r);
                return;
            }
        }
    }

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

    /** The unit whose share the rows show (the unit filter), or null for whole tasks. */
    private Long scope() {
        var u = vm.unitFilterProperty().get();
        return u == null ? null : u.id();
    }

    /** Whether rows are two lines high (问题 and 最新进展 wrap), as the user chose. */
    BooleanProperty twoLinesProperty() {
        return twoLines;
    }

    private void showRowHeight(boolean two) {
        if (two) {
            if (!table.getStyleClass().contains("two-line-rows")) {
                table.getStyleClass().add("two-line-rows");
            }
        } else {
            table.getStyleClass().remove("two-line-rows");
        }
        table.refresh();
    }

    /**
     * Each {@link ChecklistColumns.Width#FIT} column as wide as its widest shown text (of every row of the meeting,
     * so a filter does not make it jump) and its header, and never narrower: the constrained resize gives the rest
     * to 问题 and 最新进展.
     */
    void fitColumns() {
        Font plain = Font.font(Fonts.uiFamily(), FONT_SIZE);
        Font bold = Font.font(Fonts.uiFamily(), FontWeight.BOLD, FONT_SIZE);
        for (TableColumn<ChecklistRow, ?> c : table.getColumns()) {
            if (ChecklistColumns.widthOf(c) != ChecklistColumns.Width.FIT) {
                continue;
            }
            boolean badge = "lightColumn".equals(c.getId());
            Function<ChecklistRow, String> shown = ChecklistColumns.shownOf(c);
            double widest = 0;
            for (ChecklistRow r : vm.rows()) {
                widest = Math.max(widest, textWidth(shown.apply(r), badge ? bold : plain));
            }
            double cell = widest + CELL_PADDING + (badge ? BADGE_DOT : 0);
            double header = textWidth(c.getText(), bold) + HEADER_PADDING;
            double w = Math.ceil(Math.min(ChecklistColumns.capOf(c), Math.max(cell, header)));
            c.setMinWidth(w);
            c.setPrefWidth(w);
            c.setMaxWidth(w); // the resize policy gives what is left to the long texts, not to these
        }
    }

    private static double textWidth(String s, Font font) {
        if (s == null || s.isEmpty()) {
            return 0;
        }
        Text t = new Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    /**
     * Remembers in {@code memory} which columns show, in what order and how wide, and the row height; and shows
     * them as they were left.
     */
    void rememberIn(ViewMemory memory) {
        memory.get(MEMORY_ROWS).ifPresent(v -> twoLines.set("2".equals(v)));
        memory.get(MEMORY_COLUMNS).ifPresent(this::restoreColumns);
        twoLines.addListener((o, a, b) -> memory.put(MEMORY_ROWS, b ? "2" : "1"));
        Runnable save = () -> memory.put(MEMORY_COLUMNS, columnsText());
        table.getColumns().addListener((javafx.collections.ListChangeListener<TableColumn<ChecklistRow, ?>>) c -> save.run());
        for (TableColumn<ChecklistRow, ?> c : table.getColumns()) {
            c.visibleProperty().addListener((o, a, b) -> save.run());
        }
        // widths when the user lets go of a column border (not on every pixel of the drag)
        table.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> save.run());
    }

    /** {@code id:width:visible} for each column, in the table's order. */
    private String columnsText() {
        StringBuilder sb = new StringBuilder();
        for (TableColumn<ChecklistRow, ?> c : table.getColumns()) {
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(c.getId()).append(':').append(Math.round(c.getWidth())).append(':').append(c.isVisible() ? 1 : 0);
        }
        return sb.toString();
    }

    private void restoreColumns(String text) {
        java.util.Map<String, TableColumn<ChecklistRow, ?>> byId = new java.util.LinkedHashMap<>();
        table.getColumns().forEach(c -> byId.put(c.getId(), c));
        List<TableColumn<ChecklistRow, ?>> order = new java.util.ArrayList<>();
        for (String part : text.split(",")) {
            String[] f = part.split(":");
            TableColumn<ChecklistRow, ?> c = byId.remove(f[0]);
            if (c == null || f.length < 3) {
                continue; // a column that is no more
            }
            order.add(c);
            try {
                double w = Double.parseDouble(f[1]);
                if (w > 0) {
                    rememberedWidths.put(c.getId(), w);
                    if (ChecklistColumns.widthOf(c) != ChecklistColumns.Width.FIT) {
                        c.setPrefWidth(w);
                    }
                }
            } catch (NumberFormatException e) {
                // the default width
            }
            c.setVisible(!"0".equals(f[2]));
        }
        order.addAll(byId.values()); // columns added since: at the end, as defined
        table.getColumns().setAll(order);
        fitColumns();
    }
}
