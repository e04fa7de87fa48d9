package org.duban.ui.settings;

import javafx.scene.Node;

/**
 * One part of the settings screen (warning-light rule, operator name, handout layout, backups, database
 * file ...). Each section loads and saves its own values; the screen only lays them out, in the order
 * {@code app.AppContext} lists them.
 */
public interface SettingsSection {
    /** Bundle key of the section's heading. */
    String titleKey();

    /** The section's controls (built once, when the screen is first shown). */
    Node content();
}
