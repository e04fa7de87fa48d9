package org.duban.ui.common;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows a folder in the computer's file manager (Explorer, Finder, the Linux desktop's). Tests stand in for it, so
 * that no window opens from a test.
 */
@FunctionalInterface
public interface FolderOpener {
    /** Opens {@code folder}; {@code failed} runs (on some thread) when the computer cannot show it. */
    void open(Path folder, Consumer<Throwable> failed);

    /**
     * The desktop's file manager, asked off the FX thread (AWT's {@link Desktop} must not be called on it, and can
     * take seconds): {@code Desktop.open} where the platform supports it, else {@code explorer}, {@code open} or
     * {@code xdg-open}. On a headless machine it fails at once.
     */
    static FolderOpener desktop() {
        Logger log = LoggerFactory.getLogger(FolderOpener.class);
        return (folder, failed) -> {
            Thread t = new Thread(() -> {
                try {
                    if (GraphicsEnvironment.isHeadless()) {
                        throw new IOException("headless: no desktop to show " + folder);
                    }
                    if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                        Desktop.getDesktop().open(folder.toFile());
                        return;
                    }
                    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
                    String tool = os.contains("win") ? "explorer" : os.contains("mac") ? "open" : "xdg-open";
                    new ProcessBuilder(List.of(tool, folder.toString())).inheritIO().start();
                } catch (IOException | RuntimeException e) {
                    log.warn("Cannot show folder {}", folder, e);
                    failed.accept(e);
                }
            }, "duban-open-folder");
            t.setDaemon(true);
            t.start();
        };
    }
}
