package org.duban.ui.settings;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.duban.i18n.Messages;

/** 跟踪与销号: the operator's name written to the audit trail, the default 公示 length, the evidence size limit. */
public final class TrackingSettingsSection implements SettingsSection {
    private final TrackingSettingsViewModel vm;

    public TrackingSettingsSection(TrackingSettingsViewModel vm) {
        this.vm = vm;
    }

    @Override
    public String titleKey() {
        return "settings.tracking.title";
    }

    @Override
    public javafx.beans.property.ReadOnlyBooleanProperty dirty() {
        return vm.trackingDirtyProperty();
    }

    @Override
    public boolean save() {
        vm.saveTracking();
        return true;
    }

    @Override
    public void discard() {
        vm.discardTracking();
    }

    @Override
    public Node content() {
        TextField operator = new TextField();
        operator.setId("operatorField");
        operator.setAccessibleText(Messages.tr("settings.tracking.operator"));
        operator.setPromptText(Messages.tr(vm.seatOperator() ? "settings.tracking.operatorPromptSeat"
                : "settings.tracking.operatorPrompt", vm.defaultOperator()));
        operator.setPrefWidth(260);
        operator.textProperty().bindBidirectional(vm.operatorProperty());
        Spinner<Integer> notice = SettingsControls.number("noticeDaysSpinner", "settings.tracking.noticeDays", 1, 90,
                vm.noticeDaysProperty());
        Spinner<Integer> limit = SettingsControls.number("evidenceLimitSpinner", "settings.tracking.evidenceLimit", 1,
                500, vm.evidenceMbProperty());
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        add(grid, 0, vm.seatOperator() ? "settings.tracking.operatorSeat" : "settings.tracking.operator", operator,
                vm.seatOperator() ? "settings.tracking.operatorHintSeat" : "settings.tracking.operatorHint");
        add(grid, 1, "settings.tracking.noticeDays", notice, "settings.tracking.noticeDaysHint");
        add(grid, 2, "settings.tracking.evidenceLimit", limit, "settings.tracking.evidenceLimitHint");
        Button save = new Button(Messages.tr("common.save"));
        save.setId("saveTrackingSettingsButton");
        save.setAccessibleText(Messages.tr("settings.tracking.save"));
        save.getStyleClass().add("accent");
        save.setOnAction(e -> {
            SettingsControls.commit(notice);
            SettingsControls.commit(limit);
            vm.saveTracking();
        });
        HBox buttons = new HBox(8, save,
                SettingsControls.message("trackingSettingsMessage", vm.trackingMessageProperty(), vm.trackingErrorProperty()));
        buttons.setAlignment(Pos.CENTER_LEFT);
        return new VBox(8, grid, buttons);
    }

    private static void add(GridPane grid, int row, String key, Node input, String hintKey) {
        Label l = new Label(Messages.tr(key));
        l.setLabelFor(input);
        Label hint = new Label(Messages.tr(hintKey));
        hint.getStyleClass().add("hint-label");
        hint.setWrapText(true);
        hint.setMaxWidth(520);
        grid.add(l, 0, row);
        grid.add(input, 1, row);
        grid.add(hint, 2, row);
    }
}
