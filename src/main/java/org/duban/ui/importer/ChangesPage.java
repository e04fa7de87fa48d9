package org.duban.ui.importer;

import java.util.List;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import org.duban.i18n.Messages;
import org.duban.ui.common.FormParts;

/**
 * The import wizard's change list, before anything is written: every new task, every changed problem text beside the
 * old one (with how alike they are), every share withdrawn with the records it keeps, every other changed field. A
 * file that is another list says so above it, with a new meeting proposed.
 */
final class ChangesPage {
    private final ImportWizardViewModel vm;
    private final Label changesSummary = new Label();
    private final VBox root;

    ChangesPage(ImportWizardViewModel vm) {
        this.vm = vm;
        changesSummary.setId("changesSummary");
        changesSummary.setWrapText(true);
        changesSummary.setMinHeight(Region.USE_PREF_SIZE);
        Label different = new Label();
        different.setId("differentListText");
        different.setWrapText(true);
        different.setMinHeight(Region.USE_PREF_SIZE);
        different.textProperty().bind(vm.differentListProperty());
        Button asNew = new Button(Messages.tr("import.differentList.asNew"));
        asNew.setId("importAsNewMeetingButton");
        asNew.setAccessibleText(Messages.tr("import.differentList.asNew"));
        asNew.getStyleClass().add("accent");
        asNew.setMinWidth(Region.USE_PREF_SIZE);
        asNew.setOnAction(e -> vm.importAsNewMeeting());
        asNew.disableProperty().bind(vm.busyProperty());
        HBox.setHgrow(different, Priority.ALWAYS);
        HBox banner = new HBox(12, different, asNew);
        banner.setId("differentListBanner");
        banner.getStyleClass().add("warning-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.visibleProperty().bind(vm.differentListProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());

        TableView<ChangeLines.Line> table = new TableView<>(vm.changes());
        table.setId("changeListTable");
        table.setAccessibleText(Messages.tr("import.step.CHANGES"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(Messages.tr("import.changes.none")));
        TableColumn<ChangeLines.Line, String> seq = FormParts.column("task.field.seq", l -> String.valueOf(l.seq()), 56);
        TableColumn<ChangeLines.Line, String> what = wrapping("import.changes.what", 200, ChangeLines.Line::what);
        TableColumn<ChangeLines.Line, String> before = wrapping("import.changes.before", 380, ChangeLines.Line::before);
        TableColumn<ChangeLines.Line, String> after = wrapping("import.changes.after", 380, ChangeLines.Line::after);
        table.getColumns().setAll(List.of(seq, what, before, after));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ChangeLines.Line item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("change-other", "change-withdrawn");
                if (!empty && item != null && item.kind() == ChangeLines.Kind.OTHER_PROBLEM) {
                    getStyleClass().add("change-other");
                } else if (!empty && item != null && item.kind() == ChangeLines.Kind.WITHDRAWN) {
                    getStyleClass().add("change-withdrawn");
                }
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        root = new VBox(8, banner, changesSummary, table);
        root.setId("importChangesPage");
    }

    Node root() {
        return root;
    }

    /** The line above the list, for the plan now shown. */
    void refresh() {
        changesSummary.setText(vm.changesSummary());
    }

    /**
     * A column whose long texts wrap inside the cell (the row grows) rather than being cut. A Text node, not a
     * wrapping Label: a table row asks its cells for their height without a width, and only a Text with its own
     * wrapping width answers with all its lines.
     */
    private static <T> TableColumn<T, String> wrapping(String key, double width, Function<T, String> f) {
        TableColumn<T, String> col = FormParts.column(key, f, width);
        col.setCellFactory(c -> new TableCell<>() {
            private final Text text = new Text();

            {
                text.getStyleClass().add("cell-text");
                text.wrappingWidthProperty().bind(col.widthProperty().subtract(16));
                setText(null);
                setPrefHeight(Region.USE_COMPUTED_SIZE);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty || item == null ? "" : item.replace('\n', ' '));
                setGraphic(empty ? null : text);
            }
        });
        return col;
    }
}
