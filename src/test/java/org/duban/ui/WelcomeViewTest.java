package org.duban.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.duban.app.FirstStart;
import org.duban.persistence.Database;
import org.duban.service.sample.SampleMeeting;
import org.duban.service.units.DefaultRoster;
import org.duban.testing.FxStages;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestDb;
import org.duban.ui.common.TaskRunner;
import org.duban.ui.welcome.WelcomeView;
import org.duban.ui.welcome.WelcomeViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The first-start welcome on a real data folder: each choice makes the real database file. */
@ExtendWith(ApplicationExtension.class)
class WelcomeViewTest {
    private Path dir;
    private Path file;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final List<Database> opened = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("duban-welcome");
        file = dir.resolve("data").resolve("duban.db");
        WelcomeViewModel vm = new WelcomeViewModel(file, TaskRunner.direct(), dialogs,
                new FirstStart(file, ledger -> opened.add(ledger.db())));
        WelcomeView view = new WelcomeView(vm);
        FxStages.show(stage, view.root(), 800, 470);
        view.focusDefault();
    }

    @AfterEach
    void closeDatabases() {
        opened.forEach(Database::close);
    }

    @Test
    void showsWhereTheDataWillLiveBeforeAnythingIsCreated(FxRobot robot) {
        assertEquals(file.toString(), robot.lookup("#dataPathField").queryAs(TextField.class).getText());
        assertTrue(robot.lookup("#welcomeHint").queryAs(Label.class).getText().contains(file.getParent().toString()));
        assertFalse(Files.exists(file), "nothing is written before the user chooses");
    }

    @Test
    void theSampleChoiceCreatesTheSampleMeetingAndOpensIt(FxRobot robot) {
        robot.clickOn("#sampleButton");

        assertEquals(1, opened.size(), "the program went on to the main window");
        assertEquals(file, opened.get(0).file());
        assertEquals(SampleMeeting.readTasks().size(), TestDb.sqlLong(file, "SELECT count(*) FROM task"));
        assertEquals(1, TestDb.sqlLong(file, "SELECT count(*) FROM meeting WHERE kind = 'ASSIGNMENT'"));
        assertEquals(2, TestDb.sqlLong(file, "SELECT count(*) FROM meeting WHERE kind <> 'ASSIGNMENT'"),
                "the sample's summer 调度会 and autumn 推进会");
        assertEquals(DefaultRoster.units().size(), TestDb.sqlLong(file, "SELECT count(*) FROM unit"));
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void theEmptyChoiceCreatesTheDefaultRosterAndNoMeeting(FxRobot robot) {
        robot.clickOn("#emptyButton");

        assertEquals(1, opened.size());
        assertEquals(0, TestDb.sqlLong(file, "SELECT count(*) FROM meeting"));
        assertEquals(0, TestDb.sqlLong(file, "SELECT count(*) FROM task"));
        assertEquals(DefaultRoster.units().size(), TestDb.sqlLong(file, "SELECT count(*) FROM unit"));
        assertEquals(1, TestDb.sqlLong(file, "SELECT count(*) FROM unit WHERE name = '东侨经济技术开发区'"));
    }

    @Test
    void enterTakesTheSampleTheDefaultChoice(FxRobot robot) {
        assertTrue(robot.lookup("#sampleButton").queryAs(Button.class).isDefaultButton());
        robot.type(KeyCode.ENTER);

        assertEquals(1, opened.size());
        assertEquals(SampleMeeting.readTasks().size(), TestDb.sqlLong(file, "SELECT count(*) FROM task"));
    }

    @Test
    void aFolderThatCannotBeMadeShowsTheReasonAndKeepsTheChoicesOpen(FxRobot robot) throws Exception {
        Files.writeString(file.getParent(), "a file where the data folder should be");

        robot.clickOn("#emptyButton");

        assertTrue(opened.isEmpty(), "no main window without a database");
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).contains(file.getParent().toString()), dialogs.errors.get(0));
        assertFalse(robot.lookup("#emptyButton").queryAs(Button.class).isDisabled(), "the user can choose again");
        assertFalse(robot.lookup("#welcomeWorking").query().isVisible(), "no progress shown any more");
    }
}
