package org.duban.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.duban.persistence.Database;
import org.duban.service.handout.FontPreference;
import org.duban.service.handout.HandoutLayout;
import org.duban.service.handout.HandoutService;
import org.duban.service.handout.HandoutSettings;
import org.duban.service.handout.LayoutPage;
import org.duban.service.handout.PageCanvas;
import org.duban.service.handout.Span;
import org.duban.service.handout.TableRow;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.duban.ui.handouts.PageNodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The printer's drawing path: the nodes that {@code PrinterJob} prints (and the preview shows) carry the
 * layout's text in the measured faces, at the measured positions and widths, so printed text never spills
 * out of its cell.
 */
@ExtendWith(ApplicationExtension.class)
class PageNodesTest {
    private Database db;
    private HandoutLayout layout;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("duban-pagenodes");
        db = TestDb.withSample(dir);
        HandoutService service = Wired.of(db).handouts();
        HandoutService.MeetingData data = service.read(Wired.of(db).meetings().current().orElseThrow());
        layout = HandoutService.layout(data, data.roster().get(0),
                HandoutSettings.defaults().withFonts(FontPreference.BUNDLED).withSignOff(true));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private record Drawn(Span span, double x, double baseline, double size) {
    }

    private static List<Drawn> model(LayoutPage page) {
        List<Drawn> list = new ArrayList<>();
        page.draw(new PageCanvas() {
            @Override
            public void text(Span span, double x, double baseline, double size) {
                list.add(new Drawn(span, x, baseline, size));
            }

            @Override
            public void line(double x1, double y1, double x2, double y2, double width) {
            }
        });
        return list;
    }

    @Test
    void printedTextIsTheLayoutsTextInItsFacesAtItsPlacesAndWidths(FxRobot robot) throws Exception {
        for (LayoutPage page : layout.pages()) {
            List<Drawn> expected = model(page);
            Pane pane = WaitForAsyncUtils.asyncFx(() -> PageNodes.render(page)).get();
            List<Text> texts = pane.getChildren().stream().filter(Text.class::isInstance).map(Text.class::cast).toList();
            assertEquals(expected.size(), texts.size(), "page " + page.number());
            for (int i = 0; i < texts.size(); i++) {
                Text t = texts.get(i);
                Drawn d = expected.get(i);
                assertEquals(d.span().text(), t.getText());
                assertEquals(d.x(), t.getX(), 1e-9);
                assertEquals(d.baseline(), t.getY(), 1e-9);
                assertEquals(d.span().face().fullName(), t.getFont().getName(), "JavaFX uses the measured face");
                double fxWidth = t.getLayoutBounds().getWidth();
                assertEquals(d.span().width(), fxWidth, 0.5 + d.span().width() * 0.01,
                        "“" + t.getText() + "” is as wide on paper as pagination measured");
            }
            long rules = pane.getChildren().stream().filter(Line.class::isInstance).count();
            long cellsAndRows = page.rows().stream().mapToLong(r -> 3 + r.cells().size()).sum() + page.rules().size();
            assertEquals(cellsAndRows, rules);
        }
    }

    @Test
    void theDrawnPageShowsInkOnTheTableRulesAndPaperElsewhere(FxRobot robot) {
        LayoutPage first = layout.pages().get(0);
        WritableImage image = snapshot(robot, first);
        PixelReader px = image.getPixelReader();
        TableRow header = first.rows().get(0);
        int y = (int) Math.round(header.top());
        int darkOnRule = 0;
        for (int x = (int) header.cells().get(0).left() + 2; x < (int) first.geometry().contentRight() - 2; x++) {
            if (dark(px.getColor(x, y)) || dark(px.getColor(x, y - 1)) || dark(px.getColor(x, y + 1))) {
                darkOnRule++;
            }
        }
        double ruleLength = first.geometry().contentWidth() - 4;
        assertTrue(darkOnRule > ruleLength * 0.95, "the header's top rule is drawn: " + darkOnRule + "/" + ruleLength);
        for (int x = 2; x < (int) first.geometry().contentLeft() - 2; x++) {
            assertTrue(!dark(px.getColor(x, (int) first.geometry().height() / 2)), "the left margin is blank");
        }
    }

    private static WritableImage snapshot(FxRobot robot, LayoutPage page) {
        WritableImage[] out = new WritableImage[1];
        robot.interact(() -> {
            Pane pane = PageNodes.render(page);
            pane.setStyle("-fx-background-color: white;");
            SnapshotParameters p = new SnapshotParameters();
            p.setFill(Color.WHITE);
            new javafx.scene.Scene(new javafx.scene.Group(pane));
            out[0] = pane.snapshot(p, null);
        });
        return out[0];
    }

    private static boolean dark(Color c) {
        return c.getBrightness() < 0.5;
    }
}
