package org.duban.testing;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.duban.ui.common.Theme;

/** Shows a view the way the program does: themed, in a scene of the window's size. */
public final class FxStages {
    private FxStages() {
    }

    public static void show(Stage stage, Parent root, double width, double height) {
        Theme.install();
        Scene scene = new Scene(root, width, height);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
    }
}
