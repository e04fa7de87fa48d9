package org.duban.ui.common;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import javafx.scene.text.Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UI font. Chinese must show on any machine: the bundled Noto Sans SC is always loaded, and an office
 * font (Microsoft YaHei) is preferred where the machine has it. JavaFX draws boxes for CJK text when the
 * family is not named explicitly, so {@link Theme} names the chosen family in the root style.
 */
public final class Fonts {
    public static final String BUNDLED_FAMILY = "Noto Sans SC";
    static final List<String> PREFERRED = List.of("Microsoft YaHei", "Microsoft YaHei UI", "微软雅黑");
    private static final String[] BUNDLED = {"/assets/fonts/NotoSansSC-Regular.ttf", "/assets/fonts/NotoSansSC-Bold.ttf"};
    private static final Logger LOG = LoggerFactory.getLogger(Fonts.class);
    private static String family;

    private Fonts() {
    }

    /** Loads the bundled fonts (once) and returns the family the UI uses. */
    public static synchronized String uiFamily() {
        if (family == null) {
            for (String resource : BUNDLED) {
                load(resource);
            }
            String forced = System.getProperty("duban.ui.font");
            List<String> installed = Font.getFamilies();
            if (forced != null && installed.contains(forced)) {
                family = forced;
            } else {
                family = PREFERRED.stream().filter(installed::contains).findFirst().orElse(BUNDLED_FAMILY);
            }
            LOG.info("UI font family: {}", family);
        }
        return family;
    }

    private static void load(String resource) {
        try (InputStream in = Fonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                LOG.warn("Bundled font {} missing", resource);
                return;
            }
            Font f = Font.loadFont(in, 13);
            if (f == null) {
                LOG.warn("Bundled font {} could not be loaded", resource);
            }
        } catch (IOException e) {
            LOG.warn("Bundled font {} could not be read", resource, e);
        }
    }
}
