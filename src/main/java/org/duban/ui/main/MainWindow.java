package org.duban.ui.main;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.duban.i18n.Messages;
import org.duban.ui.common.LedgerAccess;
import org.duban.ui.common.TaskRunner;
import org.kordamp.ikonli.javafx.FontIcon;

/** The main window's content: the navigation rail on the left, the current screen, and a footer. */
public final class MainWindow {
    /** The rail item that sits at the bottom. */
    public static final String SETTINGS_ID = "navSettings";
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final Map<String, Node> built = new HashMap<>();
    private final ToggleGroup group = new ToggleGroup();
    private final List<NavItem> items;
    private String shown;

    public MainWindow(List<NavItem> items, String databaseText, TaskRunner runner) {
        this(items, databaseText, runner, LedgerAccess.writable());
    }

    /** With {@code access} read-only, a banner above every screen says why adding and changing are switched off. */
    public MainWindow(List<NavItem> items, String databaseText, TaskRunner runner, LedgerAccess access) {
        this(items, databaseText, runner, access, null);
    }

    /** Opening on the screen of {@code openingId} (the first item's when null or not in the rail). */
    public MainWindow(List<NavItem> items, String databaseText, TaskRunner runner, LedgerAccess access,
                      String openingId) {
        this.items = List.copyOf(items);
        root.setId("mainWindow");
        VBox rail = new VBox();
        rail.getStyleClass().add("nav-rail");
        Label appTitle = new Label(Messages.tr("app.title"));
        appTitle.getStyleClass().add("app-title");
        appTitle.setWrapText(true); // "Duban Desk" takes two lines of the narrow rail rather than "Duban…"
        rail.getChildren().add(appTitle);
        for (NavItem item : items) {
            if (item.id().equals(SETTINGS_ID)) {
                Region push = new Region(); // settings sit at the foot of the rail
                VBox.setVgrow(push, Priority.ALWAYS);
                rail.getChildren().add(push);
            }
            ToggleButton b = new ToggleButton(Messages.tr(item.labelKey()), new FontIcon(item.icon()));
            b.setId(item.id());
            b.setAccessibleText(Messages.tr(item.labelKey()));
            b.setToggleGroup(group);
            b.setOnAction(e -> {
                if (!b.isSelected()) {
                    b.setSelected(true); // a rail always has one area chosen
                }
                show(item);
            });
            rail.getChildren().add(b);
        }
        installRailKeys();
        root.setLeft(rail);
        if (access.isReadOnly() || "app.readOnly.bannerChecking".equals(access.bannerKey())) {
            root.setCenter(new VBox(readOnlyBanner(access, this::showBackups), grow(content))); // follows the access
        } else {
            root.setCenter(content);
        }
        root.setBottom(footer(databaseText, runner));
        if (!items.isEmpty()) {
            boolean known = openingId != null && items.stream().anyMatch(i -> i.id().equals(openingId));
            select(known ? openingId : items.get(0).id());
        }
    }

    /**
     * Ctrl+1, Ctrl+2, … choose the rail's items in the order they stand (settings last), so that a screen added to
     * the rail gets its key with no more code. The key is named in each button's tooltip.
     */
    private void installRailKeys() {
        List<javafx.scene.input.KeyCombination> keys = new java.util.ArrayList<>();
        for (int i = 0; i < items.size() && i < 9; i++) {
            NavItem item = items.get(i);
            var key = new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.getKeyCode(
                    String.valueOf(i + 1)), javafx.scene.input.KeyCombination.SHORTCUT_DOWN);
            keys.add(key);
            for (Toggle t : group.getToggles()) {
                if (t instanceof ToggleButton b && item.id().equals(b.getId())) {
                    b.setTooltip(new javafx.scene.control.Tooltip(Messages.tr(item.labelKey()) + "  ("
                            + key.getDisplayText() + ")"));
                }
            }
        }
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                keys.forEach(k -> old.getAccelerators().remove(k));
            }
            if (scene != null) {
                for (int i = 0; i < keys.size(); i++) {
                    String id = items.get(i).id();
                    scene.getAccelerators().put(keys.get(i), () -> select(id));
                }
            }
        });
    }

    private static HBox readOnlyBanner(LedgerAccess access, Runnable showBackups) {
        Label text = new Label();
        text.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> Messages.tr(access.bannerKey()), access.bannerKeyProperty()));
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        FontIcon icon = new FontIcon("mdi2l-lock-outline");
        // a damaged file is repaired by restoring a backup: the way there, from every screen
        javafx.scene.control.Button restore = new javafx.scene.control.Button(Messages.tr("app.readOnly.restore"),
                new FontIcon("mdi2b-backup-restore"));
        restore.setId("readOnlyRestoreButton");
        restore.setMinWidth(Region.USE_PREF_SIZE);
        restore.visibleProperty().bind(access.damagedProperty());
        restore.managedProperty().bind(access.damagedProperty());
        restore.setOnAction(e -> showBackups.run());
        HBox banner = new HBox(10, icon, text, restore);
        banner.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        banner.setId("readOnlyBanner");
        banner.getStyleClass().add("read-only-banner");
        banner.accessibleTextProperty().bind(text.textProperty());
        // shown while the ledger is read-only: for good (another window, a damaged file), or until its check passed
        banner.visibleProperty().bind(access.readOnlyProperty());
        banner.managedProperty().bind(access.readOnlyProperty());
        return banner;
    }

    private static <N extends Node> N grow(N n) {
        VBox.setVgrow(n, Priority.ALWAYS);
        return n;
    }

    private HBox footer(String databaseText, TaskRunner runner) {
        Label db = new Label(databaseText);
        db.setId("databaseLabel");
        db.getStyleClass().add("count-label");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ProgressBar busy = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        busy.setId("busyIndicator");
        busy.setPrefWidth(120);
        busy.visibleProperty().bind(runner.busyProperty());
        HBox footer = new HBox(db, spacer, busy);
        footer.getStyleClass().add("status-bar");
        footer.setPadding(new Insets(4, 12, 4, 12));
        return footer;
    }

    /**
     * Whether the screen shown may be left (another screen chosen, the window closed): a screen with unsaved
     * changes carries a {@link org.duban.ui.common.LeaveCheck} on its root (the settings ask 保存 / 不保存 /
     * 取消); without one, yes.
     */
    public boolean mayLeave() {
        return shown == null || org.duban.ui.common.LeaveCheck.mayLeave(built.get(shown));
    }

    /**
     * Asked before the window closes: the screen shown may be left ({@link #mayLeave()}), and no form anywhere in the
     * window holds half-typed text, or the user chose what to do with it (保存 / 不保存 / 取消, see
     * {@link org.duban.ui.common.OpenForms#mayClose}). With 保存 the saves run first and {@code closeAfterSaving} then
     * closes the window.
     */
    public boolean mayClose(org.duban.ui.common.DialogService dialogs, Runnable closeAfterSaving) {
        return mayLeave() && org.duban.ui.common.OpenForms.mayClose(root, dialogs, closeAfterSaving);
    }

    /** The close box of {@code stage} (showing this window) asks first, as {@link #mayClose} says. */
    public void guardClose(javafx.stage.Stage stage, org.duban.ui.common.DialogService dialogs) {
        stage.setOnCloseRequest(e -> {
            if (!mayClose(dialogs, stage::close)) {
                e.consume(); // 取消, or 保存 still saving (the window closes once it is stored)
            }
        });
    }

    private void show(NavItem item) {
        if (shown != null && !shown.equals(item.id())) {
            keepShown(); // while the screen asks, the rail still shows where the user is
            if (!mayLeave()) {
                return;
            }
            selectButton(item.id());
        }
        Node view = built.computeIfAbsent(item.id(), k -> item.view().get());
        content.getChildren().setAll(view);
        shown = item.id();
    }

    /** The id of the rail item on screen. */
    public String shown() {
        return shown;
    }

    /** 取消 when leaving: the rail keeps the button of the screen that stays. */
    private void keepShown() {
        selectButton(shown);
    }

    private void selectButton(String id) {
        for (Toggle t : group.getToggles()) {
            if (t instanceof ToggleButton b && id.equals(b.getId())) {
                b.setSelected(true);
            }
        }
    }

    /** Shows the screen of a rail item, as if its button had been pressed (for moves between screens). */
    public void select(String id) {
        for (Toggle t : group.getToggles()) {
            if (t instanceof ToggleButton b && id.equals(b.getId())) {
                b.setSelected(true);
                items.stream().filter(i -> i.id().equals(id)).findFirst().ifPresent(this::show);
                return;
            }
        }
    }

    /** The settings' backups (the section with the id {@code backupSection}), scrolled into view. */
    private void showBackups() {
        select(SETTINGS_ID);
        if (!SETTINGS_ID.equals(shown)) {
            return; // another screen kept the window (unsaved changes, 取消)
        }
        content.applyCss();
        content.layout();
        Node section = content.lookup("#backupSection");
        if (section != null) {
            Scrolling.reveal(section);
        }
    }

    /** The ledger was replaced (a restore): every screen but the one shown is built afresh on its next visit. */
    public void forgetOtherScreens() {
        built.keySet().removeIf(id -> !id.equals(shown));
    }

    public BorderPane root() {
        return root;
    }
}
