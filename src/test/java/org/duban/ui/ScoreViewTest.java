package org.duban.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.duban.model.NoticeLevel;
import org.duban.persistence.Database;
import org.duban.service.audit.AuditLog;
import org.duban.service.ladder.NoticeService;
import org.duban.service.score.ScoreEvent;
import org.duban.service.score.ScoreRules;
import org.duban.service.score.UnitScore;
import org.duban.testing.FxStages;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.duban.ui.common.TaskRunner;
import org.duban.ui.score.ScoreView;
import org.duban.ui.score.ScoreViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * 考评排名 on the sample as of 2026-11-29 (one 催办单 issued): the units ranked by score, a click on a score lists
 * the events that make it (base plus the events' points is the score), a double click opens an event's task,
 * export as .xlsx and PDF, and a period running backwards is refused.
 */
@ExtendWith(ApplicationExtension.class)
class ScoreViewTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    private Database db;
    private Path dir;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final List<Long> opened = new ArrayList<>();
    private ScoreViewModel vm;
    private String chased;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("duban-score");
        db = TestDb.withSample(dir);
        AuditLog audit = Wired.audit(db, new TestClock(TODAY));
        NoticeService notices = Wired.of(audit).notices();
        NoticeService.Candidate c = notices.candidates(TODAY, NoticeLevel.CHASE).get(0);
        chased = c.unit().name();
        notices.issue(c.unit().id(), NoticeLevel.CHASE, LocalDate.of(2026, 11, 20), false, c.shares());
        vm = new ScoreViewModel(Wired.of(audit).scores(), () -> Wired.of(db).handoutSettings().load().fonts(),
                TaskRunner.direct(), dialogs);
        ScoreView view = new ScoreView(vm, opened::add);
        vm.load();
        FxStages.show(stage, view.root(), 1280, 800);
    }

    @AfterEach
    void closeDb() {
        db.close();
    }

    @SuppressWarnings("unchecked")
    private <T> TableView<T> table(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TableView.class);
    }

    private static BigDecimal n(String s) {
        return new BigDecimal(s);
    }

    @Test
    void unitsAreRankedAndAClickOnAScoreListsItsEvents(FxRobot robot) {
        TableView<UnitScore> t = table(robot, "#scoreTable");
        assertTrue(t.getItems().size() > 5, "the sample's units: " + t.getItems().size());
        for (int i = 1; i < t.getItems().size(); i++) {
            assertTrue(t.getItems().get(i - 1).total().compareTo(t.getItems().get(i).total()) >= 0, "ranked");
        }
        int row = -1;
        for (int i = 0; i < t.getItems().size(); i++) {
            if (t.getItems().get(i).unit().name().equals(chased)) {
                row = i;
            }
        }
        assertTrue(row >= 0, chased);
        int r = row;
        robot.interact(() -> t.scrollTo(r));
        // click the score itself (the 得分 column) of the chased unit's row
        TableCell<?, ?> score = robot.lookup("#scoreTable .table-cell").queryAll().stream()
                .map(n -> (TableCell<?, ?>) n).filter(c -> c.getIndex() == r && c.getTableColumn() == t.getColumns().get(5))
                .findFirst().orElseThrow();
        robot.clickOn(score);
        WaitForAsyncUtils.waitForFxEvents();
        UnitScore u = t.getItems().get(r);
        assertEquals(u, vm.selectedProperty().get());
        TableView<ScoreEvent> events = table(robot, "#scoreEventsTable");
        assertEquals(u.events(), events.getItems());
        assertTrue(robot.lookup("#scoreEventsHead").queryAs(Label.class).getText().contains(chased));
        assertTrue(events.getItems().stream().anyMatch(e -> e.rule() == ScoreRules.Rule.CHASE
                && e.text().contains("督催〔2026〕1号")), "the 催办单 is one of its events");
        if (!u.capped()) {
            BigDecimal sum = u.base();
            for (ScoreEvent e : events.getItems()) {
                sum = sum.add(e.points());
            }
            assertEquals(0, sum.compareTo(u.total()), "base + events = score");
        }
        // a double click on an event with a task opens it
        int withTask = -1;
        for (int i = 0; i < events.getItems().size(); i++) {
            if (events.getItems().get(i).taskId() != null) {
                withTask = i;
                break;
            }
        }
        assertTrue(withTask >= 0);
        int w = withTask;
        robot.interact(() -> events.scrollTo(w));
        TableRow<?> eventRow = robot.lookup("#scoreEventsTable .table-row-cell").queryAll().stream()
                .map(n -> (TableRow<?>) n).filter(x -> x.getIndex() == w).findFirst().orElseThrow();
        robot.doubleClickOn(eventRow);
        assertEquals(List.of(events.getItems().get(w).taskId()), opened);
    }

    @Test
    void theTableExportsAsExcelAndPdf(FxRobot robot) throws Exception {
        String first = vm.units().get(0).unit().name();
        Path xlsx = dir.resolve("考评.xlsx");
        dialogs.saveTarget = xlsx;
        robot.clickOn("#scoreXlsxButton");
        assertTrue(Files.size(xlsx) > 1000);
        try (InputStream in = Files.newInputStream(xlsx); Workbook wb = WorkbookFactory.create(in)) {
            Sheet ranking = wb.getSheetAt(0);
            StringBuilder all = new StringBuilder();
            ranking.forEach(row -> row.forEach(cell -> all.append(cell.toString()).append('|')));
            assertTrue(all.toString().contains(first), all.toString());
            assertTrue(wb.getNumberOfSheets() >= 2, "the ranking and the events");
        }
        Path pdf = dir.resolve("考评.pdf");
        dialogs.saveTarget = pdf;
        robot.clickOn("#scorePdfButton");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertTrue(text.contains("考评得分") && text.contains(first), text);
        }
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        // a name the user typed without .xlsx or .pdf: said, nothing written
        Path txt = dir.resolve("考评.txt");
        dialogs.saveTarget = txt;
        robot.clickOn("#scorePdfButton");
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).contains("考评.txt"), dialogs.errors.get(0));
        assertFalse(Files.exists(txt));
    }

    @Test
    void aPeriodRunningBackwardsIsRefused(FxRobot robot) {
        robot.interact(() -> {
            robot.lookup("#scoreFrom").queryAs(DatePicker.class).setValue(LocalDate.of(2026, 12, 31));
            robot.lookup("#scoreAsOf").queryAs(DatePicker.class).setValue(LocalDate.of(2026, 6, 30));
        });
        robot.clickOn("#scoreRunButton");
        String error = robot.lookup("#scoreError").queryAs(Label.class).getText();
        assertTrue(error.contains("晚于"), error);
        assertTrue(table(robot, "#scoreTable").getItems().isEmpty());
        assertTrue(robot.lookup("#scoreXlsxButton").queryButton().isDisabled(), "nothing to export");
        robot.interact(() -> robot.lookup("#scoreFrom").queryAs(DatePicker.class).setValue(null));
        robot.clickOn("#scoreRunButton");
        assertTrue(robot.lookup("#scoreError").queryAs(Label.class).getText().contains("请填写"),
                robot.lookup("#scoreError").queryAs(Label.class).getText());
    }
}
