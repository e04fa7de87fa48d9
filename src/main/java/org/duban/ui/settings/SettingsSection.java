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

    /**
     * Whether the section saves into the ledger (the light rule, the operator ...): on a read-only ledger the
     * settings screen switches such a section off. A section that works on a read-only ledger too (the database
     * file, backups) says false and minds the ledger's state itself.
     */
    default boolean writesLedger() {
        return true;
    }
}
