package org.duban.ui.main;

import javafx.beans.InvalidationListener;
import javafx.event.EventHandler;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.InputEvent;

/**
 * Scrolls the nearest enclosing {@link ScrollPane} so that a node's top shows at the top of its viewport, and keeps
 * it there while the page above it is still filling (sections whose rows arrive from the ledger grow after the
 * first layout) until the user scrolls, clicks or types in the pane.
 */
final class Scrolling {
    private Scrolling() {
    }

    /** Does nothing when {@code node} is in no scroll pane. */
    static void reveal(Node node) {
        Parent p = node.getParent();
        while (p != null && !(p instanceof ScrollPane)) {
            p = p.getParent();
        }
        if (!(p instanceof ScrollPane scroll) || scroll.getContent() == null) {
            return;
        }
        Node inner = scroll.getContent();
        InvalidationListener again = o -> scrollTo(scroll, inner, node);
        inner.layoutBoundsProperty().addListener(again);
        node.boundsInParentProperty().addListener(again);
        scroll.viewportBoundsProperty().addListener(again);
        EventHandler<InputEvent> userMoved = new EventHandler<>() {
            @Override
            public void handle(InputEvent e) {
                if (e.getEventType() == javafx.scene.input.ScrollEvent.SCROLL
                        || e.getEventType() == javafx.scene.input.MouseEvent.MOUSE_PRESSED
                        || e.getEventType() == javafx.scene.input.KeyEvent.KEY_PRESSED) {
                    inner.layoutBoundsProperty().removeListener(again);
                    node.boundsInParentProperty().removeListener(again);
                    scroll.viewportBoundsProperty().removeListener(again);
                    scroll.removeEventFilter(InputEvent.ANY, this);
                }
            }
        };
        scroll.addEventFilter(InputEvent.ANY, userMoved);
        scrollTo(scroll, inner, node);
    }

    private static void scrollTo(ScrollPane scroll, Node inner, Node node) {
        Bounds at = inner.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double free = inner.getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
        if (at == null || free <= 0) {
            return;
        }
        double v = Math.max(0, Math.min(1, at.getMinY() / free));
        scroll.setVvalue(scroll.getVmin() + v * (scroll.getVmax() - scroll.getVmin()));
    }
}
