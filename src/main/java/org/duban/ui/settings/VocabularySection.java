package org.duban.ui.settings;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.duban.i18n.Messages;
import org.duban.model.Term;
import org.duban.ui.settings.VocabularyViewModel.Row;

/**
 * 来源和类别: the office's sources and problem categories side by side, each a table edited in place (name,
 * aliases), with 添加, 上移 / 下移 and 并入…; handouts, charts and filters follow the order. 保存 applies both
 * lists at once (tasks follow a renamed or merged name), 撤销修改 drops the edits.
 */
public final class VocabularySection implements SettingsSection {
    private final VocabularyViewModel vm;

    public VocabularySection(VocabularyViewModel vm) {
        this.vm = vm;
    }

    @Override
    public String titleKey() {
        return "settings.vocabulary.title";
    }

    /** Edits not saved yet. */
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
        Label hint = new Label(Messages.tr("settings.vocabulary.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("hint-label");
        VBox sources = list(Term.Kind.SOURCE);
        VBox categories = list(Term.Kind.CATEGORY);
        HBox.setHgrow(sources, Priority.ALWAYS);
        HBox.setHgrow(categories, Priority.ALWAYS);
        HBox lists = new HBox(16, sources, categories);

        Button save = new Button(Messages.tr("common.save"));
        save.setId("saveVocabularyButton");
        save.setAccessibleText(Messages.tr("settings.vocabulary.save"));
        save.getStyleClass().add("accent");
        save.setOnAction(e -> vm.save());
        save.disableProperty().bind(vm.dirtyProperty().not());
        Button revert = new Button(Messages.tr("settings.revert"));
        revert.setId("revertVocabularyButton");
        revert.setOnAction(e -> vm.revert());
        revert.disableProperty().bind(vm.dirtyProperty().not());
        Label dirty = new Label(Messages.tr("settings.unsaved"));
        dirty.getStyleClass().add("hint-label");
        dirty.visibleProperty().bind(vm.dirtyProperty());
        HBox saving = new HBox(8, save, revert, dirty,
                SettingsControls.message("vocabularyMessage", vm.messageProperty(), vm.errorProperty()));
        saving.setAlignment(Pos.CENTER_LEFT);
        return new VBox(8, hint, lists, saving);
    }

    private VBox list(Term.Kind kind) {
        String k = kind.name().toLowerCase(java.util.Locale.ROOT);
        Label heading = new Label(Messages.tr("settings.vocabulary." + k));
        heading.getStyleClass().add("form-label");
        TableView<Row> table = new TableView<>(vm.rows(kind));
        table.setId(k + "NamesTable");
        table.setAccessibleText(Messages.tr("settings.vocabulary." + k));
        table.setEditable(true);
        table.setFixedCellSize(36);
        table.setPrefHeight(260);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Row, String> name = new TableColumn<>(Messages.tr("settings.vocabulary.col.name"));
        name.setCellValueFactory(c -> c.getValue().nameProperty());
        name.setCellFactory(c -> new EditCell<>(Row::nameProperty, r -> false));
        name.setPrefWidth(190);
        name.setSortable(false);
        TableColumn<Row, String> tasks = new TableColumn<>(Messages.tr("settings.vocabulary.col.tasks"));
        tasks.setCellValueFactory(c -> new ReadOnlyStringWrapper(String.valueOf(c.getValue().tasks())));
        tasks.setPrefWidth(56);
        tasks.setSortable(false);
        TableColumn<Row, String> aliases = new TableColumn<>(Messages.tr("settings.vocabulary.col.aliases"));
        aliases.setCellValueFactory(c -> Bindings.createStringBinding(() -> c.getValue().mergeIntoProperty().get() != null
                ? Messages.tr("settings.vocabulary.toMerge", c.getValue().mergeIntoProperty().get().name())
                : c.getValue().aliasesProperty().get(), c.getValue().aliasesProperty(), c.getValue().mergeIntoProperty()));
        aliases.setCellFactory(c -> new EditCell<>(Row::aliasesProperty, r -> r.mergeIntoProperty().get() != null));
        aliases.setPrefWidth(220);
        aliases.setSortable(false);
        table.getColumns().setAll(List.of(name, tasks, aliases));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> vm.selectedProperty(kind).set(r));
        vm.selectedProperty(kind).addListener((o, a, r) -> {
            if (r != null && table.getSelectionModel().getSelectedItem() != r) {
                table.getSelectionModel().select(r);
                table.scrollTo(r);
            }
        });

        Button add = button(k + "AddButton", "settings.vocabulary.add");
        add.setOnAction(e -> {
            Row r = vm.add(kind);
            table.layout();
            table.edit(vm.rows(kind).indexOf(r), name);
        });
        Button up = button(k + "UpButton", "settings.roster.up");
        up.setOnAction(e -> vm.move(kind, -1));
        Button down = button(k + "DownButton", "settings.roster.down");
        down.setOnAction(e -> vm.move(kind, 1));
        Button merge = button(k + "MergeButton", "settings.roster.merge");
        merge.setOnAction(e -> vm.chooseMerge(kind));
        for (Button b : List.of(up, down, merge)) {
            b.disableProperty().bind(vm.selectedProperty(kind).isNull());
        }
        HBox buttons = new HBox(8, add, up, down, merge);
        buttons.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, heading, table, buttons);
    }

    private static Button button(String id, String key) {
        Button b = new Button(Messages.tr(key));
        b.setId(id);
        b.setAccessibleText(Messages.tr(key));
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }
}
