package org.duban.ui.common;

import org.duban.model.Meeting;
import org.duban.model.Unit;
import org.duban.model.WarningLight;

/**
 * Moves the window to another screen with something chosen, so that screens need not know each other (the main
 * window does the moving). Wired in {@code AppContext}.
 */
@FunctionalInterface
public interface Navigator {
    /** Nowhere to go (a screen shown on its own, as in tests). */
    Navigator NONE = (meeting, unit, light) -> { };

    /**
     * The checklist of {@code meeting}, only the tasks of {@code unit}, and when {@code light} is not null only
     * those where the unit's own share has that light.
     */
    void showChecklist(Meeting meeting, Unit unit, WarningLight light);
}
