package org.duban.ui.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.Property;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import org.duban.i18n.Messages;
import org.duban.model.TaskStatus;
import org.duban.model.Unit;
import org.duban.model.WarningLight;
import org.duban.ui.common.Choice;

/**
 * The checklist's filter line: search, unit, light, status, 挂牌督办 only, source, category, "clear" and the count
 * ("显示 X / 共 Y 条"). Each control is bound both ways to its filter in the view model.
 */
final class ChecklistFilterBar {
    private final TextField search = new TextField();
    private final FlowPane root;

    ChecklistFilterBar(TaskListViewModel vm) {
        search.setId("searchField");
        search.setPromptText(Messages.tr("tasks.search.prompt"));
        search.setAccessibleText(Messages.tr("tasks.search.prompt"));
        search.textProperty().bindBidirectional(vm.searchTextProperty());
        search.setPrefWidth(230);

        ComboBox<Choice<Unit>> unit = filter("unitFilter", "tasks.filter.unit", vm.units(),
                Messages.tr("tasks.filter.allUnits"), Unit::name, vm.unitFilterProperty());
        ComboBox<Choice<TaskStatus>> status = filter("statusFilter", "tasks.filter.status",
                FXCollections.observableArrayList(TaskStatus.values()), Messages.tr("tasks.filter.allStatuses"),
                s -> Messages.tr("status." + s.name()), vm.statusFilterProperty());
        ComboBox<Choice<String>> source = filter("sourceFilter", "tasks.filter.source", vm.sources(),
                Messages.tr("tasks.filter.allSources"), s -> s, vm.sourceFilterProperty());
        ComboBox<Choice<String>> category = filter("categoryFilter", "tasks.filter.category", vm.categories(),
                Messages.tr("tasks.filter.allCategories"), s -> s, vm.categoryFilterProperty());
        ComboBox<Choice<WarningLight>> light = filter("lightFilter", "tasks.filter.light",
                FXCollections.observableArrayList(WarningLight.values()), Messages.tr("tasks.filter.allLights"),
                l -> Messages.tr("light." + l.name()), vm.lightFilterProperty());

        CheckBox supervised = new CheckBox(Messages.tr("tasks.filter.supervisedOnly"));
        supervised.setId("supervisedOnlyCheck");
        supervised.setAccessibleText(Messages.tr("tasks.filter.supervisedOnly"));
        supervised.selectedProperty().bindBidirectional(vm.supervisedOnlyProperty());

        Button clear = new Button(Messages.tr("tasks.filter.clear"));
        clear.setId("clearFiltersButton");
        clear.getStyleClass().add("flat");
        clear.setOnAction(e -> vm.clearFilters());

        Label count = new Label();
        count.setId("countLabel");
        count.getStyleClass().add("count-label");
        count.textProperty().bind(vm.countTextProperty());

        for (Control c : List.of(unit, light, status, source, category, supervised, clear, count)) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        // wraps onto a second line on narrow windows rather than squeezing the filters to "全..."
        root = new FlowPane(8, 6, search, unit, light, status, supervised, source, category, clear, count);
        root.setAlignment(Pos.CENTER_LEFT);
    }

    Region root() {
        return root;
    }

    /** ↓ or Enter in the search field runs {@code toResults}: the keyboard path from Ctrl+F into the rows. */
    void onLeaveSearch(Runnable toResults) {
        search.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.DOWN || e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                toResults.run();
                e.consume();
            }
        });
    }

    /** Adds controls after the count (the row height). */
    void addTrailing(javafx.scene.Node... nodes) {
        root.getChildren().addAll(nodes);
    }

    /** Puts the cursor in the search field with its text selected (Ctrl+F). */
    void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    /**
     * A filter combo listing "all" and then {@code values}, kept in step with the list, choosing sets
     * {@code filter} and a filter set elsewhere (a click on a chart) shows in the combo.
     */
    private static <T> ComboBox<Choice<T>> filter(String id, String accessibleKey, ObservableList<T> values,
                                                  String allLabel, Function<T, String> label, Property<T> filter) {
        ComboBox<Choice<T>> c = new ComboBox<>();
        c.setId(id);
        c.setAccessibleText(Messages.tr(accessibleKey));
        c.setMaxWidth(220);
        bindChoices(c, values, allLabel, label);
        c.valueProperty().addListener((o, a, n) -> filter.setValue(n == null ? null : n.value()));
        filter.addListener((o, a, n) -> select(c, n));
        return c;
    }

    /** Keeps a filter combo's items in step with a list, with "all" first. */
    private static <T> void bindChoices(ComboBox<Choice<T>> combo, ObservableList<T> source, String allLabel,
                                        Function<T, String> label) {
        Runnable refresh = () -> {
            T selected = combo.getValue() == null ? null : combo.getValue().value();
            List<Choice<T>> items = new ArrayList<>();
            items.add(new Choice<>(null, allLabel));
            source.forEach(v -> items.add(new Choice<>(v, label.apply(v))));
            combo.getItems().setAll(items);
            select(combo, selected);
        };
        source.addListener((ListChangeListener<T>) c -> refresh.run());
        refresh.run();
    }

    private static <T> void select(ComboBox<Choice<T>> combo, T value) {
        for (Choice<T> c : combo.getItems()) {
            if (Objects.equals(c.value(), value)) {
                if (combo.getValue() != c) {
                    combo.setValue(c);
                }
                return;
            }
        }
        combo.setValue(combo.getItems().isEmpty() ? null : combo.getItems().get(0));
    }
}
