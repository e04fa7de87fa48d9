package org.duban.ui.main;

import java.io.InputStream;
import javafx.geometry.Pos;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * What the window shows for the moment the ledger is being opened: the program's icon and a spinner, on the
 * main window's own size. It has no text on purpose: it shows before the Chinese font is loaded (which would
 * otherwise delay the first frame), and an unloaded CJK font draws boxes.
 */
public final class OpeningView {
    private final StackPane root = new StackPane();

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
            // no icon: the spinner alone
        }
        ProgressIndicator busy = new ProgressIndicator(ProgressIndicator.INDETERMINATE_PROGRESS);
        busy.setPrefSize(36, 36);
        box.getChildren().add(busy);
        root.getChildren().add(box);
    }

    public StackPane root() {
        return root;
    }
}
