package org.duban.ui.score;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.duban.i18n.Messages;
import org.duban.service.score.ScoreEvent;
import org.duban.service.score.ScoreExport;
import org.duban.service.score.UnitScore;
import org.duban.ui.common.DateFields;
import org.duban.ui.common.FormParts;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * 考评排名: the units ranked over a period with base, points added and deducted and the score; choosing a unit (a
 * click on its row or its score) lists the events behind every point, each with the rule and the rule set that
 * scored it. A double click on an event with a task opens that task. Export as .xlsx or PDF.
 */
public final class ScoreView {
    private final ScoreViewModel vm;
    private final javafx.scene.layout.StackPane root = new javafx.scene.layout.StackPane();
    private final BorderPane page = new BorderPane();
    private final TableView<UnitScore> table = new TableView<>();
    private final TableView<ScoreEvent> events = new TableView<>();

    /** @param openTask opens an event's task (its id), or null for no way there */
    public ScoreView(ScoreViewModel vm, Consumer<Long> openTask) {
        this.vm = vm;
        root.setId("scoreView");
        page.setPadding(new Insets(16, 16, 8, 16));
        page.setTop(header());
        SplitPane split = new SplitPane(unitTable(), eventPane(openTask));
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.5);
        page.setCenter(split);
        BorderPane.setMargin(split, new Insets(10, 0, 0, 0));
        root.getChildren().setAll(page);
    }

    public Region root() {
        return root;
    }

    /** Shows {@code other} (an event's task) in place of the scores. */
    public void showInPlace(Node other) {
        root.getChildren().setAll(other);
    }

    /** Brings the scores back as they were. */
    public void back() {
        root.getChildren().setAll(page);
        events.requestFocus();
    }

    private Node header() {
        Label title = new Label(Messages.tr("score.view.title"));
        title.getStyleClass().add("screen-title");
        DatePicker from = DateFields.picker("scoreFrom", Messages.tr("score.view.from"));
        from.valueProperty().bindBidirectional(vm.fromProperty());
        DatePicker asOf = DateFields.picker("scoreAsOf", Messages.tr("score.view.asOf"));
        asOf.valueProperty().bindBidirectional(vm.asOfProperty());
        Button run = new Button(Messages.tr("score.view.run"), new FontIcon("mdi2p-podium"));
        run.setId("scoreRunButton");
        run.getStyleClass().add("accent");
        run.disableProperty().bind(vm.workingProperty());
        run.setOnAction(e -> {
            DateFields.commit(from);
            DateFields.commit(asOf);
            vm.load();
        });
        Button xlsx = new Button(Messages.tr("score.view.xlsx"), new FontIcon("mdi2m-microsoft-excel"));
        xlsx.setId("scoreXlsxButton");
        xlsx.disableProperty().bind(vm.tableProperty().isNull().or(vm.workingProperty()));
        xlsx.setOnAction(e -> vm.export("xlsx"));
        Button pdf = new Button(Messages.tr("score.view.pdf"), new FontIcon("mdi2f-file-pdf-box"));
        pdf.setId("scorePdfButton");
        pdf.disableProperty().bind(vm.tableProperty().isNull().or(vm.workingProperty()));
        pdf.setOnAction(e -> vm.export("pdf"));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.workingProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(10, title, new Label(Messages.tr("score.view.from")), from,
                new Label(Messages.tr("score.view.asOf")), asOf, run, busy, spacer, xlsx, pdf);
        top.setAlignment(Pos.CENTER_LEFT);
        Label status = new Label();
        status.setId("scoreStatus");
        status.getStyleClass().add("count-label");
        status.textProperty().bind(vm.statusProperty());
        Label hint = new Label(Messages.tr("score.view.hint"));
        hint.getStyleClass().add("hint-label");
        return new VBox(6, top, status, FormParts.error("scoreError", vm.errorProperty()), hint);
    }

    private Node unitTable() {
        table.setId("scoreTable");
        table.setItems(vm.units());
        table.setAccessibleText(Messages.tr("score.view.title"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(Messages.tr("score.view.none")));
        table.getColumns().setAll(List.of(
                FormParts.column("score.doc.col.rank", (UnitScore s) -> String.valueOf(s.rank()), 50),
                FormParts.column("score.doc.col.unit", (UnitScore s) -> s.unit().name(), 130),
                FormParts.column("score.doc.col.base", (UnitScore s) -> num(s.base()), 60),
                FormParts.column("score.doc.col.added", (UnitScore s) -> num(s.added()), 60),
                FormParts.column("score.doc.col.deducted", (UnitScore s) -> num(s.deducted()), 60),
                FormParts.column("score.doc.col.total", (UnitScore s) -> num(s.total())
                        + (s.capped() ? Messages.tr("score.view.capped") : ""), 80),
                FormParts.column("score.doc.col.events", (UnitScore s) -> String.valueOf(s.events().size()), 60)));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> {
            if (s != vm.selectedProperty().get()) {
                vm.selectedProperty().set(s);
            }
        });
        vm.selectedProperty().addListener((o, a, s) -> {
            if (s != table.getSelectionModel().getSelectedItem()) {
                if (s == null) {
                    table.getSelectionModel().clearSelection();
                } else {
                    table.getSelectionModel().select(s);
                }
            }
        });
        return table;
    }

    private Node eventPane(Consumer<Long> openTask) {
        events.setId("scoreEventsTable");
        events.setItems(vm.events());
        events.setAccessibleText(Messages.tr("score.view.events"));
        events.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        events.setPlaceholder(new Label(Messages.tr("score.view.pick")));
        events.getColumns().setAll(List.of(
                FormParts.column("score.doc.col.day", (ScoreEvent e) -> e.day() == null ? "" : DateFields.text(e.day()), 90),
                FormParts.column("score.doc.col.rule", (ScoreEvent e) -> ScoreExport.ruleName(e.rule()), 135),
                FormParts.column("score.doc.col.points", (ScoreEvent e) -> signed(e.points()), 55),
                FormParts.column("score.doc.col.rulesFrom", (ScoreEvent e) -> e.rulesFrom() == null
                        || e.rulesFrom().getYear() < 2000 ? Messages.tr("settings.score.builtIn")
                        : DateFields.text(e.rulesFrom()), 90),
                FormParts.column("score.doc.col.event", ScoreEvent::text, 240)));
        events.setRowFactory(t -> {
            TableRow<ScoreEvent> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty() && row.getItem().taskId() != null && openTask != null) {
                    openTask.accept(row.getItem().taskId());
                }
            });
            return row;
        });
        Label head = new Label();
        head.setId("scoreEventsHead");
        head.getStyleClass().add("section-heading");
        head.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            UnitScore s = vm.selectedProperty().get();
            return s == null ? Messages.tr("score.view.events") : Messages.tr("score.view.eventsOf", s.unit().name(),
                    num(s.base()), num(s.total()));
        }, vm.selectedProperty()));
        VBox box = new VBox(6, head, events);
        VBox.setVgrow(events, Priority.ALWAYS);
        box.setPadding(new Insets(0, 0, 0, 8));
        return box;
    }

    private static String num(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    private static String signed(BigDecimal v) {
        return v.signum() > 0 ? "+" + num(v) : num(v);
    }

    public TableView<UnitScore> table() {
        return table;
    }
}
