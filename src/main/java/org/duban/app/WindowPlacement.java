package org.duban.app;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Where the main window goes: always inside a screen's work area (the screen less the task bar). On a screen up to
 * {@value #MAXIMISE_UP_TO} px wide (the 1366×768 office laptop) it opens maximised; on a larger one at
 * {@value #LARGE_SHARE} of the work area, centred. The size, position and maximised state the user leaves it in are
 * remembered per screen layout (which screens, at what size), so the laptop on its own and the laptop at the office
 * monitor each open as last left; a remembered place whose monitor is gone is not used.
 */
public final class WindowPlacement {
    static final double MAXIMISE_UP_TO = 1440;
    static final double LARGE_SHARE = 0.85;
    /** How much of the title bar must lie on a screen for a remembered place to count as on-screen. */
    private static final double GRIP = 80;

    /** A window's bounds and whether it is maximised. */
    public record Place(Rectangle2D bounds, boolean maximised) {
    }

    private WindowPlacement() {
    }

    /** The layout key of these screens: each screen's bounds, sorted, e.g. {@code 0,0,1366x768}. */
    static String layoutKey(List<Rectangle2D> screens) {
        return screens.stream()
                .sorted(Comparator.comparingDouble(Rectangle2D::getMinX).thenComparingDouble(Rectangle2D::getMinY))
                .map(r -> String.format(Locale.ROOT, "%d,%d,%dx%d", (long) r.getMinX(), (long) r.getMinY(),
                        (long) r.getWidth(), (long) r.getHeight()))
                .collect(Collectors.joining(";"));
    }

    /**
     * The place for the window: the remembered one when its title bar lies on one of {@code workAreas} (clamped into
     * that work area), else the default on {@code primary}.
     */
    static Place choose(Rectangle2D primary, List<Rectangle2D> workAreas, Optional<Place> remembered,
                        double minWidth, double minHeight) {
        if (remembered.isPresent()) {
            Rectangle2D r = remembered.get().bounds();
            Rectangle2D titleBar = new Rectangle2D(r.getMinX(), r.getMinY(), Math.max(1, r.getWidth()), 30);
            for (Rectangle2D area : workAreas) {
                if (overlapWidth(titleBar, area) >= Math.min(GRIP, r.getWidth())) {
                    return new Place(clamp(r, area, minWidth, minHeight), remembered.get().maximised());
                }
            }
        }
        return defaultPlace(primary, minWidth, minHeight);
    }

    /** Maximised on a small screen, else {@value #LARGE_SHARE} of the work area, centred. */
    static Place defaultPlace(Rectangle2D area, double minWidth, double minHeight) {
        if (area.getWidth() <= MAXIMISE_UP_TO) {
            return new Place(area, true);
        }
        double w = Math.max(minWidth, Math.round(area.getWidth() * LARGE_SHARE));
        double h = Math.max(minHeight, Math.round(area.getHeight() * LARGE_SHARE));
        Rectangle2D centred = new Rectangle2D(area.getMinX() + (area.getWidth() - w) / 2,
                area.getMinY() + (area.getHeight() - h) / 2, w, h);
        return new Place(clamp(centred, area, minWidth, minHeight), false);
    }

    /** {@code r} moved (and if need be shrunk) so that it lies wholly inside {@code area}. */
    static Rectangle2D clamp(Rectangle2D r, Rectangle2D area, double minWidth, double minHeight) {
        double w = Math.min(Math.max(r.getWidth(), Math.min(minWidth, area.getWidth())), area.getWidth());
        double h = Math.min(Math.max(r.getHeight(), Math.min(minHeight, area.getHeight())), area.getHeight());
        double x = Math.min(Math.max(r.getMinX(), area.getMinX()), area.getMaxX() - w);
        double y = Math.min(Math.max(r.getMinY(), area.getMinY()), area.getMaxY() - h);
        return new Rectangle2D(x, y, w, h);
    }

    private static double overlapWidth(Rectangle2D a, Rectangle2D b) {
        if (!a.intersects(b)) {
            return 0;
        }
        return Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
    }

    /** The key of the screens attached now. */
    static String currentLayout() {
        return layoutKey(Screen.getScreens().stream().map(Screen::getBounds).toList());
    }

    /**
     * Puts {@code stage} (not yet shown, or shown) where it belongs on the screens attached now, and remembers in
     * {@code prefs} where the user leaves it when the window closes.
     */
    public static void place(Stage stage, UserPreferences prefs) {
        String layout = currentLayout();
        Place place = choose(Screen.getPrimary().getVisualBounds(),
                Screen.getScreens().stream().map(Screen::getVisualBounds).toList(), prefs.windowPlace(layout),
                stage.getMinWidth(), stage.getMinHeight());
        apply(stage, place);
        Rectangle2D[] normal = {place.bounds()};
        // the bounds to come back to after un-maximising: those of the last time the window was not maximised
        Runnable track = () -> {
            if (!stage.isMaximized() && !stage.isIconified() && stage.getWidth() > 0) {
                normal[0] = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            }
        };
        stage.xProperty().addListener((o, a, b) -> track.run());
        stage.yProperty().addListener((o, a, b) -> track.run());
        stage.widthProperty().addListener((o, a, b) -> track.run());
        stage.heightProperty().addListener((o, a, b) -> track.run());
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDING, e -> {
            try {
                prefs.setWindowPlace(currentLayout(), new Place(normal[0], stage.isMaximized()));
            } catch (RuntimeException ex) {
                org.slf4j.LoggerFactory.getLogger(WindowPlacement.class).warn("Could not remember the window", ex);
            }
        });
    }

    /** Bounds first, then the maximised state, so that un-maximising returns to bounds on the screen. */
    static void apply(Stage stage, Place place) {
        Rectangle2D b = place.bounds();
        stage.setX(b.getMinX());
        stage.setY(b.getMinY());
        stage.setWidth(b.getWidth());
        stage.setHeight(b.getHeight());
        stage.setMaximized(place.maximised());
    }
}
