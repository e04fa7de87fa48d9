package org.duban.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the main window goes, on the screens a clerk has: plain rules, no window needed. */
class WindowPlacementTest {
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1366, 728); // less a 40 px task bar
    private static final Rectangle2D MONITOR = new Rectangle2D(0, 0, 1920, 1040);

    @Test
    void aLaptopScreenOpensMaximisedOnItsWorkArea() {
        WindowPlacement.Place p = WindowPlacement.choose(LAPTOP, List.of(LAPTOP), Optional.empty(), 960, 600);
        assertTrue(p.maximised());
        assertEquals(LAPTOP, p.bounds());
    }

    @Test
    void aLargeScreenOpensLargeAndCentredNotSmall() {
        WindowPlacement.Place p = WindowPlacement.choose(MONITOR, List.of(MONITOR), Optional.empty(), 960, 600);
        assertFalse(p.maximised());
        assertEquals(1632, p.bounds().getWidth());
        assertEquals(884, p.bounds().getHeight());
        assertEquals(144, p.bounds().getMinX());
        assertEquals(78, p.bounds().getMinY());
    }

    @Test
    void aRememberedPlaceOnAMonitorThatIsGoneComesBackOnScreen() {
        Rectangle2D onSecondMonitor = new Rectangle2D(1500, 100, 1200, 800);
        WindowPlacement.Place p = WindowPlacement.choose(LAPTOP, List.of(LAPTOP),
                Optional.of(new WindowPlacement.Place(onSecondMonitor, false)), 960, 600);
        assertTrue(LAPTOP.contains(p.bounds()), p.bounds() + " lies on the laptop's work area");
    }

    @Test
    void aRememberedPlaceHalfOffTheScreenIsPulledInsideAndKeepsItsState() {
        Rectangle2D tooLow = new Rectangle2D(300, -11, 1280, 800);
        WindowPlacement.Place p = WindowPlacement.choose(LAPTOP, List.of(LAPTOP),
                Optional.of(new WindowPlacement.Place(tooLow, false)), 960, 600);
        assertEquals(new Rectangle2D(86, 0, 1280, 728), p.bounds());
        assertFalse(p.maximised());
    }

    @Test
    void theLayoutKeyNamesEveryScreenInOrder() {
        assertEquals("0,0,1366x768;1366,0,1920x1080", WindowPlacement.layoutKey(List.of(
                new Rectangle2D(1366, 0, 1920, 1080), new Rectangle2D(0, 0, 1366, 768))));
    }

    @Test
    void thePlaceIsRememberedPerScreenLayout(@TempDir Path dir) {
        UserPreferences prefs = new UserPreferences(dir.resolve("preferences.properties"));
        prefs.setDatabase(dir.resolve("台账.db"));
        WindowPlacement.Place atOffice = new WindowPlacement.Place(new Rectangle2D(1400, 50, 1500, 900), false);
        prefs.setWindowPlace("0,0,1366x768;1366,0,1920x1080", atOffice);
        prefs.setWindowPlace("0,0,1366x768", new WindowPlacement.Place(new Rectangle2D(0, 0, 1366, 728), true));
        assertEquals(Optional.of(atOffice), prefs.windowPlace("0,0,1366x768;1366,0,1920x1080"));
        assertTrue(prefs.windowPlace("0,0,1366x768").orElseThrow().maximised());
        assertEquals(Optional.empty(), prefs.windowPlace("0,0,1920x1080"));
        assertEquals(Optional.of(dir.resolve("台账.db").toAbsolutePath()), prefs.database(), "the file choice stays");
    }
}
