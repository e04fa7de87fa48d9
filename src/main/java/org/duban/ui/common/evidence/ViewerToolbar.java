package org.duban.ui.common.evidence;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import org.duban.i18n.Messages;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The evidence viewer's toolbar: 上一页, the page, 下一页 (for a PDF), then 适合窗口, 100%, −, the zoom, + and the
 * file's name. Its buttons take no focus, so the window's keys stay the viewer's.
 */
final class ViewerToolbar {
    private ViewerToolbar() {
    }

    static ToolBar of(EvidenceViewer viewer, boolean paged, String fileName) {
        ReadOnlyIntegerProperty page = viewer.pageProperty();
        ReadOnlyIntegerProperty pages = viewer.pagesProperty();
        Button prev = button("evidencePrevious", "evidence.preview.previous", "mdi2c-chevron-left");
        prev.setOnAction(e -> viewer.previous());
        prev.disableProperty().bind(page.lessThanOrEqualTo(0));
        Button next = button("evidenceNext", "evidence.preview.next", "mdi2c-chevron-right");
        next.setOnAction(e -> viewer.next());
        next.disableProperty().bind(page.greaterThanOrEqualTo(pages.subtract(1)));
        Label pageLabel = new Label();
        pageLabel.setId("evidencePage");
        pageLabel.textProperty().bind(Bindings.createStringBinding(
                () -> Messages.tr("evidence.preview.page", page.get() + 1, pages.get()), page, pages));
        pageLabel.setMinWidth(Region.USE_PREF_SIZE);

        Button fitButton = button("evidenceFit", "evidence.preview.fit", "mdi2f-fit-to-page-outline");
        fitButton.setOnAction(e -> viewer.fitToWindow());
        Button actual = button("evidenceActual", "evidence.preview.actual", "mdi2r-relative-scale");
        actual.setOnAction(e -> viewer.actualSize());
        Button out = button("evidenceZoomOut", "evidence.preview.zoomOut", "mdi2m-magnify-minus-outline");
        out.setOnAction(e -> viewer.zoomBy(1 / 1.25));
        Button in = button("evidenceZoomIn", "evidence.preview.zoomIn", "mdi2m-magnify-plus-outline");
        in.setOnAction(e -> viewer.zoomBy(1.25));
        Label zoomLabel = new Label();
        zoomLabel.setId("evidenceZoom");
        zoomLabel.setMinWidth(48);
        zoomLabel.setAlignment(Pos.CENTER);
        zoomLabel.textProperty().bind(Bindings.createStringBinding(
                () -> Math.round(viewer.scaleProperty().get() * 100) + "%", viewer.scaleProperty()));
        Label name = new Label(fileName);
        name.getStyleClass().add("hint-label");
        name.setMinWidth(0);

        ToolBar bar = new ToolBar();
        if (paged) {
            bar.getItems().addAll(prev, pageLabel, next, new Separator(Orientation.VERTICAL));
        }
        bar.getItems().addAll(fitButton, actual, out, zoomLabel, in, new Separator(Orientation.VERTICAL), name);
        return bar;
    }

    private static Button button(String id, String key, String icon) {
        Button b = icon == null ? new Button(Messages.tr(key)) : new Button(Messages.tr(key), new FontIcon(icon));
        b.setId(id);
        b.setAccessibleText(Messages.tr(key));
        b.setTooltip(new Tooltip(Messages.tr(key + ".tip")));
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setFocusTraversable(false);
        return b;
    }
}
