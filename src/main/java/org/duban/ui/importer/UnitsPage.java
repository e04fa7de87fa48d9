package org.duban.ui.importer;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.duban.i18n.Messages;
import org.duban.model.UnitKind;
import org.duban.ui.common.Choice;

/**
 * The import wizard's page of the units the roster does not know (issue 14): one line per name with its rows, a
 * checkbox to add it to the roster with the import, and its kind (县（市、区）/ 开发区 / 市直部门 / 其他).
 */
final class UnitsPage {
    private static final List<UnitKind> KINDS = List.of(UnitKind.COUNTY, UnitKind.DISTRICT, UnitKind.COUNTY_CITY,
            UnitKind.DEVELOPMENT_ZONE, UnitKind.CITY_DEPARTMENT, UnitKind.OTHER);

    private final ImportWizardViewModel vm;
    private final VBox lines = new VBox(6);
    private final VBox root;

    UnitsPage(ImportWizardViewModel vm) {
        this.vm = vm;
        Label hint = new Label(Messages.tr("import.units.hint"));
        hint.setWrapText(true);
        lines.setId("unknownUnitsList");
        vm.unknownUnits().addListener((ListChangeListener<UnitChoice>) c -> fill());
        fill();
        ScrollPane scroll = new ScrollPane(lines);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        root = new VBox(8, hint, scroll);
        root.setId("importUnitsPage");
    }

    Node root() {
        return root;
    }

    private void fill() {
        lines.getChildren().clear();
        int i = 0;
        for (UnitChoice u : vm.unknownUnits()) {
            lines.getChildren().add(line(u, i));
            i++;
        }
    }

    private static HBox line(UnitChoice u, int i) {
        CheckBox add = new CheckBox(Messages.tr("import.units.add"));
        add.setId("addUnit-" + i);
        add.setAccessibleText(Messages.tr("import.units.addName", u.name()));
        add.selectedProperty().bindBidirectional(u.addProperty());
        Label name = new Label(u.name());
        name.setMinWidth(220);
        name.setStyle("-fx-font-weight: bold;");
        Label rows = new Label(Messages.tr("import.units.rows") + "：" + u.rows());
        rows.setMinWidth(160);
        ComboBox<Choice<UnitKind>> kind = new ComboBox<>();
        kind.setId("unitKind-" + i);
        kind.setAccessibleText(Messages.tr("import.units.kindOf", u.name()));
        for (UnitKind k : KINDS) {
            kind.getItems().add(new Choice<>(k, Messages.tr("unit.kind." + k.name())));
        }
        kind.getItems().stream().filter(c -> c.value() == u.kindProperty().get()).findFirst()
                .ifPresent(kind::setValue);
        kind.setOnAction(e -> {
            if (kind.getValue() != null) {
                u.kindProperty().set(kind.getValue().value());
            }
        });
        HBox line = new HBox(12, add, name, rows, new Label(Messages.tr("import.units.kind")), kind);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }
}
