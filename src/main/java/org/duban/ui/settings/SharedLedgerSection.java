package org.duban.ui.settings;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.duban.i18n.Messages;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Settings → 连接共享台账: where a seat of an office with several seats connects to the shared ledger on the office's
 * PostgreSQL server. 测试连接 tries the login and changes nothing; 连接 saves it for this computer and moves the window
 * over. Works from a read-only window too: the connection is kept outside the ledger.
 */
public final class SharedLedgerSection implements SettingsSection {
    private final SharedLedgerViewModel vm;

    public SharedLedgerSection(SharedLedgerViewModel vm) {
        this.vm = vm;
    }

    @Override
    public String titleKey() {
        return "settings.shared.title";
    }

    @Override
    public boolean writesLedger() {
        return false;
    }

    @Override
    public Node content() {
        TextField host = field(new TextField(), "sharedHostField", "settings.shared.host");
        host.textProperty().bindBidirectional(vm.hostProperty());
        host.setPrefWidth(260);
        TextField port = field(new TextField(), "sharedPortField", "settings.shared.port");
        port.textProperty().bindBidirectional(vm.portProperty());
        port.setPrefColumnCount(6);
        TextField database = field(new TextField(), "sharedDatabaseField", "settings.shared.database");
        database.textProperty().bindBidirectional(vm.databaseProperty());
        TextField user = field(new TextField(), "sharedUserField", "settings.shared.user");
        user.textProperty().bindBidirectional(vm.userProperty());
        PasswordField password = field(new PasswordField(), "sharedPasswordField", "settings.shared.password");
        password.textProperty().bindBidirectional(vm.passwordProperty());

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        row(grid, 0, "settings.shared.host", host, "settings.shared.port", port);
        row(grid, 1, "settings.shared.database", database, null, null);
        row(grid, 2, "settings.shared.user", user, "settings.shared.password", password);

        Button test = new Button(Messages.tr("settings.shared.test"), new FontIcon("mdi2l-lan-pending"));
        test.setId("testConnectionButton");
        test.setAccessibleText(Messages.tr("settings.shared.test"));
        test.setMnemonicParsing(false);
        test.setOnAction(e -> vm.test());
        Button connect = new Button(Messages.tr("settings.shared.connect"), new FontIcon("mdi2l-lan-connect"));
        connect.setId("connectSharedButton");
        connect.setAccessibleText(Messages.tr("settings.shared.connect"));
        connect.getStyleClass().add("accent");
        connect.setMnemonicParsing(false);
        connect.setOnAction(e -> vm.connect());
        HBox buttons = new HBox(8, test, connect);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.disableProperty().bind(vm.busyProperty());
        grid.disableProperty().bind(vm.busyProperty());

        Label status = SettingsControls.message("sharedStatusLabel", vm.messageProperty(), vm.errorProperty());
        status.setWrapText(true);
        status.setMaxWidth(880);
        Label hint = new Label(Messages.tr("settings.shared.hint"));
        hint.setId("sharedHint");
        hint.setWrapText(true);
        hint.getStyleClass().add("hint-label");
        VBox box = new VBox(10, grid, buttons, status, hint);
        box.setId("sharedLedgerSection");
        box.setMaxWidth(900);
        return box;
    }

    private static <T extends TextField> T field(T field, String id, String key) {
        field.setId(id);
        field.setAccessibleText(Messages.tr(key));
        return field;
    }

    private static void row(GridPane grid, int row, String key, Node input, String key2, Node input2) {
        Label l = new Label(Messages.tr(key));
        l.setLabelFor(input);
        grid.add(l, 0, row);
        grid.add(input, 1, row);
        if (key2 != null) {
            Label l2 = new Label(Messages.tr(key2));
            l2.setLabelFor(input2);
            grid.add(l2, 2, row);
            grid.add(input2, 3, row);
        }
    }
}
