package org.duban.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.duban.app.DatabaseSwitch;
import org.duban.app.UserPreferences;
import org.duban.persistence.Database;
import org.duban.service.sample.SampleMeeting;
import org.duban.service.units.DefaultRoster;
import org.duban.testing.FxStages;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestDb;
import org.duban.ui.common.TaskRunner;
import org.duban.ui.settings.DatabaseFilePicker;
import org.duban.ui.settings.DatabaseFileSection;
import org.duban.ui.settings.DatabaseFileViewModel;
import org.duban.ui.settings.SettingsView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Settings → 数据库文件 with the program's real switching (app.DatabaseSwitch) on real files; only the file
 * dialog's answer is given by the test.
 */
@ExtendWith(ApplicationExtension.class)
class DatabaseFileSectionTest {
    private Path dir;
    private Path current;
    private Path defaultFile;
    private UserPreferences preferences;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final List<Database> activated = new ArrayList<>();
    private final StubPicker picker = new StubPicker();

    /** Answers the file dialogs as the test tells it. */
    static final class StubPicker implements DatabaseFilePicker {
        Path answer;
        final List<Path> askedIn = new ArrayList<>();

        @Override
        public Optional<Path> chooseExisting(Window owner, Path folder) {
            askedIn.add(folder);
            return Optional.ofNullable(answer);
        }

        @Override
        public Optional<Path> chooseNew(Window owner, Path folder) {
            askedIn.add(folder);
            return Optional.ofNullable(answer);
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("duban-dbfile");
        defaultFile = dir.resolve("data").resolve("duban.db");
        current = dir.resolve("ledgers").resolve("current.db");
        Files.createDirectories(current.getParent());
        TestDb.withSample(current.getParent()).close();
        Files.move(current.getParent().resolve("test.db"), current);
        preferences = new UserPreferences(dir.resolve("data").resolve(UserPreferences.FILE_NAME));
        preferences.setDatabase(current);
        DatabaseSwitch switcher = new DatabaseSwitch(current, defaultFile, preferences, ledger -> activated.add(ledger.db()));
        DatabaseFileSection section = new DatabaseFileSection(
                new DatabaseFileViewModel(switcher, TaskRunner.direct(), dialogs), picker);
        FxStages.show(stage, new SettingsView(List.of(section)).root(), 1000, 500);
    }

    @AfterEach
    void closeDatabases() {
        activated.forEach(Database::close);
    }

    @Test
    void showsTheFileInUse(FxRobot robot) {
        assertEquals(current.toString(), robot.lookup("#currentDatabaseField").queryAs(TextField.class).getText());
        assertFalse(robot.lookup("#defaultDatabaseButton").queryAs(Button.class).isDisabled());
    }

    @Test
    void openingAnotherDatabaseMovesTheProgramThereAndRemembersIt(FxRobot robot) throws Exception {
        Path other = Files.createDirectories(dir.resolve("共享盘"));
        TestDb.withRoster(other).close();
        picker.answer = other.resolve("test.db");

        robot.clickOn("#openDatabaseButton");

        assertEquals(List.of(current.getParent()), picker.askedIn, "the dialog starts in the current file's folder");
        assertEquals(1, activated.size());
        assertEquals(picker.answer, activated.get(0).file());
        assertEquals(Optional.of(picker.answer), new UserPreferences(preferences.file()).database());
        assertEquals(1, dialogs.infos.size());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        assertEquals(SampleMeeting.readTasks().size(), TestDb.sqlLong(current, "SELECT count(*) FROM task"),
                "the previous file is left as it was");
    }

    @Test
    void aNewDatabaseStartsWithTheDefaultRosterOnly(FxRobot robot) {
        picker.answer = dir.resolve("新台账.db");

        robot.clickOn("#newDatabaseButton");

        assertEquals(1, activated.size());
        assertEquals(DefaultRoster.units().size(), TestDb.sqlLong(picker.answer, "SELECT count(*) FROM unit"));
        assertEquals(0, TestDb.sqlLong(picker.answer, "SELECT count(*) FROM task"));
        assertEquals(Optional.of(picker.answer), preferences.database());
    }

    @Test
    void aFileOfAnotherProgramIsRefusedAndNothingChanges(FxRobot robot) throws Exception {
        picker.answer = Files.writeString(dir.resolve("会议纪要.db"), "not a database");

        robot.clickOn("#openDatabaseButton");

        assertTrue(activated.isEmpty());
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).contains("不是督办台数据库"), dialogs.errors.get(0));
        assertEquals("not a database", Files.readString(picker.answer));
        assertEquals(Optional.of(current), preferences.database(), "the remembered choice is unchanged");
        assertFalse(robot.lookup("#openDatabaseButton").queryAs(Button.class).isDisabled());
    }

    @Test
    void aLedgerOpenInAnotherWindowIsRefusedWithTheReason(FxRobot robot) throws Exception {
        Path other = Files.createDirectories(dir.resolve("other"));
        try (Database elsewhere = TestDb.withRoster(other)) {
            picker.answer = elsewhere.file();

            robot.clickOn("#openDatabaseButton");

            assertTrue(activated.isEmpty());
            assertEquals(1, dialogs.errors.size());
            assertTrue(dialogs.errors.get(0).contains("另一个督办台窗口"), dialogs.errors.get(0));
            assertEquals(Optional.of(current), preferences.database());
        }
    }

    @Test
    void newDatabaseOnAnExistingFileIsRefusedAndTheFileKept(FxRobot robot) {
        TestDb.withSample(dir).close();
        picker.answer = dir.resolve("test.db");
        long tasks = TestDb.sqlLong(picker.answer, "SELECT count(*) FROM task");

        robot.clickOn("#newDatabaseButton");

        assertTrue(activated.isEmpty());
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).contains("已经存在"), dialogs.errors.get(0));
        assertEquals(tasks, TestDb.sqlLong(picker.answer, "SELECT count(*) FROM task"));
    }

    @Test
    void theDefaultLocationIsMadeWhenMissingAndTheChoiceForgotten(FxRobot robot) {
        robot.clickOn("#defaultDatabaseButton");

        assertEquals(1, activated.size());
        assertEquals(defaultFile, activated.get(0).file());
        assertEquals(DefaultRoster.units().size(), TestDb.sqlLong(defaultFile, "SELECT count(*) FROM unit"));
        assertEquals(Optional.empty(), preferences.database());
    }

    @Test
    void cancellingTheDialogChangesNothing(FxRobot robot) {
        picker.answer = null;
        robot.clickOn("#openDatabaseButton");
        assertTrue(activated.isEmpty());
        assertTrue(dialogs.errors.isEmpty() && dialogs.infos.isEmpty());
    }
}
