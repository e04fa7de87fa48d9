package org.duban.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.duban.persistence.Database;
import org.duban.service.handout.FontPreference;
import org.duban.service.handout.HandoutService;
import org.duban.service.handout.HandoutSettingsStore;
import org.duban.service.handout.PageOrientation;
import org.duban.testing.FxStages;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.duban.ui.common.TaskRunner;
import org.duban.ui.handouts.HandoutsView;
import org.duban.ui.handouts.HandoutsViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The handout preview (讲义打印) on the sample database, driven by id. */
@ExtendWith(ApplicationExtension.class)
class HandoutsViewTest {
    private Database db;
    private Path dir;
    private HandoutsViewModel vm;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        dir = Files.createTempDirectory("duban-handouts-ui");
        db = TestDb.withSample(dir);
        HandoutSettingsStore store = Wired.of(db).handoutSettings();
        store.save(store.load().withFonts(FontPreference.BUNDLED));
        vm = new HandoutsViewModel(Wired.of(db).handouts(), Wired.of(db).meetings(), TaskRunner.direct(), dialogs);
        HandoutsView view = new HandoutsView(vm, TaskRunner.direct());
        vm.load();
        FxStages.show(stage, view.root(), 1280, 800);
    }

    @AfterEach
    void closeDb() {
        db.close();
    }

    private String pageLabel(FxRobot robot) {
        return robot.lookup("#pageLabel").queryAs(Label.class).getText();
    }

    /** The text drawn on the page shown in the preview. */
    private String shownPageText(FxRobot robot) {
        StackPane page = robot.lookup("#pageView").queryAs(StackPane.class);
        StringBuilder sb = new StringBuilder();
        collect(page, sb);
        return sb.toString();
    }

    private static void collect(Node n, StringBuilder sb) {
        if (n instanceof Text t) {
            sb.append(t.getText()).append('\n');
        } else if (n instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, sb));
        }
    }

    @Test
    void onANarrowWindowTheChoicesAndTheNoticeGiveWayAndNoButtonIsCut(FxRobot robot) {
        robot.interact(() -> stage.setWidth(900));
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : List.of("#exportPdfButton", "#printButton", "#pageSetupButton", "#exportAllButton",
                "#printAllButton", "#orientationChoice", "#signOffCheck")) {
            javafx.scene.layout.Region r = robot.lookup(id).queryAs(javafx.scene.layout.Region.class);
            assertTrue(r.getWidth() >= r.prefWidth(-1) - 0.5, id + " is " + r.getWidth() + " wide, wants "
                    + r.prefWidth(-1));
            assertTrue(r.localToScene(r.getLayoutBounds()).getMaxX() <= stage.getScene().getWidth() + 0.5,
                    id + " is inside the window");
        }
    }

    @Test
    void showsTheFirstUnitsPagesWithThePageCountAndThumbnails(FxRobot robot) {
        int pages = vm.layoutProperty().get().pageCount();
        assertTrue(pages > 1, "蕉城区's list runs over several pages");
        assertEquals("第 1 页 / 共 " + pages + " 页", pageLabel(robot));
        assertEquals(pages, robot.lookup("#thumbnails").queryAs(VBox.class).getChildren().size());
        String shown = shownPageText(robot);
        assertTrue(shown.contains("宁德市生态环境保护重点工作任务清单"), shown);
        assertTrue(shown.contains("（蕉城区）"));
        assertTrue(shown.contains("第 1 页 共 " + pages + " 页"));
        assertTrue(robot.lookup("#prevPageButton").queryAs(Button.class).isDisabled());
    }

    @Test
    void turnsPagesWithTheButtonsTheKeysAndTheThumbnails(FxRobot robot) {
        int pages = vm.layoutProperty().get().pageCount();
        robot.clickOn("#nextPageButton");
        assertEquals("第 2 页 / 共 " + pages + " 页", pageLabel(robot));
        assertTrue(shownPageText(robot).contains("第 2 页 共 " + pages + " 页"));
        assertFalse(shownPageText(robot).contains("（蕉城区）"), "the title is on page 1 only");

        robot.clickOn("#pageView").type(KeyCode.END);
        assertEquals("第 " + pages + " 页 / 共 " + pages + " 页", pageLabel(robot));
        assertTrue(robot.lookup("#nextPageButton").queryAs(Button.class).isDisabled());
        robot.type(KeyCode.PAGE_UP);
        assertEquals("第 " + (pages - 1) + " 页 / 共 " + pages + " 页", pageLabel(robot));

        robot.clickOn("#thumb" + pages); // the rail keeps the current page's thumbnail, and its neighbours, in sight
        assertEquals("第 " + pages + " 页 / 共 " + pages + " 页", pageLabel(robot));
        robot.clickOn("#firstPageButton");
        robot.clickOn("#thumb2");
        assertEquals("第 2 页 / 共 " + pages + " 页", pageLabel(robot));
    }

    @Test
    void choosingAnotherUnitShowsItsHandout(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<HandoutService.UnitHandout> units = robot.lookup("#unitChoice").queryAs(ComboBox.class);
        HandoutService.UnitHandout dongqiao = units.getItems().stream()
                .filter(u -> u.unit().name().equals("东侨经济技术开发区")).findFirst().orElseThrow();
        robot.interact(() -> units.setValue(dongqiao));
        assertTrue(shownPageText(robot).contains("（东侨经济技术开发区）"));
        long tasks = TestDb.sqlLong(db.file(), "SELECT count(*) FROM assignment a JOIN unit u ON u.id = a.unit_id "
                + "WHERE u.name = '东侨经济技术开发区'");
        assertEquals(tasks, dongqiao.tasks());
        assertTrue(pageLabel(robot).startsWith("第 1 页"));
    }

    @Test
    void portraitLaysTheListOutAgainAndIsSavedForTheLedger(FxRobot robot) {
        int landscapePages = vm.layoutProperty().get().pageCount();
        robot.clickOn("#orientationChoice");
        robot.clickOn("A4 纵向");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.layoutProperty().get().geometry().height() > vm.layoutProperty().get().geometry().width());
        assertTrue(vm.layoutProperty().get().pageCount() != landscapePages || landscapePages > 0);
        assertEquals(PageOrientation.PORTRAIT.name(),
                TestDb.sqlString(db.file(), "SELECT value FROM setting WHERE key = 'handout.orientation'"));
    }

    @Test
    void zoomChangesTheSizeOfThePageShown(FxRobot robot) {
        StackPane view = robot.lookup("#pageView").queryAs(StackPane.class);
        double before = ((StackPane) view.getChildren().get(0)).getPrefWidth();
        robot.clickOn("#zoomInButton");
        double after = ((StackPane) view.getChildren().get(0)).getPrefWidth();
        assertEquals(before * 1.25, after, before * 0.02);
        robot.clickOn("#actualSizeButton");
        assertEquals("100%", robot.lookup("#zoomLabel").queryAs(Label.class).getText());
        assertEquals(vm.layoutProperty().get().geometry().width() * 96 / 72,
                ((StackPane) view.getChildren().get(0)).getPrefWidth(), 0.5);
    }

    @Test
    void copiesAreKeptPerUnit(FxRobot robot) {
        robot.interact(() -> vm.copiesProperty().set(3));
        long unitId = vm.unitProperty().get().unit().id();
        assertEquals(3, Wired.of(db).handoutSettings().copies(unitId));
        assertTrue(robot.lookup("#unitChoice").queryAs(ComboBox.class).getButtonCell().getText().contains("3 份"));
    }

    @Test
    void savingAllWritesEveryUnitAndTheCombinedFileAndReportsIt(FxRobot robot) throws Exception {
        Path out = dir.resolve("batch");
        robot.interact(() -> vm.exportAll(out));
        WaitForAsyncUtils.waitForFxEvents();
        long units = TestDb.sqlLong(db.file(), "SELECT count(DISTINCT unit_id) FROM assignment");
        try (var s = Files.list(out)) {
            List<String> files = s.map(p -> p.getFileName().toString()).toList();
            assertEquals(units + 1, files.size(), files.toString());
        }
        assertEquals(1.0, vm.progressProperty().get(), 1e-9);
        assertTrue(robot.lookup("#statusLabel").queryAs(Label.class).getText().contains("任务清单-合订本.pdf"));
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }
}
