package org.duban.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.duban.persistence.Database;
import org.duban.service.chart.ChartService;
import org.duban.service.stats.StatsScope;
import org.duban.service.stats.UnitGroup;
import org.duban.testing.FxStages;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.duban.ui.charts.projector.ProjectorData;
import org.duban.ui.charts.projector.ProjectorStage;
import org.duban.ui.charts.projector.ProjectorView;
import org.duban.ui.charts.projector.ProjectorViewModel;
import org.duban.ui.charts.projector.SlideNodes;
import org.duban.ui.common.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The projector on the sample: keys move between slides as a clicker would, Esc leaves, text fits every size. */
@ExtendWith(ApplicationExtension.class)
class ProjectorViewTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    private Database db;
    private ProjectorData data;
    private Stage projector;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("duban-projector");
        db = TestDb.withSample(dir);
        var meeting = Wired.of(db).meetings().current().orElseThrow();
        data = ProjectorData.read(new ChartService(Wired.of(db).stats()), meeting, StatsScope.meeting(meeting.id()),
                UnitGroup.COUNTIES, TODAY, TODAY.minusMonths(1));
        FxStages.show(stage, new Label("督办台"), 400, 300);
        projector = ProjectorStage.open(new ProjectorViewModel(data), Screen.getPrimary());
    }

    @AfterEach
    void closeDb() {
        db.close();
    }

    private String title(FxRobot robot) {
        return robot.lookup("#slideTitle").queryAs(Label.class).getText();
    }

    private String page(FxRobot robot) {
        return robot.lookup("#slidePage").queryAs(Label.class).getText();
    }

    @Test
    void clickerKeysTurnTheSlidesInOrderAndEscLeaves(FxRobot robot) {
        int slides = data.slides().size();
        assertEquals(2 + 10 + 1, slides, "overview, ranking, ten units, supervised");
        assertEquals("总体情况", title(robot));
        assertEquals("1 / " + slides, page(robot));
        assertTrue(robot.lookup("#slideStamp").queryAs(Label.class).getText().equals("截至 2026年11月29日"));
        robot.type(KeyCode.RIGHT);
        assertEquals("完成率排名", title(robot));
        robot.type(KeyCode.SPACE);
        assertEquals("蕉城区", title(robot), "units in roster order");
        robot.type(KeyCode.PAGE_DOWN);
        assertEquals("福安市", title(robot));
        robot.type(KeyCode.PAGE_UP);
        robot.type(KeyCode.LEFT);
        assertEquals("完成率排名", title(robot));
        robot.type(KeyCode.END);
        assertEquals("挂牌督办", title(robot));
        assertEquals(slides + " / " + slides, page(robot));
        robot.type(KeyCode.RIGHT);
        assertEquals("挂牌督办", title(robot), "the last slide stays");
        robot.type(KeyCode.HOME);
        assertEquals("总体情况", title(robot));
        assertTrue(projector.isShowing());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(projector.isShowing(), "Esc leaves the projector");
    }

    @Test
    void autoAdvanceGoesRoundToTheFirstSlide() {
        ProjectorViewModel vm = new ProjectorViewModel(data);
        vm.last();
        vm.tick();
        assertEquals(0, vm.indexProperty().get());
        vm.tick();
        assertEquals(1, vm.indexProperty().get());
    }

    @Test
    void at1920By1080TitlesAre48PxAndLabels24PxOrMore(FxRobot robot) {
        List<String> problems = eachSlide(robot, 1920, 1080, (root, l) -> {
            double size = l.getFont().getSize();
            if (size < 24 - 0.01) {
                return l.getText() + " is " + size + " px";
            }
            return "slideTitle".equals(l.getId()) && size < 48 ? "title " + size + " px" : null;
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void noTextIsCutFrom1280By720To3840By2160(FxRobot robot) {
        for (int[] size : new int[][] {{1280, 720}, {1920, 1080}, {3840, 2160}}) {
            List<String> problems = eachSlide(robot, size[0], size[1], (root, l) -> {
                if (l.getStyleClass().contains(SlideNodes.ELLIPSIZED) || l.getText().isEmpty()) {
                    return null;
                }
                String where = l.getText() + " at " + size[0] + "x" + size[1];
                if (l.getWidth() + 0.5 < l.prefWidth(-1) && !l.isWrapText()) {
                    return where + " is cut: " + l.getWidth() + " < " + l.prefWidth(-1);
                }
                if (l.getHeight() + 0.5 < l.prefHeight(l.getWidth())) {
                    return where + " is cut in height";
                }
                Bounds b = l.localToScene(l.getLayoutBounds());
                Bounds screen = root.getLayoutBounds();
                return b.getMaxX() > screen.getMaxX() + 0.5 || b.getMaxY() > screen.getMaxY() + 0.5
                        ? where + " runs off the screen: " + b : null;
            });
            assertEquals(List.of(), problems, size[0] + "x" + size[1]);
        }
    }

    /** Lays out every slide in a scene of the given size and checks each of its labels; returns what failed. */
    private List<String> eachSlide(FxRobot robot, int width, int height,
                                   java.util.function.BiFunction<Parent, Label, String> check) {
        List<String> problems = new ArrayList<>();
        robot.interact(() -> {
            ProjectorViewModel vm = new ProjectorViewModel(data);
            ProjectorView view = new ProjectorView(vm);
            Scene scene = new Scene(view.root(), width, height);
            Theme.style(scene);
            Stage s = new Stage();
            s.setScene(scene);
            s.show();
            for (int i = 0; i < vm.slides().size(); i++) {
                vm.indexProperty().set(i);
                view.root().applyCss();
                view.root().layout();
                for (Label l : labels(view.root())) {
                    String problem = check.apply(view.root(), l);
                    if (problem != null) {
                        problems.add("slide " + (i + 1) + ": " + problem);
                    }
                }
            }
            s.close();
        });
        return problems;
    }

    private static List<Label> labels(Node n) {
        List<Label> found = new ArrayList<>();
        collect(n, found);
        return found;
    }

    private static void collect(Node n, List<Label> found) {
        if (n instanceof Label l) {
            found.add(l);
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, found));
        }
    }
}
