package org.duban.ui.common;

import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.shape.Circle;
import org.duban.i18n.Messages;
import org.duban.model.WarningLight;

/**
 * A warning light as the user sees it: a coloured dot AND the word (红灯 / 黄灯 / 绿灯), so that it reads without
 * colour too (colour-blind users, black-and-white printouts of screenshots, projectors that wash colours out).
 */
public final class LightBadge {
    private LightBadge() {
    }

    /** A new badge label showing the light (empty when null). */
    public static Label of(WarningLight light) {
        Label l = new Label();
        show(l, light);
        return l;
    }

    /** Shows the light on an existing label or cell; null clears it. */
    public static void show(Labeled target, WarningLight light) {
        target.getStyleClass().removeIf(s -> s.startsWith("light-"));
        if (light == null) {
            target.setText(null);
            target.setGraphic(null);
            target.setAccessibleText(null);
            return;
        }
        String css = cssClass(light);
        Circle dot = new Circle(6);
        dot.getStyleClass().addAll("light-dot", css);
        target.setGraphic(dot);
        target.setText(Messages.tr("light." + light.name()));
        target.setAccessibleText(Messages.tr("light." + light.name()));
        target.getStyleClass().addAll("light-badge", css);
    }

    /** {@code light-red}, {@code light-yellow} or {@code light-green}. */
    public static String cssClass(WarningLight light) {
        return "light-" + light.name().toLowerCase(java.util.Locale.ROOT);
    }
}
