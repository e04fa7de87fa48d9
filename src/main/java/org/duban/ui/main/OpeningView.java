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
 * draws boxes) and no control (the first control makes JavaFX load its default stylesheet, which would delay
 * the first frame: see BENCHMARKS.md).
 */
public final class OpeningView {
    private final StackPane root = new StackPane();
    private final RotateTransition spin;

    public OpeningView() {
        root.setId("openingView");
        root.setStyle("-fx-background-color: white;");
        VBox box = new VBox(24);
        box.setAlignment(Pos.CENTER);
        try (InputStream icon = OpeningView.class.getResourceAsStream("/assets/icons/duban-128.png")) {
            if (icon != null) {
                box.getChildren().add(new ImageView(new Image(icon)));
            }
        } catch (java.io.IOException ignored) {
            // no icon: the arc alone
        }
        Arc arc = new Arc(0, 0, 14, 14, 90, 270);
        arc.setType(ArcType.OPEN);
        arc.setFill(null);
        arc.setStroke(Color.web("#0969da"));
        arc.setStrokeWidth(3);
        arc.setStrokeLineCap(StrokeLineCap.ROUND);
        spin = new RotateTransition(Duration.seconds(1), arc);
        spin.setByAngle(360);
        spin.setCycleCount(Animation.INDEFINITE);
        spin.setInterpolator(Interpolator.LINEAR);
        box.getChildren().add(arc);
        root.getChildren().add(box);
        root.sceneProperty().addListener((o, old, scene) -> {
            if (scene == null) {
                spin.stop();
            } else {
                spin.play();
            }
        });
    }

    public StackPane root() {
        return root;
    }
}
