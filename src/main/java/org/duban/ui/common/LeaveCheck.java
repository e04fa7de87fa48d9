package org.duban.ui.common;

import java.util.function.BooleanSupplier;
import javafx.scene.Node;

/**
 * A screen's answer to "may I be left now?" (another screen chosen on the rail or by Ctrl+&lt;n&gt;, the window
 * closed): a screen holding unsaved changes puts its check on its root node; the main window asks it first.
 */
public final class LeaveCheck {
    private static final String KEY = "duban.leaveCheck";

    private LeaveCheck() {
    }

    /** Puts {@code check} on a screen's root: it asks the user and answers whether the screen may be left. */
    public static void install(Node root, BooleanSupplier check) {
        root.getProperties().put(KEY, check);
    }

    /** True when {@code root} has no check, or its check lets it go. */
    public static boolean mayLeave(Node root) {
        Object check = root == null ? null : root.getProperties().get(KEY);
        return !(check instanceof BooleanSupplier s) || s.getAsBoolean();
    }
}
