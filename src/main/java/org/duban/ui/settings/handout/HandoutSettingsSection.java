package org.duban.ui.settings.handout;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.duban.i18n.Messages;
import org.duban.service.handout.ColumnSpec;
import org.duban.service.handout.FontPreference;
import org.duban.service.handout.HandoutColumn;
import org.duban.service.handout.HandoutSettings;
import org.duban.service.handout.HandoutSettingsStore;
import org.duban.ui.common.Choice;
import org.duban.ui.common.DialogService;
import org.duban.ui.common.TaskRunner;
import org.duban.ui.settings.SettingsSection;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Handout settings that rarely change: the city in the title, the fonts, and the columns (which, in what
 * order, how wide). Sheet, margins, 签收 block and notice are chosen on the handout screen itself.
 */
public final class HandoutSettingsSection implements SettingsSection {
    private final HandoutSettingsStore store;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final TextField city = new TextField();
    private final ComboBox<Choice<FontPreference>> fonts = new ComboBox<>();
    private final GridPane columnGrid = new GridPane();
    private final Label saved = new Label();
    private final List<Row> rows = new ArrayList<>();
    private HandoutSettings loaded = HandoutSettings.defaults();
    private final javafx.beans.property.ReadOnlyBooleanWrapper dirty = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private boolean showing;

    /** One column in the editor: shown or not, and its relative width. */
    private record Row(HandoutColumn column, CheckBox shown, Spinner<Integer> width) {
    }

    public HandoutSettingsSection(HandoutSettingsStore store, TaskRunner runner, DialogService dialogs) {
        this.store = store;
        this.runner = runner;
        this.dialogs = dialogs;
    }

    @Override
    public String titleKey() {
        return "settings.handout.title";
    }

    @Override
    public Node content() {
        city.setId("handoutCityField");
        city.setAccessibleText(Messages.tr("settings.handout.city"));
        city.setPrefColumnCount(12);
        fonts.setId("handoutFontsChoice");
        fonts.setAccessibleText(Messages.tr("settings.handout.fonts"));
        for (FontPreference f : FontPreference.values()) {
            fonts.getItems().add(new Choice<>(f, Messages.tr("settings.handout.fonts." + f.name())));
        }
        city.textProperty().addListener((obs, o, n) -> recheck());
        fonts.valueProperty().addListener((obs, o, n) -> recheck());
        columnGrid.setId("handoutColumns");
        columnGrid.setHgap(8);
        columnGrid.setVgap(4);

        Button save = new Button(Messages.tr("common.save"));
        save.setId("saveHandoutSettingsButton");
        save.getStyleClass().add("accent");
        save.setOnAction(e -> save());
        Button reset = new Button(Messages.tr("settings.handout.resetColumns"));
        reset.setId("resetHandoutColumnsButton");
        reset.setOnAction(e -> showColumns(HandoutSettings.defaults().columns()));
        saved.getStyleClass().add("hint-label");

        GridPane top = new GridPane();
        top.setHgap(12);
        top.setVgap(8);
        top.addRow(0, new Label(Messages.tr("settings.handout.city")), city);
        top.addRow(1, new Label(Messages.tr("settings.handout.fonts")), fonts);
        Label hint = new Label(Messages.tr("settings.handout.columnsHint"));
        hint.getStyleClass().add("hint-label");
        HBox buttons = new HBox(8, save, reset, saved);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(10, top, new Label(Messages.tr("settings.handout.columns")), hint, columnGrid, buttons);
        box.setPadding(new Insets(0, 0, 0, 4));
        runner.run(store::load, this::show, e -> dialogs.showError(Messages.tr("error.title"),
                DialogService.messageOf(e), e));
        return box;
    }

    private void show(HandoutSettings s) {
        loaded = s;
        showing = true;
        city.setText(s.city());
        fonts.getItems().stream().filter(c -> c.value() == s.fonts()).findFirst().ifPresent(fonts::setValue);
        showColumns(s.columns());
        showing = false;
        recheck();
    }

    /** Dirty while the fields differ from what was loaded or last saved. */
    private void recheck() {
        if (showing) {
            return;
        }
        HandoutSettings e = edited();
        dirty.set(e == null || !shownAlike(e, loaded));
    }

    /** City, fonts and columns as this section shows them (widths in whole numbers). */
    private static boolean shownAlike(HandoutSettings a, HandoutSettings b) {
        String cityA = a.city() == null || a.city().isBlank() ? HandoutSettings.DEFAULT_CITY : a.city();
        String cityB = b.city() == null || b.city().isBlank() ? HandoutSettings.DEFAULT_CITY : b.city();
        return cityA.equals(cityB) && a.fonts() == b.fonts() && widths(a).equals(widths(b));
    }

    private static List<String> widths(HandoutSettings s) {
        return s.columns().stream().map(c -> c.column() + ":" + Math.max(1, Math.round(c.weight()))).toList();
    }

    @Override
    public javafx.beans.property.ReadOnlyBooleanProperty dirty() {
        return dirty.getReadOnlyProperty();
    }

    @Override
    public void discard() {
        show(loaded);
    }

    private void showColumns(List<ColumnSpec> chosen) {
        rows.clear();
        for (ColumnSpec c : chosen) {
            rows.add(row(c.column(), true, (int) Math.round(c.weight())));
        }
        for (HandoutColumn c : HandoutColumn.values()) {
            if (chosen.stream().noneMatch(s -> s.column() == c)) {
                rows.add(row(c, false, (int) Math.round(c.defaultWeight())));
            }
        }
        layoutRows();
        recheck();
    }

    private Row row(HandoutColumn column, boolean shown, int width) {
        CheckBox box = new CheckBox(Messages.tr("task.field." + column.key()));
        box.setId("column-" + column.key());
        box.setSelected(shown);
        Spinner<Integer> w = new Spinner<>(1, 100, Math.max(1, width));
        w.setId("width-" + column.key());
        w.setAccessibleText(Messages.tr("settings.handout.width", Messages.tr("task.field." + column.key())));
        w.setEditable(true);
        w.setPrefWidth(80);
        w.disableProperty().bind(box.selectedProperty().not());
        box.selectedProperty().addListener((obs, o, n) -> recheck());
        w.valueProperty().addListener((obs, o, n) -> recheck());
        return new Row(column, box, w);
    }

    private void layoutRows() {
        columnGrid.getChildren().clear();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            int index = i;
            Button up = new Button(null, new FontIcon("mdi2a-arrow-up"));
            up.setId("up-" + r.column().key());
            up.setAccessibleText(Messages.tr("settings.handout.up", r.shown().getText()));
            up.getStyleClass().add("flat");
            up.setDisable(i == 0);
            up.setOnAction(e -> move(index, -1));
            Button down = new Button(null, new FontIcon("mdi2a-arrow-down"));
            down.setId("down-" + r.column().key());
            down.setAccessibleText(Messages.tr("settings.handout.down", r.shown().getText()));
            down.getStyleClass().add("flat");
            down.setDisable(i == rows.size() - 1);
            down.setOnAction(e -> move(index, 1));
            columnGrid.addRow(i, r.shown(), r.width(), up, down);
        }
    }

    private void move(int index, int by) {
        int to = index + by;
        if (to < 0 || to >= rows.size()) {
            return;
        }
        rows.add(to, rows.remove(index));
        layoutRows();
        recheck();
    }

    /** The settings as edited (null when no column is chosen). */
    HandoutSettings edited() {
        List<ColumnSpec> cols = rows.stream().filter(r -> r.shown().isSelected())
                .map(r -> new ColumnSpec(r.column(), r.width().getValue())).toList();
        if (cols.isEmpty()) {
            return null;
        }
        FontPreference f = fonts.getValue() == null ? loaded.fonts() : fonts.getValue().value();
        String c = city.getText().isBlank() ? HandoutSettings.DEFAULT_CITY : city.getText();
        return loaded.withCity(c).withFonts(f).withColumns(cols);
    }

    /** Saves city, fonts and columns; false (with the reason beside the button) when no column is chosen. */
    @Override
    public boolean save() {
        HandoutSettings s = edited();
        if (s == null) {
            saved.setText(Messages.tr("settings.handout.noColumns"));
            return false;
        }
        runner.run(() -> {
            // the screen may have changed sheet settings meanwhile: keep those, take ours
            HandoutSettings current = store.load();
            HandoutSettings merged = current.withCity(s.city()).withFonts(s.fonts()).withColumns(s.columns());
            store.save(merged);
            return merged;
        }, m -> {
            loaded = m;
            saved.setText(Messages.tr("settings.handout.saved"));
            recheck();
        }, e -> dialogs.showError(Messages.tr("error.title"), DialogService.messageOf(e), e));
        return true;
    }
}
