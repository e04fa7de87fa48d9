package org.duban.ui.settings;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.duban.i18n.Messages;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Settings → 数据库文件 → 连接共享台账…: where a seat of an office with several seats connects to the shared ledger on
 * the office's PostgreSQL server, in a window of its own over the settings. 测试连接 tries the login and changes
 * nothing; 连接 saves it for this computer, moves the main window over and closes this one. Works from a read-only
 * window too: the connection is kept outside the ledger.
 */
public final class SharedLedgerDialog {
    private final SharedLedgerViewModel vm;

    public SharedLedgerDialog(SharedLedgerViewModel vm) {
        this.vm = vm;
    }

    /** Shows the form over {@code owner}; it closes on 关闭, Esc, or once connected. */
    public Stage show(Window owner) {
        Stage stage = new Stage();
        stage.setTitle(Messages.tr("settings.shared.title"));
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        Button close = new Button(Messages.tr("settings.shared.close"));
        close.setId("closeSharedButton");
        close.setAccessibleText(Messages.tr("settings.shared.close"));
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        HBox foot = new HBox(close);
        foot.setAlignment(Pos.CENTER_RIGHT);
        VBox root = new VBox(12, content(), foot);
        root.setId("sharedLedgerDialog");
        root.setPadding(new Insets(20));
        root.setPrefWidth(720);
        Scene scene = new Scene(root);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        javafx.beans.value.ChangeListener<Boolean> closeWhenConnected = (o, was, now) -> {
            if (now) {
                stage.close();
            }
        };
        vm.connectedProperty().addListener(closeWhenConnected);
        stage.setOnHidden(e -> vm.connectedProperty().removeListener(closeWhenConnected));
        stage.show();
        return stage;
    }

    /** The form: server, port, database, user, password, the two buttons and what they found. */
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
        Label hint = new Label(Messages.tr("settings.shared.hint"));
        hint.setId("sharedHint");
        hint.setWrapText(true);
        hint.getStyleClass().add("hint-label");
        status.setMaxWidth(680);
        hint.setMaxWidth(680);
        VBox box = new VBox(10, hint, grid, buttons, status);
        box.setId("sharedLedgerForm");
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
