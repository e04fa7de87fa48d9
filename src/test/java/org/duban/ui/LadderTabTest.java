package org.duban.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.duban.model.AuditEntity;
import org.duban.model.Interview;
import org.duban.model.Notice;
import org.duban.model.NoticeLevel;
import org.duban.persistence.Database;
import org.duban.service.audit.AuditLog;
import org.duban.service.ladder.NoticeService;
import org.duban.testing.FxStages;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.duban.ui.common.TaskRunner;
import org.duban.ui.tasks.detail.DetailServices;
import org.duban.ui.tasks.detail.TaskDetailView;
import org.duban.ui.tasks.detail.TaskDetailViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The task detail's 督办 tab on the sample as of 2026-11-29: the 催办单 that lists the task, what the ladder suggests
 * for its unit, recording the unit's response (refused before the notice's day or without text), and recording a
 * 约谈 with its 约谈通知 (refused on a day off still to come, or without a leader).
 */
@ExtendWith(ApplicationExtension.class)
class LadderTabTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    static final LocalDate SENT = LocalDate.of(2026, 11, 10);
    private Database db;
    private Path dir;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private Notice notice;
    private String unitName;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("duban-ladder-tab");
        db = TestDb.withSample(dir);
        AuditLog audit = Wired.audit(db, new TestClock(TODAY));
        NoticeService notices = Wired.of(audit).notices();
        NoticeService.Candidate c = notices.candidates(TODAY, NoticeLevel.CHASE).get(0);
        unitName = c.unit().name();
        // sent 13 working days ago and never answered: the ladder now suggests a 督办通知书
        notice = notices.issue(c.unit().id(), NoticeLevel.CHASE, SENT, false, c.shares());
        DetailServices services = DetailServices.of(Wired.of(audit), TaskRunner.direct(), dialogs);
        TaskDetailViewModel vm = new TaskDetailViewModel(services, notice.shares().get(0).taskId());
        TaskDetailView view = new TaskDetailView(vm, () -> { }, () -> { });
        vm.load(() -> vm.assignments().stream().filter(s -> s.unitId() == notice.unitId()).findFirst()
                .ifPresent(vm.selectedProperty()::set));
        FxStages.show(stage, (javafx.scene.Parent) view.root(), 1280, 800);
    }

    @AfterEach
    void closeDb() {
        db.close();
    }

    @SuppressWarnings("unchecked")
    private <T> TableView<T> table(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TableView.class);
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** Presses a button of the tab (those below the fold are scrolled out of the robot's sight). */
    private void fire(FxRobot robot, String id) {
        robot.interact(() -> robot.lookup(id).queryAs(Button.class).fire());
    }

    private void openTab(FxRobot robot) {
        robot.clickOn("#ladderTab");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theTabShowsTheNoticeAndTheLaddersSuggestion(FxRobot robot) {
        openTab(robot);
        TableView<Notice> t = table(robot, "#ladderNoticeTable");
        assertEquals(1, t.getItems().size());
        assertEquals("督催〔2026〕1号", t.getItems().get(0).number());
        assertEquals("逾期未答复", t.getColumns().get(5).getCellData(0), "due 2026-11-17 and not answered");
        String suggested = text(robot, "#ladderSuggestions");
        assertTrue(suggested.contains(unitName) && suggested.contains("督办通知书"), suggested);
    }

    @Test
    void aResponseBeforeTheNoticeOrWithoutTextIsRefusedThenRecorded(FxRobot robot) {
        openTab(robot);
        TableView<Notice> t = table(robot, "#ladderNoticeTable");
        robot.interact(() -> {
            t.getSelectionModel().select(0);
            robot.lookup("#responseDatePicker").queryAs(DatePicker.class).setValue(SENT.minusDays(1));
            robot.lookup("#responseTextArea").queryAs(TextArea.class).setText("已制定整改方案");
        });
        robot.clickOn("#recordResponseButton");
        assertTrue(text(robot, "#responseError").contains("早于"), text(robot, "#responseError"));
        robot.interact(() -> {
            robot.lookup("#responseDatePicker").queryAs(DatePicker.class).setValue(LocalDate.of(2026, 11, 16));
            robot.lookup("#responseTextArea").queryAs(TextArea.class).setText("   ");
        });
        robot.clickOn("#recordResponseButton");
        assertTrue(text(robot, "#responseError").contains("答复内容"), text(robot, "#responseError"));
        assertEquals(0, TestDb.sqlLong(db.file(), "SELECT count(*) FROM notice WHERE response_on IS NOT NULL"),
                "nothing recorded");

        robot.interact(() -> robot.lookup("#responseTextArea").queryAs(TextArea.class).setText("已制定整改方案，12月底前完成"));
        robot.clickOn("#recordResponseButton");
        assertEquals("", text(robot, "#responseError"));
        assertEquals("2026-11-16", TestDb.sqlString(db.file(), "SELECT response_on FROM notice WHERE id = " + notice.id()));
        assertEquals("2026-11-16 已答复", t.getColumns().get(5).getCellData(0));
        assertEquals("已制定整改方案，12月底前完成", t.getItems().get(0).responseText());
        assertTrue(TestDb.sqlLong(db.file(), "SELECT count(*) FROM audit_log WHERE entity = '" + AuditEntity.NOTICE.name()
                + "' AND field = 'responseText'") > 0, "audited");
    }

    @Test
    void aTalkIsRecordedForTheChosenUnitWithItsNotice(FxRobot robot) throws Exception {
        openTab(robot);
        assertTrue(text(robot, "#interviewUnitLabel").contains(unitName), text(robot, "#interviewUnitLabel"));
        Path pdf = dir.resolve("约谈通知.pdf");
        dialogs.saveTarget = pdf;
        // a Saturday still to come
        robot.interact(() -> {
            robot.lookup("#interviewDatePicker").queryAs(DatePicker.class).setValue(LocalDate.of(2026, 12, 5));
            robot.lookup("#interviewLeaderField").queryAs(TextField.class).setText("王副市长");
        });
        fire(robot, "#recordInterviewButton");
        assertTrue(text(robot, "#interviewError").contains("不是工作日"), text(robot, "#interviewError"));
        // no leader
        robot.interact(() -> {
            robot.lookup("#interviewDatePicker").queryAs(DatePicker.class).setValue(LocalDate.of(2026, 11, 27));
            robot.lookup("#interviewLeaderField").queryAs(TextField.class).setText(" ");
        });
        fire(robot, "#recordInterviewButton");
        assertTrue(text(robot, "#interviewError").contains("约谈领导"), text(robot, "#interviewError"));
        assertEquals(0, TestDb.sqlLong(db.file(), "SELECT count(*) FROM interview"));
        assertFalse(Files.exists(pdf));

        robot.interact(() -> {
            robot.lookup("#interviewLeaderField").queryAs(TextField.class).setText("王副市长");
            robot.lookup("#interviewAttendeesField").queryAs(TextField.class).setText("区长、分管副区长");
            robot.lookup("#interviewFollowUpPicker").queryAs(DatePicker.class).setValue(LocalDate.of(2026, 12, 10));
        });
        fire(robot, "#recordInterviewButton");
        assertEquals("", text(robot, "#interviewError"));
        TableView<Interview> talks = table(robot, "#ladderInterviewTable");
        assertEquals(1, talks.getItems().size());
        assertEquals("约谈〔2026〕1号", talks.getItems().get(0).number());
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String t = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertTrue(t.contains("约谈通知") && t.contains(unitName + "：") && t.contains("区长、分管副区长"), t);
        }
        assertTrue(TestDb.sqlLong(db.file(), "SELECT count(*) FROM audit_log WHERE entity = 'INTERVIEW'") > 0);
    }
}
