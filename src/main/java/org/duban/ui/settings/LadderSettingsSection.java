package org.duban.ui.settings;

import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.duban.i18n.Messages;
import org.duban.service.score.ScoreRules;
import org.duban.ui.common.DateFields;

/**
 * 督办阶梯 and 考评: the 文号 patterns, response periods and escalation of notices, the desk's look-ahead, the office's
 * own working-day calendar lines, and the scoring rule sets by the day they apply from.
 */
public final class LadderSettingsSection implements SettingsSection {
    private final LadderSettingsViewModel vm;

    public LadderSettingsSection(LadderSettingsViewModel vm) {
        this.vm = vm;
    }

    @Override
    public String titleKey() {
        return "settings.ladder.title";
    }

    private static TextField field(String id, String key, StringProperty value) {
        TextField f = new TextField();
        f.setId(id);
        f.setAccessibleText(Messages.tr(key));
        f.setPrefWidth(260);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    private final javafx.beans.property.ReadOnlyBooleanWrapper dirty = new javafx.beans.property.ReadOnlyBooleanWrapper();

    @Override
    public javafx.beans.property.ReadOnlyBooleanProperty dirty() {
        if (!dirty.isBound()) {
            dirty.bind(vm.dirtyProperty());
        }
        return dirty.getReadOnlyProperty();
    }

    @Override
    public boolean save() {
        vm.saveChanged();
        return true;
    }

    @Override
    public void discard() {
        vm.discard();
    }

    @Override
    public Node content() {
        TextField chase = field("chasePatternField", "settings.ladder.chasePattern", vm.chasePattern);
        TextField order = field("orderPatternField", "settings.ladder.orderPattern", vm.orderPattern);
        Spinner<Integer> chaseDays = SettingsControls.number("chaseDaysSpinner", "ladder.field.chaseResponseDays", 1, 60,
                vm.chaseDays);
        Spinner<Integer> orderDays = SettingsControls.number("orderDaysSpinner", "ladder.field.orderResponseDays", 1, 60,
                vm.orderDays);
        Spinner<Integer> escalate = SettingsControls.number("escalateSpinner", "ladder.field.escalateDays", 1, 120,
                vm.escalateDays);
        Spinner<Integer> talk = SettingsControls.number("talkAfterSpinner", "ladder.field.talkAfter", 1, 10, vm.talkAfter);
        Spinner<Integer> desk = SettingsControls.number("deskDaysSpinner", "ladder.field.deskDays", 1, 365, vm.deskDays);
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        grid.addRow(0, new Label(Messages.tr("settings.ladder.chasePattern")), chase,
                new Label(Messages.tr("ladder.field.chaseResponseDays")), chaseDays);
        grid.addRow(1, new Label(Messages.tr("settings.ladder.orderPattern")), order,
                new Label(Messages.tr("ladder.field.orderResponseDays")), orderDays);
        grid.addRow(2, new Label(Messages.tr("ladder.field.escalateDays")), escalate,
                new Label(Messages.tr("ladder.field.talkAfter")), talk);
        grid.addRow(3, new Label(Messages.tr("ladder.field.deskDays")), desk);
        TextArea calendar = new TextArea();
        calendar.setId("calendarLinesArea");
        calendar.setAccessibleText(Messages.tr("settings.ladder.calendar"));
        calendar.setPromptText("2027-10-01,放假,国庆节");
        calendar.setPrefRowCount(4);
        calendar.textProperty().bindBidirectional(vm.calendar);
        Button save = new Button(Messages.tr("common.save"));
        save.setId("saveLadderSettingsButton");
        save.getStyleClass().add("accent");
        save.setOnAction(e -> {
            for (Spinner<Integer> s : java.util.List.of(chaseDays, orderDays, escalate, talk, desk)) {
                SettingsControls.commit(s);
            }
            vm.save();
        });
        HBox buttons = new HBox(8, save, SettingsControls.message("ladderSettingsMessage", vm.message, vm.error));
        buttons.setAlignment(Pos.CENTER_LEFT);

        ListView<ScoreRules> sets = new ListView<>(vm.ruleSets);
        sets.setId("scoreRuleSets");
        sets.setPrefHeight(110);
        sets.setPrefWidth(200);
        sets.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ScoreRules r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : r.effectiveFrom().getYear() < 2000
                        ? Messages.tr("settings.score.builtIn") : Messages.tr("settings.score.from", r.effectiveFrom()));
            }
        });
        sets.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null) {
                vm.show(r);
            }
        });
        DatePicker from = DateFields.picker("scoreRulesFrom", Messages.tr("settings.score.fromLabel"));
        from.valueProperty().bindBidirectional(vm.rulesFrom);
        TextArea rules = new TextArea();
        rules.setId("scoreRulesArea");
        rules.setAccessibleText(Messages.tr("settings.score.rules"));
        rules.setPrefRowCount(10);
        rules.textProperty().bindBidirectional(vm.rulesText);
        Button saveRules = new Button(Messages.tr("settings.score.save"));
        saveRules.setId("saveScoreRulesButton");
        saveRules.setOnAction(e -> {
            DateFields.commit(from);
            vm.saveRules();
        });
        HBox rulesButtons = new HBox(8, new Label(Messages.tr("settings.score.fromLabel")), from, saveRules,
                SettingsControls.message("scoreRulesMessage", vm.rulesMessage, vm.rulesError));
        rulesButtons.setAlignment(Pos.CENTER_LEFT);
        HBox rulesRow = new HBox(12, sets, rules);
        Label hint = new Label(Messages.tr("settings.score.hint"));
        hint.setWrapText(true);
        return new VBox(8, grid, new Label(Messages.tr("settings.ladder.calendar")), calendar, buttons,
                new Label(Messages.tr("settings.score.title")), hint, rulesRow, rulesButtons);
    }
}
