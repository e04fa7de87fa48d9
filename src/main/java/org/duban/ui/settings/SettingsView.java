package org.duban.ui.settings;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.duban.i18n.Messages;

/** The settings screen (设置): its sections one under another. */
public final class SettingsView {
    private final ScrollPane root;

    public SettingsView(List<SettingsSection> sections) {
        Label title = new Label(Messages.tr("settings.title"));
        title.getStyleClass().add("screen-title");
        VBox box = new VBox(16, title);
        box.setPadding(new Insets(16));
        for (SettingsSection s : sections) {
            Label heading = new Label(Messages.tr(s.titleKey()));
            heading.getStyleClass().add("settings-heading");
            box.getChildren().addAll(heading, s.content());
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
