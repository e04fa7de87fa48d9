package org.duban.ui.settings;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.duban.i18n.Messages;
import org.duban.ui.common.PathRow;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Settings → 数据库文件: the file (or shared ledger) in use, and buttons to open another file, make a new one, go back to
 * the default, or connect to a shared ledger on a server.
 */
public final class DatabaseFileSection implements SettingsSection {
    private final DatabaseFileViewModel vm;
    private final DatabaseFilePicker picker;
    private final SharedLedgerViewModel shared;

    public DatabaseFileSection(DatabaseFileViewModel vm, DatabaseFilePicker picker) {
        this(vm, picker, null);
    }

    /** With 连接共享台账… ({@link SharedLedgerDialog}) when {@code shared} is given. */
    public DatabaseFileSection(DatabaseFileViewModel vm, DatabaseFilePicker picker, SharedLedgerViewModel shared) {
        this.vm = vm;
        this.picker = picker;
        this.shared = shared;
    }

    @Override
    public String titleKey() {
        return "settings.database.title";
    }

    /** Choosing another file works from a read-only window too: the choice is kept outside the ledger. */
    @Override
    public boolean writesLedger() {
        return false;
    }

    @Override
    public Node content() {
        HBox currentRow = vm.onServer()
                ? PathRow.of("currentDatabaseField", "settings.database.currentShared", vm.currentLocation())
                : PathRow.of("currentDatabaseField", "settings.database.current", vm.current());

        Button open = button("openDatabaseButton", "settings.database.open", "mdi2f-folder-open-outline");
        open.setOnAction(e -> picker.chooseExisting(window(open), vm.folder()).ifPresent(vm::openExisting));
        Button create = button("newDatabaseButton", "settings.database.new", "mdi2d-database-plus-outline");
        create.setOnAction(e -> picker.chooseNew(window(create), vm.folder()).ifPresent(vm::createNew));
        Button useDefault = button("defaultDatabaseButton", "settings.database.useDefault", "mdi2f-folder-home-outline");
        useDefault.setOnAction(e -> vm.useDefault());
        useDefault.setDisable(vm.onDefault());
        HBox buttons = new HBox(8, open, create, useDefault);
        if (shared != null) {
            Button connect = button("connectSharedLedgerButton", "settings.database.connectShared", "mdi2l-lan-connect");
            connect.setOnAction(e -> new SharedLedgerDialog(shared).show(window(connect)));
            buttons.getChildren().add(connect);
        }
        buttons.disableProperty().bind(vm.busyProperty());

        Label hint = new Label(Messages.tr(vm.onServer() ? "settings.database.hintShared" : "settings.database.hint"));
        hint.setId("databaseHint");
        hint.setWrapText(true);
        hint.getStyleClass().add("hint-label");
        Label defaultLocation = new Label(Messages.tr("settings.database.defaultLocation", vm.defaultFile()));
        defaultLocation.setId("defaultDatabaseLabel");
        defaultLocation.setWrapText(true);
        defaultLocation.getStyleClass().add("hint-label");
        VBox box = new VBox(10, currentRow, buttons, new VBox(4, hint, defaultLocation));
        box.setId("databaseFileSection");
        box.setMaxWidth(900);
        return box;
    }

    private static Button button(String id, String key, String icon) {
        Button b = new Button(Messages.tr(key), new FontIcon(icon));
        b.setId(id);
        b.setAccessibleText(Messages.tr(key));
        b.setMnemonicParsing(false);
        return b;
    }

    private static Window window(Node node) {
        return node.getScene() != null ? node.getScene().getWindow() : null;
    }
}
