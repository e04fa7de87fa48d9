package org.duban.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.duban.persistence.Database;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.ui.common.TaskRunner;
import org.duban.ui.common.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window on the 1366×768 office laptop (Monocle's headless screen is set to that size for the tests named
 * tagged {@code laptop-screen}, see the pom): it lies inside the screen, status line included, also when the place it was
 * last left in was on a monitor that is gone.
 */
@Tag("laptop-screen")
@ExtendWith(ApplicationExtension.class)
class MainWindowAt1366Test {
    private Database db;
    private Path dir;

    /** Run by the pom's laptop-screen execution; under another screen (a -Dtest run's default execution) skipped. */
    @org.junit.jupiter.api.BeforeAll
    static void onTheLaptopScreen() {
        org.junit.jupiter.api.Assumptions.assumeTrue(String.valueOf(System.getProperty("headless.geometry"))
                .startsWith("1366x768"), "Monocle's screen is 1366x768 in the laptop-screen execution");
    }

    @Start
    void start(Stage ignored) throws Exception {
        dir = Files.createTempDirectory("duban-1366");
        db = TestDb.withSample(dir);
        Theme.install();
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** The main window as the program opens it, with {@code prefs} as the user's preferences. */
    private Stage open(FxRobot robot, UserPreferences prefs) {
        Stage[] stage = new Stage[1];
        robot.interact(() -> {
            Stage s = new Stage();
            AppContext ctx = new AppContext(db, TaskRunner.direct(), new RecordingDialogs(), null,
                    new TestClock(LocalDate.of(2026, 11, 29)));
            Scene scene = new Scene(ctx.mainWindow().root(), 1280, 800);
            Theme.style(scene);
            s.setScene(scene);
            s.setMinWidth(960);
            s.setMinHeight(600);
            WindowPlacement.place(s, prefs);
            s.show();
            stage[0] = s;
        });
        WaitForAsyncUtils.waitForFxEvents();
        return stage[0];
    }

    private static void assertInside(Rectangle2D screen, Bounds b, String what) {
        assertTrue(b.getMinX() >= screen.getMinX() && b.getMinY() >= screen.getMinY()
                && b.getMaxX() <= screen.getMaxX() + 0.5 && b.getMaxY() <= screen.getMaxY() + 0.5,
                what + " " + b + " lies within " + screen);
    }

    @Test
    void theScreenIsTheLaptops() {
        assertEquals(new Rectangle2D(0, 0, 1366, 768), Screen.getPrimary().getBounds());
    }

    @Test
    void theWindowOpensMaximisedWithinTheScreenWithItsStatusLineShowing(FxRobot robot) {
        Stage stage = open(robot, new UserPreferences(dir.resolve("prefs.properties")));
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        assertTrue(stage.isMaximized());
        assertInside(screen, new javafx.geometry.BoundingBox(stage.getX(), stage.getY(), stage.getWidth(),
                stage.getHeight()), "the window");
        Node footer = robot.lookup(".status-bar").query();
        assertInside(screen, footer.localToScreen(footer.getBoundsInLocal()), "the status line");
        Node rail = robot.lookup("#navSettings").query();
        assertInside(screen, rail.localToScreen(rail.getBoundsInLocal()), "the settings button at the rail's foot");
        robot.interact(stage::close);
    }

    @Test
    void aPlaceLeftOnAMonitorThatIsGoneOpensOnThisScreenAndTheNewPlaceIsRemembered(FxRobot robot) {
        UserPreferences prefs = new UserPreferences(dir.resolve("prefs.properties"));
        String layout = WindowPlacement.currentLayout();
        prefs.setWindowPlace(layout, new WindowPlacement.Place(new Rectangle2D(1500, -11, 1280, 800), false));
        Stage stage = open(robot, prefs);
        assertInside(Screen.getPrimary().getVisualBounds(), new javafx.geometry.BoundingBox(stage.getX(),
                stage.getY(), stage.getWidth(), stage.getHeight()), "the window");
        assertTrue(stage.isMaximized(), "no remembered place on this screen: maximised, as on a first start");
        robot.interact(() -> {
            stage.setMaximized(false);
            stage.setX(40);
            stage.setY(20);
            stage.setWidth(1100);
            stage.setHeight(700);
        });
        robot.interact(stage::close);
        WindowPlacement.Place left = prefs.windowPlace(layout).orElseThrow();
        assertEquals(new Rectangle2D(40, 20, 1100, 700), left.bounds());
        assertTrue(!left.maximised());
        Stage again = open(robot, prefs);
        assertEquals(new Rectangle2D(40, 20, 1100, 700), new Rectangle2D(again.getX(), again.getY(), again.getWidth(),
                again.getHeight()), "opens where it was left");
        robot.interact(again::close);
    }
}
