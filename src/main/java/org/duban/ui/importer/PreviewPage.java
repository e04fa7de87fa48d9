package org.duban.ui.importer;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.duban.i18n.Messages;
import org.duban.service.excel.Grid;
import org.duban.service.importer.ImportColumn;
import org.duban.service.importer.ImportPlan;
import org.duban.service.tasks.TaskField;
import org.duban.ui.common.Choice;

/**
 * The import wizard's preview page: the file's rows as read, each column headed by the field it goes to, which the
 * user may change (or skip the column).
 */
final class PreviewPage {
    private final ImportWizardViewModel vm;
    private final TableView<Grid.Row> preview = new TableView<>();
    private final List<ComboBox<Choice<TaskField>>> mappingCombos = new ArrayList<>();
    private final Label previewHint = new Label();
    private final VBox root;
    private boolean updatingCombos;

    PreviewPage(ImportWizardViewModel vm) {
        this.vm = vm;
        preview.setId("previewTable");
        preview.setAccessibleText(Messages.tr("import.step.PREVIEW"));
        preview.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        previewHint.setId("previewHint");
        previewHint.setWrapText(true);
        VBox.setVgrow(preview, Priority.ALWAYS);
        root = new VBox(8, previewHint, preview);
        root.setId("importPreviewPage");
    }

    Node root() {
        return root;
    }

    /**
     * Shows a new plan: the header row it found, the field of each column (the same combos while the columns are the
     * same, so a choice does not rebuild the table under the user's pointer) and the rows.
     */
    void show(ImportPlan plan) {
        previewHint.setText(plan.headerRow() == 0 ? Messages.tr("import.problem.noHeader")
                : Messages.tr("import.preview.hint", plan.headerRow(), plan.sheetName()));
        List<ImportColumn> columns = vm.columns();
        if (columns.size() == mappingCombos.size()) {
            updatingCombos = true;
            for (int i = 0; i < columns.size(); i++) {
                select(mappingCombos.get(i), columns.get(i).field());
            }
            updatingCombos = false;
        } else {
            buildPreviewColumns(columns);
        }
        preview.getItems().setAll(vm.previewRows());
    }

    private void buildPreviewColumns(List<ImportColumn> columns) {
        mappingCombos.clear();
        List<TableColumn<Grid.Row, String>> list = new ArrayList<>();
        for (ImportColumn c : columns) {
            ComboBox<Choice<TaskField>> combo = new ComboBox<>();
            combo.setId("mapping" + c.letter());
            combo.setAccessibleText(Messages.tr("import.preview.mapping", c.letter()));
            combo.getItems().add(new Choice<>(null, Messages.tr("import.preview.skip")));
            for (TaskField f : TaskField.values()) {
                combo.getItems().add(new Choice<>(f, Messages.tr(f.labelKey())));
            }
            select(combo, c.field());
            int index = c.index();
            combo.setOnAction(e -> {
                if (!updatingCombos && combo.getValue() != null) {
                    vm.mapColumn(index, combo.getValue().value());
                }
            });
            mappingCombos.add(combo);
            Label heading = new Label(c.letter() + "  " + c.header().replace('\n', ' '));
            TableColumn<Grid.Row, String> col = new TableColumn<>();
            col.setGraphic(new VBox(4, combo, heading));
            col.setSortable(false);
            col.setPrefWidth(c.field() == TaskField.SEQ ? 110 : 170);
            col.setCellValueFactory(r -> new ReadOnlyStringWrapper(r.getValue().cell(index)));
            list.add(col);
        }
        TableColumn<Grid.Row, String> rowNo = new TableColumn<>(Messages.tr("import.problem.row"));
        rowNo.setCellValueFactory(r -> new ReadOnlyStringWrapper(String.valueOf(r.getValue().number())));
        rowNo.setPrefWidth(50);
        rowNo.setSortable(false);
        preview.getColumns().setAll(rowNo);
        preview.getColumns().addAll(list);
    }

    private static void select(ComboBox<Choice<TaskField>> combo, TaskField f) {
        combo.getItems().stream().filter(ch -> ch.value() == f).findFirst().ifPresent(combo::setValue);
    }
}
