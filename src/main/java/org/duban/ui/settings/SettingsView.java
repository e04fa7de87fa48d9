package org.duban.ui.settings;

import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.duban.i18n.Messages;
import org.duban.ui.common.DialogService;
import org.duban.ui.common.LedgerAccess;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The settings screen (设置): its sections one under another, and one rule for unsaved changes on all of them. While
 * any section holds changes a bar at the foot names those sections with 保存 and 放弃修改; leaving the screen (the
 * rail, Ctrl+<n>, closing the window) asks 保存 / 不保存 / 取消 first ({@link #mayLeave()}).
 */
public final class SettingsView {
    private final BorderPane root = new BorderPane();
    private final List<SettingsSection> sections;
    private final DialogService dialogs;
    private final BooleanBinding anyDirty;
    private final StringBinding dirtyTitles;

    public SettingsView(List<SettingsSection> sections) {
        this(sections, LedgerAccess.writable());
    }

    /** @param access read-only: the sections that save into the ledger are switched off */
    public SettingsView(List<SettingsSection> sections, LedgerAccess access) {
        this(sections, access, null);
    }

    /** @param dialogs asks before unsaved changes are left; null: nothing to ask, leaving drops nothing silently only in tests */
    public SettingsView(List<SettingsSection> sections, LedgerAccess access, DialogService dialogs) {
        this.sections = List.copyOf(sections);
        this.dialogs = dialogs;
        Label title = new Label(Messages.tr("settings.title"));
        title.getStyleClass().add("screen-title");
        VBox box = new VBox(16, title);
        box.setPadding(new Insets(16));
        for (SettingsSection s : sections) {
            Label heading = new Label(Messages.tr(s.titleKey()));
            heading.getStyleClass().add("settings-heading");
            Node content = s.content();
            if (s.writesLedger()) {
                access.writes(content);
            }
            box.getChildren().addAll(heading, content);
        }
        if (sections.isEmpty()) {
            Label none = new Label(Messages.tr("settings.none"));
            none.getStyleClass().add("hint-label");
            box.getChildren().add(none);
        }
        Observable[] flags = this.sections.stream().map(SettingsSection::dirty).toArray(Observable[]::new);
        anyDirty = Bindings.createBooleanBinding(() -> !dirtySections().isEmpty(), flags);
        dirtyTitles = Bindings.createStringBinding(() -> titles(dirtySections()), flags);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        root.setId("settingsView");
        root.setCenter(scroll);
        root.setBottom(unsavedBar());
        org.duban.ui.common.LeaveCheck.install(root, this::mayLeave);
    }

    /** "有未保存的修改：红黄绿灯规则、单位名单  [保存] [放弃修改]", shown only while a section is dirty. */
    private HBox unsavedBar() {
        Label text = new Label();
        text.setId("unsavedLabel");
        text.textProperty().bind(Bindings.createStringBinding(
                () -> Messages.tr("settings.unsaved.bar", dirtyTitles.get()), dirtyTitles));
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        Button save = new Button(Messages.tr("settings.unsaved.save"));
        save.setId("unsavedSaveAllButton");
        save.getStyleClass().add("accent");
        save.setOnAction(e -> saveAll());
        Button discard = new Button(Messages.tr("settings.unsaved.discard"));
        discard.setId("unsavedDiscardAllButton");
        discard.setOnAction(e -> discardAll());
        HBox bar = new HBox(10, new FontIcon("mdi2c-content-save-alert-outline"), text, save, discard);
        bar.setId("unsavedBar");
        bar.getStyleClass().add("unsaved-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 16, 8, 16));
        bar.setStyle("-fx-background-color: #fff4d6; -fx-border-color: #e0b84c; -fx-border-width: 1 0 0 0;");
        bar.visibleProperty().bind(anyDirty);
        bar.managedProperty().bind(anyDirty);
        bar.setAccessibleText(Messages.tr("settings.unsaved.title"));
        return bar;
    }

    private List<SettingsSection> dirtySections() {
        return sections.stream().filter(s -> s.dirty().get()).toList();
    }

    private static String titles(List<SettingsSection> list) {
        return list.stream().map(SettingsSection::title)
                .collect(Collectors.joining(Messages.tr("settings.unsaved.separator")));
    }

    /** Whether any section holds unsaved changes. */
    public boolean isDirty() {
        return anyDirty.get();
    }

    /**
     * Saves every section with changes, through each section's own save. False when a section refused its values
     * (the reason shows under it, and the user is told which).
     */
    public boolean saveAll() {
        List<SettingsSection> refused = dirtySections().stream().filter(s -> !s.save()).toList();
        if (!refused.isEmpty() && dialogs != null) {
            dialogs.showError(Messages.tr("settings.unsaved.title"),
                    Messages.tr("settings.unsaved.refused", titles(refused)), null);
        }
        return refused.isEmpty();
    }

    /** Drops the changes of every section: the fields show what the ledger holds. */
    public void discardAll() {
        dirtySections().forEach(SettingsSection::discard);
    }

    /**
     * Asked before the screen is left: true when nothing is unsaved, or the user saved (and the values were
     * accepted) or chose 不保存 (the changes are dropped); false for 取消, and the screen stays.
     */
    public boolean mayLeave() {
        commitFocusedNumber();
        if (!isDirty() || dialogs == null) {
            return true;
        }
        DialogService.Unsaved answer = dialogs.askUnsaved(Messages.tr("settings.unsaved.title"),
                Messages.tr("settings.unsaved.message", dirtyTitles.get()));
        return switch (answer) {
            case SAVE -> saveAll();
            case DISCARD -> {
                discardAll();
                yield true;
            }
            case CANCEL -> false;
        };
    }

    /** A number typed but not yet taken (Ctrl+<n> leaves with the focus still in the field) counts as a change. */
    @SuppressWarnings("unchecked")
    private void commitFocusedNumber() {
        Node n = root.getScene() == null ? null : root.getScene().getFocusOwner();
        for (; n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.control.Spinner<?> spinner && spinner.getValue() instanceof Integer) {
                SettingsControls.commit((javafx.scene.control.Spinner<Integer>) spinner);
                return;
            }
        }
    }

    public Region root() {
        return root;
    }
}
