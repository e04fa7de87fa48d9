package org.duban.ui.common;

import javafx.application.Platform;

/** Runs UI updates on the FX thread: at once when already there (tests, direct runners), else later. */
public final class FxThread {
    private FxThread() {
    }

    /** Progress reported from background work lands on the FX thread. */
    public static void run(Runnable update) {
        if (Platform.isFxApplicationThread()) {
            update.run();
        } else {
            Platform.runLater(update);
        }
    }
}
