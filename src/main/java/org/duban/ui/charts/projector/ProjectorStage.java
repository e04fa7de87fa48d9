package org.duban.ui.charts.projector;

import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.paint.Color;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import org.duban.i18n.Messages;
import org.duban.ui.common.Theme;

/** Opens the projector over the whole of one display; Esc (or closing the slides) closes it. */
public final class ProjectorStage {
    private ProjectorStage() {
    }

    /** The display to use: the second one when there is one (the laptop keeps its own), else the only one. */
    public static Screen defaultScreen() {
        List<Screen> screens = Screen.getScreens();
        Screen primary = Screen.getPrimary();
        return screens.stream().filter(s -> !s.equals(primary)).findFirst().orElse(primary);
    }

    /** Shows the slides full screen on {@code screen}. */
    public static Stage open(ProjectorViewModel vm, Screen screen) {
        ProjectorView view = new ProjectorView(vm);
        Rectangle2D b = screen.getBounds();
        Scene scene = new Scene(view.root(), b.getWidth(), b.getHeight(), Color.BLACK);
        Theme.style(scene);
        Stage stage = new Stage(StageStyle.UNDECORATED);
        stage.setTitle(Messages.tr("projector.windowTitle"));
        stage.setScene(scene);
        stage.setX(b.getMinX());
        stage.setY(b.getMinY());
        stage.setWidth(b.getWidth());
        stage.setHeight(b.getHeight());
        // An undecorated window over the whole display rather than JavaFX's full-screen mode: that mode may only
        // use the primary display on some systems, shows its own Esc hint, and its hint's animation breaks
        // rendering after the window closes (seen with Monocle). Esc is handled by the slides.
        stage.setAlwaysOnTop(true);
        vm.closedProperty().addListener((o, a, closed) -> {
            if (closed) {
                stage.close();
            }
        });
        stage.setOnHidden(e -> vm.close());
        stage.show();
        view.root().requestFocus();
        return stage;
    }
}
