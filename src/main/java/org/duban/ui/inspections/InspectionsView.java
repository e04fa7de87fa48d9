package org.duban.ui.inspections;

import java.util.List;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.duban.i18n.Messages;
import org.duban.model.Inspection;
import org.duban.model.InspectionFinding;
import org.duban.model.Unit;
import org.duban.ui.common.DateFields;
import org.duban.ui.common.FormParts;
import org.duban.ui.common.LedgerAccess;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * 下沉督察: the inspections on the left with a form to record one; the chosen inspection's findings on the right,
 * with forms to add a finding and to turn one into a task or link it to an existing task.
 */
public final class InspectionsView {
    private final InspectionsViewModel vm;
    private final BorderPane root = new BorderPane();
    private final LedgerAccess access;

    public InspectionsView(InspectionsViewModel vm) {
        this(vm, LedgerAccess.writable());
    }

    /** @param access read-only: inspections and findings can be read, not recorded, turned into tasks or linked */
    public InspectionsView(InspectionsViewModel vm, LedgerAccess access) {
        this.vm = vm;
        this.access = access;
        root.setId("inspectionsView");
        root.setPadding(new Insets(16, 16, 8, 16));
        Label title = new Label(Messages.tr("inspection.title"));
        title.getStyleClass().add("screen-title");
        root.setTop(title);
        SplitPane split = new SplitPane(left(), right());
        split.setDividerPositions(0.45);
        root.setCenter(split);
        BorderPane.setMargin(split, new Insets(12, 0, 0, 0));
    }

    private Node left() {
        TableView<Inspection> table = new TableView<>(vm.inspections());
        table.setId("inspectionTable");
        table.setAccessibleText(Messages.tr("inspection.title"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(Messages.tr("inspection.none")));
        table.getColumns().setAll(List.of(
                FormParts.column("inspection.label.date", (Inspection i) -> DateFields.text(i.heldOn()), 100),
                FormParts.column("inspection.field.units", (Inspection i) -> i.unitIds().stream().map(vm::unitName)
                        .collect(Collectors.joining("、")), 180),
                FormParts.column("inspection.label.inspectors", Inspection::inspectors, 200),
                FormParts.column("inspection.column.findings", (Inspection i) -> String.valueOf(i.findings().size()), 80)));
        table.getColumns().get(3).setMinWidth(80); // "Findings" whole; the inspectors give way
        table.getSelectionModel().selectedItemProperty().addListener((obs, o, n) -> {
            if (n != null) {
                vm.selectedProperty().set(n);
            }
        });
        vm.selectedProperty().addListener((obs, o, n) -> {
            if (n != null && table.getSelectionModel().getSelectedItem() != n) {
                table.getSelectionModel().select(n);
            }
        });

        DatePicker date = DateFields.picker("inspectionDatePicker", Messages.tr("inspection.label.date"));
        date.valueProperty().bindBidirectional(vm.dateProperty());
        TextField inspectors = FormParts.text("inspectorsField", "inspection.label.inspectors", vm.inspectorsProperty());
        TextField units = FormParts.text("inspectionUnitsField", "inspection.field.units", vm.unitsTextProperty());
        units.setPromptText(Messages.tr("task.form.unitsPrompt"));
        TextField notes = FormParts.text("inspectionNotesField", "inspection.field.notes", vm.notesProperty());
        Button record = new Button(Messages.tr("inspection.record"), new FontIcon("mdi2p-plus"));
        record.setId("recordInspectionButton");
        record.setAccessibleText(Messages.tr("inspection.record"));
        record.getStyleClass().add("accent");
        record.disableProperty().bind(vm.savingProperty());
        record.setOnAction(e -> {
            DateFields.commit(date);
            vm.record();
        });
        VBox form = new VBox(6, FormParts.heading("inspection.new"), new HBox(8, FormParts.labelled("inspection.label.date", date),
                grow(FormParts.labelled("inspection.label.inspectors", inspectors))),
                FormParts.labelled("inspection.field.units", units), FormParts.labelled("inspection.field.notes", notes), record,
                FormParts.error("recordError", vm.recordErrorProperty()));
        access.writes(form);
        VBox box = new VBox(10, table, form);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(0, 12, 0, 0));
        return box;
    }

    private Node right() {
        Label header = new Label();
        header.setId("inspectionHeader");
        header.getStyleClass().add("section-heading");
        header.setWrapText(true);
        header.setMaxWidth(Double.MAX_VALUE);
        header.setMinHeight(Region.USE_PREF_SIZE);
        vm.selectedProperty().addListener((obs, o, n) -> header.setText(n == null ? "" : Messages.tr(
                "inspection.header", DateFields.text(n.heldOn()), n.inspectors(), n.notes())));

        TableView<InspectionFinding> table = new TableView<>(vm.findings());
        table.setId("findingTable");
        table.setAccessibleText(Messages.tr("inspection.findings"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(Messages.tr("inspection.findings.none")));
        table.getColumns().setAll(List.of(
                FormParts.column("inspection.label.finding", InspectionFinding::text, 360),
                FormParts.column("inspection.column.unit", (InspectionFinding f) -> vm.unitName(f.unitId()), 110),
                FormParts.column("inspection.column.task", vm::taskText, 90)));
        table.getSelectionModel().selectedItemProperty().addListener((obs, o, n) -> vm.selectedFindingProperty().set(n));

        ComboBox<Unit> unit = new ComboBox<>(vm.units());
        unit.setId("findingUnitChoice");
        unit.setAccessibleText(Messages.tr("inspection.column.unit"));
        unit.valueProperty().bindBidirectional(vm.findingUnitProperty());
        unit.setButtonCell(new UnitCell());
        unit.setCellFactory(l -> new UnitCell());
        TextField text = FormParts.text("findingTextField", "inspection.label.finding", vm.findingTextProperty());
        text.setOnAction(e -> vm.addFinding());
        Button add = new Button(Messages.tr("inspection.addFinding"), new FontIcon("mdi2p-plus"));
        add.setId("addFindingButton");
        add.setAccessibleText(Messages.tr("inspection.addFinding"));
        add.disableProperty().bind(vm.selectedProperty().isNull().or(vm.savingProperty()));
        add.setOnAction(e -> vm.addFinding());
        HBox addRow = new HBox(8, FormParts.labelled("inspection.column.unit", unit), grow(FormParts.labelled("inspection.label.finding", text)),
                add);
        addRow.setAlignment(Pos.BOTTOM_LEFT);
        access.writes(addRow);

        TextField deadline = FormParts.text("findingDeadlineField", "task.field.deadline", vm.deadlineProperty());
        deadline.setPromptText(Messages.tr("task.form.deadlinePrompt"));
        Button toTask = new Button(Messages.tr("inspection.toTask"), new FontIcon("mdi2c-clipboard-search-outline"));
        toTask.setId("findingToTaskButton");
        toTask.setAccessibleText(Messages.tr("inspection.toTask"));
        toTask.disableProperty().bind(vm.selectedFindingProperty().isNull().or(vm.savingProperty()));
        toTask.setOnAction(e -> vm.toTask());
        TextField seq = FormParts.text("linkSeqField", "inspection.linkSeq", vm.linkSeqProperty());
        seq.setPrefWidth(140);
        Button link = new Button(Messages.tr("inspection.link"), new FontIcon("mdi2l-link-variant"));
        link.setId("linkFindingButton");
        link.setAccessibleText(Messages.tr("inspection.link"));
        link.disableProperty().bind(vm.selectedFindingProperty().isNull().or(vm.savingProperty()));
        link.setOnAction(e -> vm.link());
        // Two rows, one per way of handling a finding, so the deadline's example and the buttons show whole.
        HBox convertRow = new HBox(8, grow(FormParts.labelled("task.field.deadline", deadline)), toTask);
        HBox linkRow = new HBox(8, FormParts.labelled("inspection.linkSeq", seq), link);
        for (HBox row : List.of(convertRow, linkRow)) {
            row.setAlignment(Pos.BOTTOM_LEFT);
            access.writes(row);
        }
        for (Button b : List.of(toTask, link)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }

        VBox box = new VBox(8, header, table, FormParts.heading("inspection.addFinding"), addRow,
                FormParts.heading("inspection.followUp"), hint("inspection.followUp.hint"), convertRow, linkRow,
                FormParts.error("findingError", vm.findingErrorProperty()));
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(0, 0, 0, 12));
        return box;
    }

    private static <T extends Region> T grow(T n) {
        HBox.setHgrow(n, Priority.ALWAYS);
        return n;
    }

    private static Label hint(String key) {
        Label h = new Label(Messages.tr(key));
        h.getStyleClass().add("hint-label");
        h.setWrapText(true);
        h.setMaxWidth(Double.MAX_VALUE);
        h.setMinHeight(Region.USE_PREF_SIZE);
        return h;
    }

    private static final class UnitCell extends ListCell<Unit> {
        @Override
        protected void updateItem(Unit item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? Messages.tr("inspection.noUnit") : item.name());
        }
    }

    public Region root() {
        return root;
    }
}
