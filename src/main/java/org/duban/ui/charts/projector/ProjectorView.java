package org.duban.ui.charts.projector;

import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.duban.i18n.Messages;

/**
 * The projector's content: a header with the slide's title and the stamp "截至 YYYY年M月D日", the slide, and a
 * footer with the meeting and "3 / 14". White on black; the root font is 24 px at 1920 × 1080 and follows the
 * size of the screen, so titles are 52.8 px and labels 24 px there, and everything shrinks together on 1280 × 720
 * and grows on 3840 × 2160.
 *
 * <p>Keys: → Space PageDown ↓ next; ← PageUp ↑ Backspace previous; Home, End; Esc leaves.
 */
public final class ProjectorView {
    /** The root font at 1920 × 1080. */
    public static final double BASE_FONT = 24;
    public static final String CSS = "/org/duban/css/projector.css";
    private final ProjectorViewModel vm;
    private final BorderPane root = new BorderPane();
    private final Label title = new Label();
    private final Timeline timer = new Timeline();
    private double scale = 1;

    public ProjectorView(ProjectorViewModel vm) {
        this.vm = vm;
        root.setId("projectorView");
        root.getStyleClass().add("projector");
        root.getStylesheets().add(ProjectorView.class.getResource(CSS).toExternalForm());
        title.setId("slideTitle");
        title.getStyleClass().add("projector-title");
        title.setMinWidth(0);
        Label stamp = new Label(vm.stamp());
        stamp.setId("slideStamp");
        stamp.getStyleClass().add("projector-stamp");
        stamp.setMinWidth(Region.USE_PREF_SIZE);
        Region push = new Region();
        HBox.setHgrow(push, Priority.ALWAYS);
        HBox header = new HBox(title, push, stamp);
        header.setAlignment(Pos.BASELINE_LEFT);
        header.getStyleClass().add("projector-header");
        Label meeting = new Label(vm.data().meeting() == null ? "" : vm.data().meeting().title());
        meeting.getStyleClass().add("projector-footer-text");
        meeting.setMinWidth(0);
        Label page = new Label();
        page.setId("slidePage");
        page.textProperty().bind(vm.pageTextProperty());
        page.getStyleClass().add("projector-footer-text");
        page.setMinWidth(Region.USE_PREF_SIZE);
        Region push2 = new Region();
        HBox.setHgrow(push2, Priority.ALWAYS);
        HBox footer = new HBox(meeting, push2, page);
        footer.getStyleClass().add("projector-footer");
        root.setTop(header);
        root.setBottom(footer);
        root.setAccessibleText(Messages.tr("projector.accessible"));
        root.setFocusTraversable(true);
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        root.widthProperty().addListener((o, a, n) -> resize());
        root.heightProperty().addListener((o, a, n) -> resize());
        vm.indexProperty().addListener((o, a, n) -> show());
        vm.autoAdvanceProperty().addListener((o, a, n) -> autoAdvance());
        vm.closedProperty().addListener((o, a, n) -> timer.stop());
        show();
        autoAdvance();
    }

    public Region root() {
        return root;
    }

    private void key(KeyEvent e) {
        switch (e.getCode()) {
            case RIGHT, SPACE, PAGE_DOWN, DOWN, ENTER -> vm.next();
            case LEFT, PAGE_UP, UP, BACK_SPACE -> vm.previous();
            case HOME -> vm.first();
            case END -> vm.last();
            case ESCAPE -> vm.close();
            default -> {
                return;
            }
        }
        e.consume();
        if (vm.autoAdvanceProperty().get()) {
            timer.playFromStart(); // a slide turned by hand gets its full time
        }
    }

    private void resize() {
        double w = root.getWidth();
        double h = root.getHeight();
        if (w <= 0 || h <= 0) {
            return;
        }
        double s = Math.min(w / 1920, h / 1080);
        root.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.2fpx;", BASE_FONT * s));
        if (Math.abs(s - scale) > 0.01) {
            scale = s;
            show(); // the chart's type sizes are set when it is built
        }
    }

    private void show() {
        Slide slide = vm.slideProperty().get();
        title.setText(SlideNodes.title(slide));
        Node body = switch (slide.kind()) {
            case OVERVIEW -> SlideNodes.overview(vm.data(), scale);
            case RANKING -> SlideNodes.ranking(vm.data(), scale);
            case UNIT -> SlideNodes.unit(slide.unit());
            case SUPERVISED -> SlideNodes.supervised(vm.data());
        };
        body.getStyleClass().add("projector-body");
        body.setId("slide" + slide.kind().name().charAt(0) + slide.kind().name().substring(1).toLowerCase(Locale.ROOT));
        root.setCenter(body);
    }

    private void autoAdvance() {
        timer.stop();
        if (vm.autoAdvanceProperty().get()) {
            timer.getKeyFrames().setAll(new KeyFrame(Duration.seconds(Math.max(3, vm.secondsProperty().get())),
                    e -> vm.tick()));
            timer.setCycleCount(Timeline.INDEFINITE);
            timer.play();
        }
    }

    /** The root font size now, in pixels (for tests). */
    public double fontSize() {
        return BASE_FONT * scale;
    }
}
