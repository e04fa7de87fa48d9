package org.duban.ui.settings;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.Node;

/**
 * One part of the settings screen (warning-light rule, operator name, handout layout, backups, database
 * file ...). Each section loads and saves its own values; the screen only lays them out, in the order
 * {@code app.AppContext} lists them.
 *
 * <p>One rule for unsaved changes on every section: a section whose fields can differ from what the ledger holds
 * says so through {@link #dirty()}, and {@link #save()} / {@link #discard()} store or drop them. The settings
 * screen shows one bar naming the sections with changes (保存 / 放弃修改) and asks before the user leaves the screen.
 * A section that saves each step at once (backups, the database file) keeps the defaults: never dirty.
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

    /** True while the section's fields hold changes not yet in the ledger. */
    default ReadOnlyBooleanProperty dirty() {
        return new ReadOnlyBooleanWrapper(false).getReadOnlyProperty();
    }

    /**
     * Stores the changes (through the runner, like the section's own 保存 button). False when they were refused
     * before saving (the reason shows under the section), so that the screen is not left.
     */
    default boolean save() {
        return true;
    }

    /** Drops the changes: the fields show what the ledger holds again. */
    default void discard() {
    }

    /** The section's heading, for the unsaved-changes bar and question. */
    default String title() {
        return org.duban.i18n.Messages.tr(titleKey());
    }
}
