package org.duban.app;

import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.duban.ui.common.Fonts;
import org.duban.ui.common.Theme;

/** What the window's start does beside its own work, on threads of their own: the icons and the UI font. */
final class WindowAside {
    private static final int[] ICON_SIZES = {16, 24, 32, 48, 64, 128, 256};

    private WindowAside() {
    }

    /**
     * Loads the bundled UI font (two TTFs, ~0.5 s) on a thread of its own, beside the ledger's opening on the worker
     * rather than before it; {@link Theme#install} waits for it if it is not done ({@link Fonts#uiFamily} is
     * synchronized).
     */
    static void loadFont() {
        Thread t = new Thread(Fonts::uiFamily, "ui-font");
        t.setDaemon(true);
        t.start();
    }

    /** The window's icons, decoded on a thread of their own (seven PNGs: a tenth of the FX thread's start). */
    static void addIcons(Stage stage) {
        Thread t = new Thread(() -> {
            java.util.List<Image> icons = new java.util.ArrayList<>();
            for (int size : ICON_SIZES) {
                var icon = WindowAside.class.getResourceAsStream("/assets/icons/duban-" + size + ".png");
                if (icon != null) {
                    icons.add(new Image(icon));
                }
            }
            Platform.runLater(() -> stage.getIcons().addAll(icons));
        }, "duban-icons");
        t.setDaemon(true);
        t.start();
    }
}
