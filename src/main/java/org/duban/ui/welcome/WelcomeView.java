package org.duban.ui.welcome;

import java.io.InputStream;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.duban.i18n.Messages;
import org.duban.ui.common.PathRow;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The welcome on first start: two large choices (the sample meeting, the default button, or an empty database
 * with the default roster) and where the data will live.
 */
public final class WelcomeView {
    static final String LOGO = "/assets/icons/duban-128.png";
    private final VBox root;
    private final Button sampleButton;

    public WelcomeView(WelcomeViewModel vm) {
        Label title = new Label(Messages.tr("welcome.title"));
        title.getStyleClass().add("welcome-title");
        Label intro = new Label(vm.intro());
        intro.setId("welcomeIntro");
        intro.setWrapText(true);
        VBox heading = new VBox(6, title, intro);
        HBox.setHgrow(heading, Priority.ALWAYS);
        HBox header = new HBox(20, logo(), heading);
        header.setAlignment(Pos.CENTER_LEFT);

        sampleButton = choice("sampleButton", "mdi2b-book-open-page-variant", "welcome.sample", "welcome.sample.detail");
        sampleButton.setDefaultButton(true);
        sampleButton.setOnAction(e -> vm.choose(WelcomeChoice.SAMPLE));
        Button emptyButton = choice("emptyButton", "mdi2d-database-plus-outline", "welcome.empty", "welcome.empty.detail");
        emptyButton.setOnAction(e -> vm.choose(WelcomeChoice.EMPTY));
        sampleButton.disableProperty().bind(vm.busyProperty());
        emptyButton.disableProperty().bind(vm.busyProperty());
        HBox choices = new HBox(16, sampleButton, emptyButton);

        HBox where = PathRow.of("dataPathField", "welcome.where", vm.database());
        Label hint = new Label(Messages.tr("welcome.hint", vm.folder()));
        hint.setId("welcomeHint");
        hint.setWrapText(true);
        hint.getStyleClass().add("hint-label");
        hint.setMinHeight(Region.USE_PREF_SIZE);

        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("welcomeProgress");
        progress.setPrefSize(22, 22);
        Label status = new Label();
        status.setId("welcomeStatus");
        status.textProperty().bind(vm.statusProperty());
        HBox working = new HBox(8, progress, status);
        working.setId("welcomeWorking");
        working.setAlignment(Pos.CENTER_LEFT);
        working.visibleProperty().bind(vm.busyProperty());
        working.managedProperty().bind(working.visibleProperty());

        root = new VBox(20, header, choices, new VBox(6, where, hint), working);
        root.setId("welcomeView");
        root.getStyleClass().add("welcome");
        root.setPadding(new Insets(28, 32, 28, 32));
    }

    private static Button choice(String id, String icon, String titleKey, String detailKey) {
        FontIcon glyph = new FontIcon(icon);
        glyph.getStyleClass().add("welcome-choice-icon");
        Label head = new Label(Messages.tr(titleKey));
        head.getStyleClass().add("welcome-choice-title");
        head.setWrapText(true);
        Label detail = new Label(Messages.tr(detailKey));
        detail.getStyleClass().add("welcome-choice-detail");
        detail.setWrapText(true);
        VBox content = new VBox(8, glyph, head, detail);
        content.setAlignment(Pos.TOP_LEFT);
        content.setFillWidth(true);
        Button b = new Button();
        b.setId(id);
        b.setGraphic(content);
        b.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        b.setAccessibleText(Messages.tr(titleKey));
        b.setMnemonicParsing(false);
        b.getStyleClass().add("welcome-choice");
        b.setAlignment(Pos.TOP_LEFT);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setPrefSize(340, 190);
        b.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(b, Priority.ALWAYS);
        return b;
    }

    private static Node logo() {
        InputStream in = WelcomeView.class.getResourceAsStream(LOGO);
        if (in == null) {
            return new Region();
        }
        ImageView view = new ImageView(new Image(in));
        view.setFitWidth(88);
        view.setFitHeight(88);
        view.setSmooth(true);
        return view;
    }

    public Region root() {
        return root;
    }

    /** Puts the keyboard on the default choice, so Enter opens the sample. */
    public void focusDefault() {
        sampleButton.requestFocus();
    }
}
