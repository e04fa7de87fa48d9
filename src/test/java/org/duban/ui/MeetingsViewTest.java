package org.duban.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.duban.model.Meeting;
import org.duban.model.MeetingRole;
import org.duban.persistence.Database;
import org.duban.service.audit.AuditLog;
import org.duban.testing.FxStages;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.duban.ui.common.TaskRunner;
import org.duban.ui.meetings.MeetingsView;
import org.duban.ui.meetings.MeetingsViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The meetings screen on the sample database: a follow-up meeting is recorded and its pack produced. */
@ExtendWith(ApplicationExtension.class)
class MeetingsViewTest {
    private Database db;
    private Path dir;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final List<Path> opened = new ArrayList<>();
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        dir = Files.createTempDirectory("duban-meetings");
        db = TestDb.withSample(dir);
        AuditLog audit = Wired.audit(db, new TestClock(LocalDate.of(2026, 11, 29)));
        MeetingsViewModel vm = new MeetingsViewModel(Wired.of(audit).meetings(), Wired.of(audit).meetingPacks(),
                Wired.of(audit).scoredBulletins(), TaskRunner.direct(), dialogs, (folder, failed) -> opened.add(folder));
        MeetingsView view = new MeetingsView(vm);
        vm.load();
        FxStages.show(stage, view.root(), 1280, 800);
    }

    @AfterEach
    void closeDb() {
        db.close();
    }

    @SuppressWarnings("unchecked")
    private TableView<Meeting> meetings(FxRobot robot) {
        return robot.lookup("#meetingTable").queryAs(TableView.class);
    }

    /** Scrolls the form so that the control is in sight (the form is longer than the screen). */
    private static void reveal(FxRobot robot, String id) {
        ScrollPane pane = robot.lookup("#meetingForm").queryAs(ScrollPane.class);
        Node node = robot.lookup(id).query();
        robot.interact(() -> {
            Bounds b = pane.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal()));
            double room = pane.getContent().getBoundsInLocal().getHeight() - pane.getViewportBounds().getHeight();
            pane.setVvalue(room <= 0 ? 0 : Math.max(0, Math.min(1, (b.getMinY() - 40) / room)));
        });
    }

    @Test
    void atTheMainWindowsSizeTheMeetingsDayAndTheSpeakerButtonsShowWhole(FxRobot robot) {
        robot.interact(() -> stage.setWidth(1160)); // 1280 less the navigation column, as in the main window
        robot.clickOn(robot.lookup("#meetingTable .table-row-cell").nth(0).queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : List.of("#addSpeakerButton", "#speakerUpButton", "#speakerDownButton", "#removeSpeakerButton",
                "#speakerRoleChoice")) {
            Region r = robot.lookup(id).queryAs(Region.class);
            assertTrue(r.getWidth() >= r.prefWidth(-1) - 0.5, id + " is " + r.getWidth() + " wide, wants "
                    + r.prefWidth(-1));
        }
        TableColumn<?, ?> day = meetings(robot).getColumns().get(1);
        assertTrue(day.getWidth() >= 100, "the day column is " + day.getWidth() + " wide");
    }

    @Test
    void theSampleMeetingsAreListedNewestFirstWithTheAssignmentMeetingsPledges(FxRobot robot) {
        assertEquals(List.of("2026-09-29", "2026-07-16", "2026-03-19"),
                meetings(robot).getItems().stream().map(m -> m.heldOn().toString()).toList());
        robot.interact(() -> meetings(robot).getSelectionModel().select(2));
        assertEquals("蕉城区、古田县、福安市、福鼎市、霞浦县", robot.lookup("#pledgesField").queryAs(TextField.class).getText());
        assertEquals("各县（市、区）、东侨经济技术开发区", robot.lookup("#subVenuesField").queryAs(TextField.class).getText());
        assertEquals("本次会议交办任务 45 项。", robot.lookup("#tasksSummary").queryAs(Label.class).getText());
    }

    @Test
    void theBulletinOfAMeetingBeforeTheLastIssuedOneIsWrittenAsAnUnnumberedDraft(FxRobot robot) {
        long issued = TestDb.sqlLong(db.file(), "SELECT count(*) FROM bulletin");
        robot.interact(() -> meetings(robot).getSelectionModel().select(2)); // the assignment meeting, 19 March
        dialogs.saveTarget = dir.resolve("三月通报.docx");
        robot.clickOn("#bulletinButton");
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        assertTrue(Files.exists(dialogs.saveTarget));
        String said = robot.lookup("#packStatus").queryAs(Label.class).getText();
        assertTrue(said.startsWith("已生成通报草稿") && said.contains("不编期号"), said);
        assertEquals(issued, TestDb.sqlLong(db.file(), "SELECT count(*) FROM bulletin"), "nothing issued");

        robot.interact(() -> meetings(robot).getSelectionModel().select(0)); // 29 September: issued as issue 2
        dialogs.saveTarget = dir.resolve("九月通报.docx");
        robot.clickOn("#bulletinButton");
        assertTrue(robot.lookup("#packStatus").queryAs(Label.class).getText().startsWith("已生成第2期通报"));
        assertEquals(issued, TestDb.sqlLong(db.file(), "SELECT count(*) FROM bulletin"), "the same day replaced");
    }

    @Test
    void aFollowUpMeetingIsCreatedAndItsPackProduced(FxRobot robot) throws Exception {
        long before = TestDb.sqlLong(db.file(), "SELECT count(*) FROM meeting");
        robot.clickOn("#newMeetingButton");
        assertEquals("全市生态环境保护重点工作任务推进会", robot.lookup("#meetingTitleField").queryAs(TextField.class).getText());
        // the chair, typed as the user would
        @SuppressWarnings("unchecked")
        ComboBox<MeetingRole> role = robot.lookup("#speakerRoleChoice").queryAs(ComboBox.class);
        robot.interact(() -> role.setValue(MeetingRole.CHAIR));
        robot.clickOn("#speakerPostField").write("市长");
        robot.clickOn("#speakerNameField").write("张永宁").type(javafx.scene.input.KeyCode.ENTER);
        reveal(robot, "#pledgesField");
        robot.clickOn("#pledgesField").write("霞浦县、蕉城区");
        reveal(robot, "#reviewOpenButton");
        robot.clickOn("#reviewOpenButton");
        robot.clickOn("#saveMeetingButton");

        assertEquals(before + 1, TestDb.sqlLong(db.file(), "SELECT count(*) FROM meeting"));
        long id = TestDb.sqlLong(db.file(), "SELECT max(id) FROM meeting");
        assertEquals("PUSH|2026-11-29", TestDb.sqlString(db.file(), "SELECT kind || '|' || held_on FROM meeting WHERE id = " + id));
        assertEquals("CHAIR|张永宁|市长", TestDb.sqlString(db.file(),
                "SELECT role || '|' || name || '|' || post FROM meeting_speaker WHERE meeting_id = " + id));
        assertEquals("霞浦县,蕉城区", TestDb.sqlString(db.file(), "SELECT group_concat(u.name) FROM (SELECT * FROM "
                + "meeting_unit WHERE meeting_id = " + id + " AND pledge_position IS NOT NULL ORDER BY pledge_position) mu "
                + "JOIN unit u ON u.id = mu.unit_id"));
        long open = TestDb.sqlLong(db.file(), "SELECT count(*) FROM meeting_task WHERE meeting_id = " + id);
        assertTrue(open > 0 && open < 45, "only the tasks not closed: " + open);
        assertEquals(id, meetings(robot).getSelectionModel().getSelectedItem().id(), "the saved meeting stays chosen");

        dialogs.folderToChoose = dir.resolve("材料");
        robot.clickOn("#meetingPackButton");
        Path folder = dir.resolve("材料").resolve("2026-11-29 推进会");
        assertEquals(List.of(folder), opened, "asked, then the folder is shown");
        assertEquals(1, dialogs.confirmations.size());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        List<String> files;
        try (Stream<Path> s = Files.walk(folder)) {
            files = s.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString()).sorted().toList();
        }
        assertTrue(files.contains("通报-2026-11-29.pdf") && files.contains("通报-2026-11-29.docx"), files.toString());
        assertTrue(files.contains("台账-2026-11-29.xlsx"), files.toString());
        assertEquals(5, files.stream().filter(f -> f.endsWith(".png")).count(), files.toString());
        assertTrue(files.stream().anyMatch(f -> f.endsWith("任务清单-合订本.pdf")), files.toString());
        assertTrue(robot.lookup("#packStatus").queryAs(Label.class).getText().startsWith("会议材料已生成"));
    }

    @Test
    void aMeetingMustBeSavedBeforeItsPackAndAnUnknownUnitIsSaidAtTheForm(FxRobot robot) {
        robot.clickOn("#newMeetingButton");
        assertTrue(robot.lookup("#meetingPackButton").query().isDisabled(), "no pack for an unsaved meeting");
        reveal(robot, "#pledgesField");
        robot.clickOn("#pledgesField").write("火星区");
        long before = TestDb.sqlLong(db.file(), "SELECT count(*) FROM meeting");
        robot.clickOn("#saveMeetingButton");
        assertTrue(robot.lookup("#meetingError").queryAs(Label.class).getText().contains("火星区"));
        assertEquals(before, TestDb.sqlLong(db.file(), "SELECT count(*) FROM meeting"));
    }
}
