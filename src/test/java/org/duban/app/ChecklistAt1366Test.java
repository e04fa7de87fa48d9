package org.duban.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.duban.i18n.Messages;
import org.duban.persistence.Database;
import org.duban.service.tasks.ChecklistRow;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.ui.common.TaskRunner;
import org.duban.ui.common.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The sample's checklist in the main window on the 1366×768 laptop, in Chinese and in English: no cell of the short
 * columns (预警, 完成时限, 状态, 挂牌督办) is cut: the text drawn is each cell's whole text, for every row.
 */
@Tag("laptop-screen")
@ExtendWith(ApplicationExtension.class)
class ChecklistAt1366Test {
    private static final List<String> SHORT_COLUMNS = List.of("lightColumn", "deadlineColumn", "statusColumn",
            "supervisionColumn");
    private Database db;
    private Stage stage;

    @BeforeAll
    static void onTheLaptopScreen() {
        org.junit.jupiter.api.Assumptions.assumeTrue(String.valueOf(System.getProperty("headless.geometry"))
                .startsWith("1366x768"), "Monocle's screen is 1366x768 in the laptop-screen execution");
    }

    @Start
    void start(Stage ignored) throws Exception {
        db = TestDb.withSample(Files.createTempDirectory("duban-1366"));
        Theme.install();
    }

    @AfterEach
    void close(FxRobot robot) {
        if (stage != null) {
            robot.interact(stage::close);
        }
        Messages.use(Messages.CHINESE);
        db.close();
    }

    private void openIn(FxRobot robot, Locale locale, Path prefsDir) {
        Messages.use(locale);
        robot.interact(() -> {
            stage = new Stage();
            AppContext ctx = new AppContext(db, TaskRunner.direct(), new RecordingDialogs(), null,
                    new TestClock(LocalDate.of(2026, 11, 29)));
            var window = ctx.mainWindow(); // the program opens on the desk; this test is about the checklist
            window.select("navTasks");
            Scene scene = new Scene(window.root(), 1280, 800);
            Theme.style(scene);
            stage.setScene(scene);
            stage.setMinWidth(960);
            stage.setMinHeight(600);
            WindowPlacement.place(stage, new UserPreferences(prefsDir.resolve("prefs.properties")));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static TableView<ChecklistRow> table(FxRobot robot) {
        return robot.lookup("#taskTable").queryAs(TableView.class);
    }

    /**
     * Scrolls through every row and compares, in each short column, the text drawn with the cell's text; returns
     * the cut cells ("row 3 状态: 已完成(… ≠ 已完成(待验收)").
     */
    private static List<String> cutCells(FxRobot robot) {
        TableView<ChecklistRow> table = table(robot);
        int n = table.getItems().size();
        assertTrue(n >= 45, "the sample's tasks show: " + n);
        List<String> cut = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < n; i += 4) {
            int at = i;
            robot.interact(() -> table.scrollTo(at));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                table.layout();
                // a cell given another item during the table's layout is only marked for the next pulse: lay each
                // out now, so its text node holds what it draws for the item it shows (cut or whole)
                for (javafx.scene.Node node : table.lookupAll(".table-cell")) {
                    if (node instanceof TableCell<?, ?> cell) {
                        cell.requestLayout();
                        cell.layout();
                    }
                }
            });
            for (javafx.scene.Node node : robot.lookup("#taskTable .table-cell").queryAll()) {
                if (!(node instanceof TableCell<?, ?> cell) || cell.isEmpty() || cell.getTableColumn() == null
                        || !SHORT_COLUMNS.contains(cell.getTableColumn().getId()) || !cell.isVisible()
                        || cell.getTableRow() == null || !cell.getTableRow().isVisible()) {
                    continue; // a cell the table keeps aside for reuse
                }
                String text = cell.getText();
                if (text == null || text.isEmpty()) {
                    continue;
                }
                seen.add(cell.getIndex());
                Text drawn = (Text) cell.lookup(".text");
                assertNotNull(drawn, "cell text node");
                if (!text.equals(drawn.getText())) {
                    cut.add("row " + (cell.getIndex() + 1) + " " + cell.getTableColumn().getText() + ": "
                            + drawn.getText() + " ≠ " + text);
                }
            }
        }
        assertEquals(n, seen.size(), "every row was looked at");
        return cut;
    }

    @Test
    void noShortCellIsCutInChinese(FxRobot robot) throws Exception {
        openIn(robot, Messages.CHINESE, Files.createTempDirectory("prefs"));
        assertEquals(List.of(), cutCells(robot));
        assertTrue(table(robot).getItems().stream().anyMatch(r -> r.supervised()), "挂牌督办 rows are in the sample");
    }

    @Test
    void noShortCellIsCutInEnglish(FxRobot robot) throws Exception {
        openIn(robot, Locale.ENGLISH, Files.createTempDirectory("prefs"));
        assertEquals("Behind", ((TableView<?>) table(robot)).getColumns().stream()
                .filter(c -> "statusColumn".equals(c.getId())).findFirst().map(c -> shownStatus(robot)).orElse(""));
        assertEquals(List.of(), cutCells(robot));
    }

    /** The title and buttons of the checklist's toolbar whose drawn text is cut ("N…" for "New"). */
    private static List<String> cutToolbar(FxRobot robot) {
        List<String> cut = new ArrayList<>();
        javafx.scene.Node row = robot.lookup(".toolbar-row").match(n -> n.lookup("#newTaskButton") != null).query();
        for (javafx.scene.Node n : ((javafx.scene.Parent) row).getChildrenUnmodifiable()) {
            if (n instanceof javafx.scene.control.Labeled l && !(n instanceof javafx.scene.control.ComboBoxBase<?>)
                    && l.isVisible() && l.getText() != null && !l.getText().isEmpty()) {
                Text drawn = (Text) l.lookup(".text");
                if (drawn == null || !l.getText().equals(drawn.getText())) {
                    cut.add(l.getText() + " drawn as " + (drawn == null ? null : drawn.getText()));
                }
            }
        }
        return cut;
    }

    @Test
    void theToolbarsWordsAreWholeInBothLanguages(FxRobot robot) throws Exception {
        openIn(robot, Locale.ENGLISH, Files.createTempDirectory("prefs"));
        assertEquals(List.of(), cutToolbar(robot), "English");
        robot.interact(stage::close);
        openIn(robot, Messages.CHINESE, Files.createTempDirectory("prefs"));
        assertEquals(List.of(), cutToolbar(robot), "Chinese");
    }

    /** The status the first row shows. */
    private static String shownStatus(FxRobot robot) {
        for (javafx.scene.Node node : robot.lookup("#taskTable .table-cell").queryAll()) {
            if (node instanceof TableCell<?, ?> cell && cell.getIndex() == 0 && cell.getTableColumn() != null
                    && "statusColumn".equals(cell.getTableColumn().getId())) {
                return cell.getText();
            }
        }
        return "";
    }

    @Test
    void theDeadlineAsWrittenIsInTheTooltipWhenAShortFormShows(FxRobot robot) throws Exception {
        openIn(robot, Messages.CHINESE, Files.createTempDirectory("prefs"));
        TableView<ChecklistRow> table = table(robot);
        int row = -1;
        for (int i = 0; i < table.getItems().size(); i++) {
            if ("2026年12月31日前".equals(table.getItems().get(i).task().deadline().phrase())) {
                row = i;
            }
        }
        assertTrue(row >= 0, "the sample has 2026年12月31日前");
        int at = row;
        robot.interact(() -> table.scrollTo(at));
        WaitForAsyncUtils.waitForFxEvents();
        TableCell<?, ?> cell = robot.lookup("#taskTable .table-cell").queryAll().stream()
                .filter(n -> n instanceof TableCell<?, ?> c && c.getIndex() == at && c.getTableColumn() != null
                        && "deadlineColumn".equals(c.getTableColumn().getId()))
                .map(n -> (TableCell<?, ?>) n).findFirst().orElseThrow();
        assertEquals("2026-12-31", cell.getText());
        assertNotNull(cell.getTooltip());
        assertEquals("完成时限：2026年12月31日前（截止 2026-12-31）", cell.getTooltip().getText());
        assertFalse(cell.getText().contains("…"));
    }
}
