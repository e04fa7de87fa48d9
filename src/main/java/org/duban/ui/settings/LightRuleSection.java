package org.duban.ui.settings;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.duban.i18n.Messages;
import org.duban.ui.common.LightBadge;

/**
 * 红黄绿灯规则: the thresholds of the warning-light rule, with the rule written out in words as it stands, so the
 * secretariat can check it against its city's own rule.
 */
public final class LightRuleSection implements SettingsSection {
    private final TrackingSettingsViewModel vm;

    public LightRuleSection(TrackingSettingsViewModel vm) {
        this.vm = vm;
    }

    @Override
    public String titleKey() {
        return "settings.light.title";
    }

    @Override
    public javafx.beans.property.ReadOnlyBooleanProperty dirty() {
        return vm.ruleDirtyProperty();
    }

    @Override
    public boolean save() {
        return vm.saveRule();
    }

    @Override
    public void discard() {
        vm.discardRule();
    }

    @Override
    public Node content() {
        Spinner<Integer> red = SettingsControls.number("redLagSpinner", "settings.light.redLag", 1, 100, vm.redLagProperty());
        Spinner<Integer> yellow = SettingsControls.number("yellowLagSpinner", "settings.light.yellowLag", 1, 100,
                vm.yellowLagProperty());
        Spinner<Integer> dueSoon = SettingsControls.number("dueSoonSpinner", "settings.light.dueSoon", 0, 365,
                vm.dueSoonProperty());
        Spinner<Integer> stale = SettingsControls.number("staleReportSpinner", "settings.light.staleReport", 1, 365,
                vm.staleReportProperty());
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        row(grid, 0, "settings.light.redLag", red, "settings.light.points");
        row(grid, 1, "settings.light.yellowLag", yellow, "settings.light.points");
        row(grid, 2, "settings.light.dueSoon", dueSoon, "settings.light.days");
        row(grid, 3, "settings.light.staleReport", stale, "settings.light.days");

        HBox red1 = rule(LightBadge.of(org.duban.model.WarningLight.RED), Bindings.createStringBinding(
                () -> Messages.tr("settings.light.rule.red", vm.redLagProperty().get()), vm.redLagProperty()));
        HBox yellow1 = rule(LightBadge.of(org.duban.model.WarningLight.YELLOW), Bindings.createStringBinding(
                () -> Messages.tr("settings.light.rule.yellow", vm.dueSoonProperty().get(), vm.yellowLagProperty().get(),
                        vm.redLagProperty().get(), vm.staleReportProperty().get()),
                vm.dueSoonProperty(), vm.yellowLagProperty(), vm.redLagProperty(), vm.staleReportProperty()));
        HBox green1 = rule(LightBadge.of(org.duban.model.WarningLight.GREEN),
                Bindings.createStringBinding(() -> Messages.tr("settings.light.rule.green")));
        Label notes = new Label(Messages.tr("settings.light.notes"));
        notes.setWrapText(true);
        notes.getStyleClass().add("hint-label");
        notes.setMaxWidth(860);
        notes.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        Button save = new Button(Messages.tr("common.save"));
        save.setId("saveLightRuleButton");
        save.setAccessibleText(Messages.tr("settings.light.save"));
        save.getStyleClass().add("accent");
        save.setOnAction(e -> {
            SettingsControls.commit(red);
            SettingsControls.commit(yellow);
            SettingsControls.commit(dueSoon);
            SettingsControls.commit(stale);
            vm.saveRule();
        });
        Button defaults = new Button(Messages.tr("settings.light.defaults"));
        defaults.setId("defaultLightRuleButton");
        defaults.setAccessibleText(Messages.tr("settings.light.defaults"));
        defaults.setOnAction(e -> vm.restoreDefaultRule());
        HBox buttons = new HBox(8, save, defaults,
                SettingsControls.message("lightRuleMessage", vm.ruleMessageProperty(), vm.ruleErrorProperty()));
        buttons.setAlignment(Pos.CENTER_LEFT);
        return new VBox(8, red1, yellow1, green1, notes, grid, buttons);
    }

    /** One line of the rule: the light (dot and word) and, beside it, when it applies (wrapping). */
    private static HBox rule(Label badge, javafx.beans.binding.StringBinding text) {
        Label l = new Label();
        l.textProperty().bind(text);
        l.setWrapText(true);
        l.setMaxWidth(780);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        badge.setMinWidth(72);
        return new HBox(8, badge, l);
    }

    private static void row(GridPane grid, int row, String key, Spinner<Integer> spinner, String unitKey) {
        Label l = new Label(Messages.tr(key));
        l.setLabelFor(spinner);
        grid.add(l, 0, row);
        grid.add(spinner, 1, row);
        grid.add(new Label(Messages.tr(unitKey)), 2, row);
    }
}
