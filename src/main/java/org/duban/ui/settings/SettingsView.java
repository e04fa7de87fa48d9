package org.duban.ui.settings;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.duban.i18n.Messages;
import org.duban.ui.common.LedgerAccess;

/** The settings screen (设置): its sections one under another. */
public final class SettingsView {
    private final ScrollPane root;

    public SettingsView(List<SettingsSection> sections) {
        this(sections, LedgerAccess.writable());
    }

    /** @param access read-only: the sections that save into the ledger are switched off */
    public SettingsView(List<SettingsSection> sections, LedgerAccess access) {
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
        root = new ScrollPane(box);
        root.setId("settingsView");
        root.setFitToWidth(true);
    }

    public Region root() {
        return root;
    }
}
