package org.duban.ui.common;

import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.MenuItem;
import org.duban.i18n.Messages;

/**
 * Whether this window may change the ledger. A second copy of the program opens the ledger read-only (the first
 * holds the writer lock, see app.LedgerOpener): there every action that would write is disabled, rather than
 * failing on save, and the main window says why once, above every screen. Views hand their writing controls (a
 * button, a whole form, a menu item) to {@link #writes}; nothing else decides. One instance per main window: a
 * window on another ledger gets its own.
 *
 * <p>A window opened before its ledger's soundness check ran ({@link #untilChecked}) is read-only until the check
 * passed ({@link #checkPassed}), and stays so when it failed ({@link #checkFailed}); the banner says which. Those
 * changes happen on the FX thread.
 */
public final class LedgerAccess {
    private static final String DAMAGED = "app.readOnly.bannerDamaged";
    private final ReadOnlyBooleanWrapper readOnly;
    private final ReadOnlyStringWrapper bannerKey;
    /** The soundness check found the file damaged: read-only, but a restore (the repair) is allowed. */
    private final ReadOnlyBooleanWrapper damaged = new ReadOnlyBooleanWrapper(false);

    private LedgerAccess(boolean readOnly, String bannerKey) {
        this.readOnly = new ReadOnlyBooleanWrapper(readOnly);
        this.bannerKey = new ReadOnlyStringWrapper(bannerKey);
    }

    /**
     * A writable ledger whose soundness check runs after the window shows its rows: read-only, with a banner that
     * says so, until {@link #checkPassed} or {@link #checkFailed}.
     */
    public static LedgerAccess untilChecked() {
        return new LedgerAccess(true, "app.readOnly.bannerChecking");
    }

    /** The check passed: adding and changing are switched on. Only for {@link #untilChecked}. */
    public void checkPassed() {
        if ("app.readOnly.bannerChecking".equals(bannerKey.get())) {
            readOnly.set(false);
        }
    }

    /**
     * The check failed or could not run: read-only for good, for the reason {@code bannerKey} tells. When it found
     * the file damaged ({@code app.readOnly.bannerDamaged}), restoring a backup stays possible ({@link #restores}).
     */
    public void checkFailed(String key) {
        bannerKey.set(key);
        readOnly.set(true);
        damaged.set(DAMAGED.equals(key));
    }

    /** A restore replaced the damaged ledger with a sound copy: adding and changing are switched on again. */
    public void repaired() {
        if (damaged.get()) {
            damaged.set(false);
            bannerKey.set("app.readOnly.banner");
            readOnly.set(false);
        }
    }

    /** Whether the soundness check found the ledger damaged (and no restore has repaired it yet). */
    public boolean isDamaged() {
        return damaged.get();
    }

    public ReadOnlyBooleanProperty damagedProperty() {
        return damaged.getReadOnlyProperty();
    }

    /** A ledger this window may change (the usual case, and views built without saying). */
    public static LedgerAccess writable() {
        return new LedgerAccess(false, "app.readOnly.banner");
    }

    /** Read-only or not because another copy of the program holds the ledger's file. */
    public static LedgerAccess of(boolean readOnly) {
        return new LedgerAccess(readOnly, "app.readOnly.banner");
    }

    /** Read-only or not for the reason the bundle key {@code bannerKey} tells the user, above every screen. */
    public static LedgerAccess of(boolean readOnly, String bannerKey) {
        return new LedgerAccess(readOnly, bannerKey);
    }

    /** The bundle key of the sentence that says why the ledger is read-only. */
    public String bannerKey() {
        return bannerKey.get();
    }

    public ReadOnlyStringProperty bannerKeyProperty() {
        return bannerKey.getReadOnlyProperty();
    }

    public boolean isReadOnly() {
        return readOnly.get();
    }

    public ReadOnlyBooleanProperty readOnlyProperty() {
        return readOnly.getReadOnlyProperty();
    }

    /** Marks a control, or a whole form, that writes to the ledger: disabled while the ledger is read-only. */
    public <N extends Node> N writes(N node) {
        return writes(node, null);
    }

    /**
     * As {@link #writes(Node)}, for a control that is also disabled when {@code alsoWhen} holds (nothing selected,
     * saving under way); it takes over the control's disable binding.
     */
    public <N extends Node> N writes(N node, ObservableBooleanValue alsoWhen) {
        BooleanExpression disabled = alsoWhen == null ? readOnly : readOnly.or(alsoWhen);
        node.disableProperty().bind(disabled);
        if (isReadOnly()) {
            node.setAccessibleHelp(Messages.tr("app.readOnly.disabled"));
        }
        readOnly.addListener((o, was, now) -> node.setAccessibleHelp(now ? Messages.tr("app.readOnly.disabled") : null));
        return node;
    }

    /**
     * Marks a control that restores a backup over the ledger: like {@link #writes(Node, ObservableBooleanValue)},
     * but enabled on a ledger found damaged, since restoring is how it gets repaired.
     */
    public <N extends Node> N restores(N node, ObservableBooleanValue alsoWhen) {
        node.disableProperty().bind(readOnly.and(damaged.not()).or(alsoWhen));
        return node;
    }

    /** Marks a menu item that writes to the ledger (an import): disabled while the ledger is read-only. */
    public MenuItem writes(MenuItem item) {
        item.disableProperty().bind(readOnly);
        return item;
    }
}
