package org.duban.ui.main;

import java.io.InputStream;
import javafx.animation.Animation;
import javafx.animation.Interpolator;
import javafx.animation.RotateTransition;
import javafx.geometry.Pos;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Arc;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.StrokeLineCap;
import javafx.util.Duration;

/**
 * What the window shows for the moment the ledger is being opened: the program's icon and a turning arc, on the
 * main window's own size. It has no text (it shows before the Chinese font is loaded, and an unloaded CJK font
 * draws boxes), no control (the first control makes JavaFX load its default stylesheet) and no style (an inline
 * style loads JavaFX's CSS parser; the scene's own fill is the white background): any of them would delay the first
 * frame (see BENCHMARKS.md). The arc starts turning when {@link #startTurning()} is called, after that frame.
 */
public final class OpeningView {
    private final StackPane root = new StackPane();
    private final Arc arc = new Arc(0, 0, 14, 14, 90, 270);
    private Animation spin;

    public OpeningView() {
        root.setId("openingView");
        VBox box = new VBox(24);
        box.setAlignment(Pos.CENTER);
        try (InputStream icon = OpeningView.class.getResourceAsStream("/assets/icons/duban-128.png")) {
            if (icon != null) {
                box.getChildren().add(new ImageView(new Image(icon)));
            }
        } catch (java.io.IOException ignored) {
            // no icon: the arc alone
        }
        arc.setType(ArcType.OPEN);
        arc.setFill(null);
        arc.setStroke(Color.web("#0969da"));
        arc.setStrokeWidth(3);
        arc.setStrokeLineCap(StrokeLineCap.ROUND);
        box.getChildren().add(arc);
        root.getChildren().add(box);
        root.sceneProperty().addListener((o, old, scene) -> {
            if (scene == null && spin != null) {
                spin.stop();
            }
        });
    }

    public StackPane root() {
        return root;
    }

    /** Turns the arc, while the view is in a scene. */
    public void startTurning() {
        if (spin != null || root.getScene() == null) {
            return;
        }
        RotateTransition turn = new RotateTransition(Duration.seconds(1), arc);
        turn.setByAngle(360);
        turn.setCycleCount(Animation.INDEFINITE);
        turn.setInterpolator(Interpolator.LINEAR);
        spin = turn;
        spin.play();
    }
}
