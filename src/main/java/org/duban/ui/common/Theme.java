package org.duban.ui.common;

import atlantafx.base.theme.PrimerLight;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;

/** The look: AtlantaFX Primer Light, our own small stylesheet, and the Chinese UI font named at the root. */
public final class Theme {
    public static final String APP_CSS = "/org/duban/css/app.css";

    private Theme() {
    }

    /** Once, before the first window. */
    public static void install() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    public static void style(Scene scene) {
        scene.getStylesheets().addAll(stylesheets());
    }

    public static void style(Parent root) {
        root.getStylesheets().addAll(stylesheets());
    }

    private static String[] stylesheets() {
        String fontCss = ".root { -fx-font-family: \"" + Fonts.uiFamily() + "\"; }";
        String dataUri = "data:text/css;base64,"
                + Base64.getEncoder().encodeToString(fontCss.getBytes(StandardCharsets.UTF_8));
        return new String[] {Theme.class.getResource(APP_CSS).toExternalForm(), dataUri};
    }
}
