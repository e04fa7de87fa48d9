package org.duban.ui.settings;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.duban.i18n.Messages;
import org.duban.service.bulletin.LaggingRule;

/**
 * 通报: which units a bulletin names as lagging (the last N by completion rate, or those below X%), the issuer in its
 * masthead, and whether city departments are ranked too. The rule is written out as the bulletin will state it.
 */
public final class BulletinSettingsSection implements SettingsSection {
    private final BulletinSettingsViewModel vm;

    public BulletinSettingsSection(BulletinSettingsViewModel vm) {
        this.vm = vm;
    }

    @Override
    public String titleKey() {
        return "settings.bulletin.title";
    }

    @Override
    public javafx.beans.property.ReadOnlyBooleanProperty dirty() {
        return vm.dirtyProperty();
    }

    @Override
    public boolean save() {
        return vm.save();
    }

    @Override
    public void discard() {
        vm.discard();
    }

    @Override
    public Node content() {
        ToggleGroup group = new ToggleGroup();
        RadioButton bottom = new RadioButton(Messages.tr("settings.bulletin.bottom"));
        bottom.setId("laggingBottomRadio");
        bottom.setToggleGroup(group);
        RadioButton below = new RadioButton(Messages.tr("settings.bulletin.below"));
        below.setId("laggingBelowRadio");
        below.setToggleGroup(group);
        Runnable show = () -> group.selectToggle(vm.kindProperty().get() == LaggingRule.Kind.BELOW ? below : bottom);
        vm.kindProperty().addListener((o, a, k) -> show.run());
        show.run();
        group.selectedToggleProperty().addListener((o, a, t) -> vm.kindProperty().set(
                t == below ? LaggingRule.Kind.BELOW : LaggingRule.Kind.BOTTOM));
        Spinner<Integer> count = SettingsControls.number("laggingCountSpinner", "settings.bulletin.count", 1, 20,
                vm.countProperty());
        count.disableProperty().bind(bottom.selectedProperty().not());
        Spinner<Integer> percent = SettingsControls.number("laggingPercentSpinner", "settings.bulletin.percent", 1, 100,
                vm.percentProperty());
        percent.disableProperty().bind(below.selectedProperty().not());
        Label rule = new Label();
        rule.setId("laggingRuleText");
        rule.setWrapText(true);
        rule.textProperty().bind(Bindings.createStringBinding(vm::ruleText, vm.kindProperty(), vm.countProperty(),
                vm.percentProperty()));

        TextField issuer = new TextField();
        issuer.setId("bulletinIssuerField");
        issuer.setAccessibleText(Messages.tr("settings.bulletin.issuer"));
        issuer.setPromptText(Messages.tr("settings.bulletin.issuerPrompt"));
        issuer.setPrefWidth(460);
        issuer.textProperty().bindBidirectional(vm.issuerProperty());
        CheckBox departments = new CheckBox(Messages.tr("settings.bulletin.departments"));
        departments.setId("rankDepartmentsCheck");
        departments.selectedProperty().bindBidirectional(vm.departmentsProperty());
        CheckBox withScore = new CheckBox(Messages.tr("settings.bulletin.withScore"));
        withScore.setId("bulletinWithScoreCheck");
        withScore.selectedProperty().bindBidirectional(vm.withScoreProperty());

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        grid.addRow(0, bottom, count, new Label(Messages.tr("settings.bulletin.units")));
        grid.addRow(1, below, percent, new Label("%"));
        Label issuerLabel = new Label(Messages.tr("settings.bulletin.issuer"));
        issuerLabel.setLabelFor(issuer);
        Button save = new Button(Messages.tr("common.save"));
        save.setId("saveBulletinSettingsButton");
        save.setAccessibleText(Messages.tr("settings.bulletin.save"));
        save.getStyleClass().add("accent");
        save.setOnAction(e -> {
            SettingsControls.commit(count);
            SettingsControls.commit(percent);
            vm.save();
        });
        HBox buttons = new HBox(8, save,
                SettingsControls.message("bulletinSettingsMessage", vm.messageProperty(), vm.errorProperty()));
        buttons.setAlignment(Pos.CENTER_LEFT);
        HBox issuerRow = new HBox(12, issuerLabel, issuer);
        issuerRow.setAlignment(Pos.CENTER_LEFT);
        return new VBox(8, new Label(Messages.tr("settings.bulletin.lagging")), grid, rule, issuerRow, departments,
                withScore, buttons);
    }
}
