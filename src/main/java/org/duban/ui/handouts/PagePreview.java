package org.duban.ui.handouts;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.effect.DropShadow;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.transform.Scale;
import org.duban.i18n.Messages;
import org.duban.service.handout.HandoutLayout;
import org.duban.service.handout.LayoutPage;

/**
 * The middle of the handout screen: page thumbnails on the left (click to go to a page) and the current
 * page on a grey desk, at the view model's zoom.
 */
final class PagePreview {
    /** Points to screen pixels at zoom 1 (a 96 dpi screen). */
    static final double PX_PER_PT = 96.0 / 72.0;
    private static final double THUMB_SCALE = 0.17;

    private final HandoutsViewModel vm;
    private final BorderPane root = new BorderPane();
    private final StackPane pageHolder = new StackPane();
    private final ScrollPane pageScroll = new ScrollPane();
    private final VBox thumbnails = new VBox(10);
    private final ScrollPane thumbScroll = new ScrollPane(thumbnails);
    private boolean fitOnNextLayout = true;

    PagePreview(HandoutsViewModel vm) {
        this.vm = vm;
        pageHolder.setId("pageView");
        pageHolder.setPadding(new Insets(20));
        pageHolder.setAlignment(Pos.CENTER);
        pageHolder.getStyleClass().add("page-desk");
        pageScroll.setContent(pageHolder);
        pageScroll.setId("pageScroll");
        pageScroll.setFitToWidth(true);
        pageScroll.setFitToHeight(true);
        pageScroll.setPannable(true);
        pageScroll.getStyleClass().add("page-desk");

        thumbnails.setId("thumbnails");
        thumbnails.setPadding(new Insets(10));
        thumbnails.setAlignment(Pos.TOP_CENTER);
        thumbScroll.setFitToWidth(true);
        thumbScroll.setPrefWidth(190);
        thumbScroll.setMinWidth(150);
        thumbScroll.getStyleClass().add("thumb-rail");

        root.setCenter(pageScroll);
        root.setLeft(thumbScroll);

        vm.layoutProperty().addListener((o, a, l) -> {
            if (fitOnNextLayout && l != null) {
                fitOnNextLayout = false;
                fitPage();
            }
            showPage();
            buildThumbnails(l);
        });
        vm.pageIndexProperty().addListener((o, a, n) -> {
            showPage();
            markThumbnail();
        });
        vm.zoomProperty().addListener((o, a, n) -> showPage());
    }

    Region root() {
        return root;
    }

    /** Fit the page to the preview when the next layout arrives (after a change of orientation). */
    void fitOnNextLayout() {
        fitOnNextLayout = true;
    }

    /** Shows the current page at the current zoom. */
    private void showPage() {
        LayoutPage page = vm.currentPage();
        if (page == null) {
            pageHolder.getChildren().setAll(new Label(vm.statusProperty().get()));
            return;
        }
        pageHolder.getChildren().setAll(sheet(page, vm.zoomProperty().get() * PX_PER_PT));
    }

    /** A white sheet with the page drawn on it at a scale. */
    private static StackPane sheet(LayoutPage page, double scale) {
        Region drawn = PageNodes.render(page);
        drawn.getTransforms().add(new Scale(scale, scale));
        StackPane sheet = new StackPane(new Group(drawn));
        sheet.getStyleClass().add("page-sheet");
        sheet.setStyle("-fx-background-color: white;");
        double w = page.geometry().width() * scale;
        double h = page.geometry().height() * scale;
        sheet.setMinSize(w, h);
        sheet.setPrefSize(w, h);
        sheet.setMaxSize(w, h);
        sheet.setEffect(new DropShadow(8, Color.gray(0, 0.35)));
        return sheet;
    }

    private void buildThumbnails(HandoutLayout layout) {
        thumbnails.getChildren().clear();
        if (layout == null) {
            return;
        }
        for (LayoutPage p : layout.pages()) {
            Label n = new Label(String.valueOf(p.number()));
            VBox box = new VBox(4, sheet(p, THUMB_SCALE), n);
            box.setAlignment(Pos.CENTER);
            box.setId("thumb" + p.number());
            box.getStyleClass().add("thumb");
            box.setAccessibleText(Messages.tr("handouts.pageOf", p.number(), layout.pageCount()));
            int index = p.number() - 1;
            box.setOnMouseClicked(e -> vm.pageIndexProperty().set(index));
            thumbnails.getChildren().add(box);
        }
        markThumbnail();
    }

    private void markThumbnail() {
        int count = thumbnails.getChildren().size();
        if (count > 1) { // keep the current page's thumbnail in sight
            thumbScroll.setVvalue((double) vm.pageIndexProperty().get() / (count - 1));
        }
        for (int i = 0; i < count; i++) {
            var node = thumbnails.getChildren().get(i);
            node.getStyleClass().remove("selected");
            if (i == vm.pageIndexProperty().get()) {
                node.getStyleClass().add("selected");
            }
        }
    }

    /** Zooms so that the whole page fits the preview. */
    void fitPage() {
        LayoutPage page = vm.currentPage();
        if (page == null) {
            return;
        }
        double w = pageScroll.getViewportBounds().getWidth();
        double h = pageScroll.getViewportBounds().getHeight();
        if (w <= 0 || h <= 0) {
            w = 900; // not shown yet: a typical preview area
            h = 600;
        }
        double z = Math.min((w - 48) / (page.geometry().width() * PX_PER_PT),
                (h - 48) / (page.geometry().height() * PX_PER_PT));
        vm.zoomProperty().set(Math.max(HandoutsViewModel.MIN_ZOOM, Math.min(HandoutsViewModel.MAX_ZOOM,
                Math.floor(z * 100) / 100.0)));
    }
}
