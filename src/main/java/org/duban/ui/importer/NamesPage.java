package org.duban.ui.importer;

import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.duban.i18n.Messages;
import org.duban.service.importer.ImportPlan;
import org.duban.ui.common.Choice;
import org.duban.ui.common.FormParts;

/**
 * The import wizard's page of the sources and categories of the file: each written name that is new, or that is read
 * as one of the office's names though written otherwise, with the name its tasks get; the user keeps that or picks
 * another.
 */
final class NamesPage {
    private final ImportWizardViewModel vm;
    private final VBox root;

    NamesPage(ImportWizardViewModel vm) {
        this.vm = vm;
        Label hint = new Label(Messages.tr("import.names.hint"));
        hint.setWrapText(true);
        TableView<ImportPlan.TermUse> table = new TableView<>(vm.names());
        table.setId("namesTable");
        table.setAccessibleText(Messages.tr("import.step.NAMES"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(Messages.tr("import.names.none")));
        TableColumn<ImportPlan.TermUse, String> kind = FormParts.column("import.names.kind",
                u -> Messages.tr("import.names.kind." + u.kind().name()), 90);
        TableColumn<ImportPlan.TermUse, String> written = FormParts.column("import.names.written",
                ImportPlan.TermUse::written, 280);
        TableColumn<ImportPlan.TermUse, String> rows = FormParts.column("import.names.rows",
                u -> String.valueOf(u.rows()), 60);
        TableColumn<ImportPlan.TermUse, ImportPlan.TermUse> name = new TableColumn<>(Messages.tr("import.names.name"));
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        name.setPrefWidth(300);
        name.setSortable(false);
        name.setCellFactory(c -> new NameCell());
        TableColumn<ImportPlan.TermUse, String> how = FormParts.column("import.names.how",
                u -> Messages.tr("import.names.how." + (u.chosen() ? "CHOSEN" : u.match().how().name())), 260);
        table.getColumns().setAll(List.of(kind, written, rows, name, how));
        VBox.setVgrow(table, Priority.ALWAYS);
        root = new VBox(8, hint, table);
        root.setId("importNamesPage");
    }

    Node root() {
        return root;
    }

    /** The name a written source or category becomes: the office's names, or the written one as a new name. */
    private final class NameCell extends TableCell<ImportPlan.TermUse, ImportPlan.TermUse> {
        @Override
        protected void updateItem(ImportPlan.TermUse u, boolean empty) {
            super.updateItem(u, empty);
            if (empty || u == null) {
                setGraphic(null);
                return;
            }
            ComboBox<Choice<String>> box = new ComboBox<>();
            box.setId("nameChoice-" + getIndex());
            box.setAccessibleText(Messages.tr("import.names.choice", u.written()));
            box.setMaxWidth(Double.MAX_VALUE);
            box.getItems().add(new Choice<>(u.written(), Messages.tr("import.names.keepNew", u.written())));
            for (String n : vm.knownNames(u.kind())) {
                box.getItems().add(new Choice<>(n, n));
            }
            box.getItems().stream().filter(c -> c.value().equals(u.name())).findFirst().ifPresent(box::setValue);
            box.setOnAction(e -> {
                Choice<String> c = box.getValue();
                if (c != null && !c.value().equals(u.name())) {
                    vm.chooseName(u.kind(), u.written(), c.value());
                }
            });
            setGraphic(box);
        }
    }
}
