package org.duban.ui.desk;

import java.util.List;
import java.util.function.BiConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.duban.i18n.Messages;
import org.duban.model.NoticeLevel;
import org.duban.service.ladder.DeskItem;
import org.duban.ui.common.DateFields;
import org.duban.ui.common.FormParts;
import org.duban.ui.common.LedgerAccess;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * 督办工作台: the window's opening screen. One table of what needs attention today (suggested ladder steps first,
 * then overdue shares, responses due, reports due and late, shares falling due, close-outs to verify, 公示 ending),
 * with each section's count above it. Enter or a double click opens the task at that line's unit; the buttons send
 * a 催办单 or 督办通知书 to the selected line's unit (confirmed first).
 */
public final class DeskView {
    private final DeskViewModel vm;
    private final StackPane root = new StackPane();
    private final BorderPane desk = new BorderPane();
    private final TableView<DeskItem> table;
    private final BiConsumer<DeskItem, Runnable> openTask;

    /**
     * @param openTask shows the line's task at its unit in place of the desk; the runnable it gets brings the desk back
     */
    public DeskView(DeskViewModel vm, LedgerAccess access, BiConsumer<DeskItem, Runnable> openTask) {
        this.vm = vm;
        this.openTask = openTask;
        root.setId("deskView");
        desk.setPadding(new Insets(16, 16, 8, 16));
        table = buildTable();
        desk.setTop(header(access));
        desk.setCenter(table);
        BorderPane.setMargin(table, new Insets(12, 0, 0, 0));
        root.getChildren().setAll(desk);
    }

    public StackPane root() {
        return root;
    }

    public TableView<DeskItem> table() {
        return table;
    }

    /** Shows {@code other} (the task's detail) in place of the desk. */
    public void showInPlace(Node other) {
        root.getChildren().setAll(other);
    }

    /** Brings the desk back and reads it again. */
    public void back() {
        root.getChildren().setAll(desk);
        vm.load();
        table.requestFocus();
    }

    private Node header(LedgerAccess access) {
        Label title = new Label(Messages.tr("desk.title"));
        title.getStyleClass().add("screen-title");
        Label day = new Label();
        day.setId("deskDay");
        day.textProperty().bind(vm.dayProperty().asString());
        Spinner<Integer> days = new Spinner<>(1, 365, vm.daysProperty().get());
        days.setId("deskDays");
        days.setEditable(true);
        days.setPrefWidth(80);
        days.setAccessibleText(Messages.tr("desk.days"));
        vm.daysProperty().addListener((o, a, b) -> days.getValueFactory().setValue(b.intValue()));
        days.valueProperty().addListener((o, a, b) -> {
            if (b != null && b != vm.daysProperty().get()) {
                vm.daysProperty().set(b);
                vm.load();
            }
        });
        Button open = new Button(Messages.tr("desk.open"), new FontIcon("mdi2o-open-in-app"));
        open.setId("deskOpenButton");
        open.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> openSelected());
        Button chase = new Button(Messages.tr("desk.chase"), new FontIcon("mdi2b-bell-ring-outline"));
        chase.setId("deskChaseButton");
        chase.setOnAction(e -> vm.sendNotice(table.getSelectionModel().getSelectedItem(), NoticeLevel.CHASE));
        Button order = new Button(Messages.tr("desk.order"), new FontIcon("mdi2f-file-alert-outline"));
        order.setId("deskOrderButton");
        order.setOnAction(e -> vm.sendNotice(table.getSelectionModel().getSelectedItem(), NoticeLevel.ORDER));
        access.writes(chase, table.getSelectionModel().selectedItemProperty().isNull());
        access.writes(order, table.getSelectionModel().selectedItemProperty().isNull());
        javafx.scene.control.MenuItem batchChase = new javafx.scene.control.MenuItem(
                Messages.tr("desk.batch.item", Messages.tr("notice.doc.kind.CHASE")));
        batchChase.setId("deskBatchChase");
        batchChase.setOnAction(e -> vm.batch(NoticeLevel.CHASE));
        javafx.scene.control.MenuItem batchOrder = new javafx.scene.control.MenuItem(
                Messages.tr("desk.batch.item", Messages.tr("notice.doc.kind.ORDER")));
        batchOrder.setId("deskBatchOrder");
        batchOrder.setOnAction(e -> vm.batch(NoticeLevel.ORDER));
        javafx.scene.control.MenuButton batch = new javafx.scene.control.MenuButton(Messages.tr("desk.batch"),
                new FontIcon("mdi2f-file-send-outline"), batchChase, batchOrder);
        batch.setId("deskBatchButton");
        batch.setAccessibleText(Messages.tr("desk.batch"));
        access.writes(batch, vm.workingProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(12, title, day, new Label(Messages.tr("desk.days")), days, spacer, open, chase, order, batch);
        top.setAlignment(Pos.CENTER_LEFT);
        Label summary = new Label();
        summary.setId("deskSummary");
        summary.getStyleClass().add("count-label");
        vm.items().addListener((javafx.collections.ListChangeListener<DeskItem>) c -> summary.setText(summary()));
        javafx.scene.control.ProgressBar bar = new javafx.scene.control.ProgressBar();
        bar.setId("deskBatchProgress");
        bar.setPrefWidth(200);
        bar.progressProperty().bind(vm.progressProperty());
        Label status = new Label();
        status.setId("deskBatchStatus");
        status.textProperty().bind(vm.statusProperty());
        HBox working = new HBox(8, bar, status);
        working.setAlignment(Pos.CENTER_LEFT);
        working.visibleProperty().bind(vm.workingProperty().or(vm.statusProperty().isNotEmpty()));
        working.managedProperty().bind(working.visibleProperty());
        BorderPane box = new BorderPane(summary);
        box.setTop(top);
        box.setBottom(working);
        BorderPane.setMargin(working, new Insets(6, 0, 0, 0));
        BorderPane.setAlignment(summary, Pos.CENTER_LEFT);
        BorderPane.setMargin(summary, new Insets(8, 0, 0, 0));
        return box;
    }

    private String summary() {
        StringBuilder sb = new StringBuilder();
        for (DeskItem.Kind k : DeskItem.Kind.values()) {
            if (!sb.isEmpty()) {
                sb.append("　");
            }
            sb.append(Messages.tr("desk.kind." + k.name())).append(' ').append(vm.count(k));
        }
        return sb.toString();
    }

    private TableView<DeskItem> buildTable() {
        TableView<DeskItem> t = new TableView<>(vm.items());
        t.setId("deskTable");
        t.setAccessibleText(Messages.tr("desk.title"));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label(Messages.tr("desk.none")));
        t.getColumns().setAll(List.of(
                FormParts.column("desk.col.kind", (DeskItem i) -> Messages.tr("desk.kind." + i.kind().name()), 130),
                FormParts.column("desk.col.day", (DeskItem i) -> i.day() == null ? "" : DateFields.text(i.day()), 100),
                FormParts.column("desk.col.when", DeskView::when, 80),
                FormParts.column("desk.col.unit", DeskItem::unit, 150),
                FormParts.column("desk.col.seq", (DeskItem i) -> i.seq() == null ? "" : String.valueOf(i.seq()), 50),
                FormParts.column("desk.col.task", DeskItem::task, 320),
                FormParts.column("desk.col.detail", DeskItem::detail, 260)));
        t.setRowFactory(tv -> {
            TableRow<DeskItem> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    open(row.getItem());
                }
            });
            return row;
        });
        t.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
                e.consume();
            }
        });
        return t;
    }

    /** "3天后", "今天", "超期12天" */
    static String when(DeskItem i) {
        if (i.days() == null) {
            return "";
        }
        long d = i.days();
        return d == 0 ? Messages.tr("desk.when.today") : d > 0 ? Messages.tr("desk.when.in", d)
                : Messages.tr("desk.when.ago", -d);
    }

    private void openSelected() {
        DeskItem i = table.getSelectionModel().getSelectedItem();
        if (i != null) {
            open(i);
        }
    }

    private void open(DeskItem i) {
        if (i.taskId() != null) {
            openTask.accept(i, this::back);
        }
    }
}
