package org.duban.ui.settings;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.duban.i18n.Messages;
import org.duban.model.UnitKind;
import org.duban.ui.settings.RosterViewModel.Row;

/**
 * 单位名单: the roster as a table edited in place (name, short name for charts, kind, aliases), with 添加单位,
 * 上移 / 下移, 停用 / 恢复启用 and 并入…; 保存 applies every edit at once, 撤销修改 drops them. Retired and merged
 * units stay listed, greyed, with their history.
 */
public final class RosterSection implements SettingsSection {
    private final RosterViewModel vm;

    public RosterSection(RosterViewModel vm) {
        this.vm = vm;
    }

    @Override
    public String titleKey() {
        return "settings.roster.title";
    }

    /** Edits not saved yet (the settings screen's rule on leaving a section reads it). */
    public javafx.beans.property.BooleanProperty dirtyProperty() {
        return vm.dirtyProperty();
    }

    @Override
    public javafx.beans.property.ReadOnlyBooleanProperty dirty() {
        return vm.dirtyProperty();
    }

    /** False when the user declined the confirmation of a retirement, merge or rename. */
    @Override
    public boolean save() {
        return vm.save();
    }

    @Override
    public void discard() {
        vm.revert();
    }

    @Override
    public Node content() {
        Label hint = new Label(Messages.tr("settings.roster.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("hint-label");

        TableView<Row> table = new TableView<>(vm.rows());
        table.setId("rosterTable");
        table.setAccessibleText(Messages.tr("settings.roster.title"));
        table.setEditable(true);
        table.setFixedCellSize(36); // the kind's list box sets the height, in every language
        table.setPrefHeight(440);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Row, String> order = new TableColumn<>(Messages.tr("settings.roster.col.order"));
        order.setCellValueFactory(c -> new ReadOnlyStringWrapper(String.valueOf(vm.rows().indexOf(c.getValue()) + 1)));
        order.setPrefWidth(44);
        order.setSortable(false);
        TableColumn<Row, String> name = text("settings.roster.col.name", Row::nameProperty, 200);
        TableColumn<Row, String> shortName = text("settings.roster.col.shortName", Row::shortNameProperty, 110);
        TableColumn<Row, UnitKind> kind = new TableColumn<>(Messages.tr("settings.roster.col.kind"));
        kind.setCellValueFactory(c -> c.getValue().kindProperty());
        kind.setCellFactory(c -> new KindCell());
        kind.setPrefWidth(190);
        kind.setSortable(false);
        TableColumn<Row, String> aliases = text("settings.roster.col.aliases", Row::aliasesProperty, 300);
        TableColumn<Row, String> state = new TableColumn<>(Messages.tr("settings.roster.col.state"));
        state.setCellValueFactory(c -> Bindings.createStringBinding(() -> vm.stateText(c.getValue()),
                c.getValue().retiredProperty(), c.getValue().mergeIntoProperty()));
        state.setPrefWidth(170);
        state.setSortable(false);
        table.getColumns().setAll(List.of(order, name, shortName, kind, aliases, state));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Row item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("withdrawn");
                if (!empty && item != null && (item.merged() || item.retiredProperty().get())) {
                    getStyleClass().add("withdrawn");
                }
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> vm.selectedProperty().set(r));
        vm.selectedProperty().addListener((o, a, r) -> {
            if (r != null && table.getSelectionModel().getSelectedItem() != r) {
                table.getSelectionModel().select(r);
                table.scrollTo(r);
            }
            table.refresh();
        });
        vm.rows().addListener((javafx.collections.ListChangeListener<Row>) c -> table.refresh());

        Button add = button("addUnitButton", "settings.roster.add");
        add.setOnAction(e -> {
            Row r = vm.add();
            table.layout();
            table.edit(vm.rows().indexOf(r), name);
        });
        Button up = button("moveUnitUpButton", "settings.roster.up");
        up.setOnAction(e -> vm.move(-1));
        Button down = button("moveUnitDownButton", "settings.roster.down");
        down.setOnAction(e -> vm.move(1));
        Button retire = button("retireUnitButton", "settings.roster.retire");
        retire.textProperty().bind(Bindings.createStringBinding(() -> {
            Row r = vm.selectedProperty().get();
            return Messages.tr(r != null && r.retiredProperty().get() ? "settings.roster.reinstate" : "settings.roster.retire");
        }, vm.selectedProperty(), vm.rows()));
        retire.setOnAction(e -> vm.toggleRetired());
        Button merge = button("mergeUnitButton", "settings.roster.merge");
        merge.setOnAction(e -> vm.chooseMerge());
        for (Button b : List.of(up, down, retire, merge)) {
            b.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.selectedProperty().get() == null
                    || vm.selectedProperty().get().merged(), vm.selectedProperty()));
        }
        Button save = button("saveRosterButton", "common.save");
        save.setAccessibleText(Messages.tr("settings.roster.save"));
        save.getStyleClass().add("accent");
        save.setOnAction(e -> vm.save());
        save.disableProperty().bind(vm.dirtyProperty().not());
        Button revert = button("revertRosterButton", "settings.revert");
        revert.setOnAction(e -> vm.revert());
        revert.disableProperty().bind(vm.dirtyProperty().not());
        Label dirty = new Label(Messages.tr("settings.unsaved"));
        dirty.setId("rosterUnsaved");
        dirty.getStyleClass().add("hint-label");
        dirty.visibleProperty().bind(vm.dirtyProperty());
        HBox edits = new HBox(8, add, up, down, retire, merge);
        edits.setAlignment(Pos.CENTER_LEFT);
        HBox saving = new HBox(8, save, revert, dirty,
                SettingsControls.message("rosterMessage", vm.messageProperty(), vm.errorProperty()));
        saving.setAlignment(Pos.CENTER_LEFT);
        return new VBox(8, hint, table, edits, saving);
    }

    private TableColumn<Row, String> text(String key, java.util.function.Function<Row, javafx.beans.property.StringProperty> p,
                                          double width) {
        TableColumn<Row, String> col = new TableColumn<>(Messages.tr(key));
        col.setCellValueFactory(c -> p.apply(c.getValue()));
        col.setCellFactory(c -> new EditCell<>(p, Row::merged));
        col.setPrefWidth(width);
        col.setSortable(false);
        return col;
    }

    private static Button button(String id, String key) {
        Button b = new Button(Messages.tr(key));
        b.setId(id);
        b.setAccessibleText(Messages.tr(key));
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    /** What a kind is called: 县（市、区）：区 …, 开发区, 市直部门, 其他. */
    static String kindText(UnitKind k) {
        return k == null ? "" : k.isCountyLevel() ? Messages.tr("unit.kind.group", Messages.tr(k.labelKey()))
                : Messages.tr(k.labelKey());
    }

    /** The kind, chosen from a list in place. */
    private final class KindCell extends TableCell<Row, UnitKind> {
        @Override
        protected void updateItem(UnitKind item, boolean empty) {
            super.updateItem(item, empty);
            Row row = getTableRow() == null ? null : getTableRow().getItem();
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            if (row.merged()) {
                setGraphic(null);
                setText(kindText(item));
                return;
            }
            ComboBox<UnitKind> box = new ComboBox<>(FXCollections.observableArrayList(UnitKind.values()));
            box.setAccessibleText(Messages.tr("settings.roster.col.kind"));
            box.setMaxWidth(Double.MAX_VALUE);
            box.setButtonCell(new KindListCell());
            box.setCellFactory(l -> new KindListCell());
            box.setValue(item);
            box.valueProperty().addListener((o, a, k) -> {
                if (k != null) {
                    row.kindProperty().set(k);
                }
            });
            setText(null);
            setGraphic(box);
        }
    }

    private static final class KindListCell extends ListCell<UnitKind> {
        @Override
        protected void updateItem(UnitKind item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : kindText(item));
        }
    }
}
