package org.duban.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.duban.persistence.Database;
import org.duban.persistence.LedgerCopy;
import org.duban.persistence.contract.Engines;
import org.duban.persistence.ServerCredentials;
import org.duban.testing.FxStages;
import org.duban.testing.PgServer;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.ui.common.TaskRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole window on a shared ledger: a fresh PostgreSQL database with the sample copied in. Every screen of the
 * rail shows the ledger's content, a seat writes (a progress report lands on the server), the status bar names the
 * server and database, and what only a file has (the backups folder) is explained instead of failing.
 */
@ExtendWith(ApplicationExtension.class)
class SharedLedgerWindowTest {
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final List<LedgerOpener.Opened> activated = new ArrayList<>();
    private static Database db;
    private static Path dir;
    private static String database;
    private static String reader;

    /** One shared ledger for the class (copying the sample in takes a while): made before the window's setup. */
    @BeforeAll
    static void ledger() throws Exception {
        Assumptions.assumeTrue(Engines.POSTGRESQL.available() || "1".equals(System.getenv("DUBAN_REQUIRE_PG")),
                "a PostgreSQL server answers");
        dir = Files.createTempDirectory("duban-shared-window");
        database = Engines.POSTGRESQL.newDatabase();
        db = Database.connect(Engines.POSTGRESQL.url(database), Engines.POSTGRESQL.credentials());
        try (Database sample = TestDb.withSample(dir)) {
            LedgerCopy.copy(sample, db);
        }
    }

    @AfterAll
    static void closeLedger() {
        if (db != null) {
            db.close();
        }
        PgServer.dropDatabaseAndRole(database, reader);
    }

    @Start
    void start(Stage stage) {
        UserPreferences prefs = new UserPreferences(dir.resolve("prefs.properties"));
        DatabaseSwitch onServer = new DatabaseSwitch(null, db.location(), dir.resolve("duban.db"), prefs,
                activated::add);
        AppContext ctx = new AppContext(db, TaskRunner.direct(), dialogs, onServer,
                new TestClock(LocalDate.of(2026, 11, 29)));
        FxStages.show(stage, ctx.mainWindow().root(), 1280, 800);
    }

    @AfterEach
    void close() {
        activated.forEach(o -> o.db().close());
    }

    @Test
    void everyScreenWorksOnTheServerAndTheStatusBarNamesIt(FxRobot robot) {
        String footer = robot.lookup("#databaseLabel").queryAs(Label.class).getText();
        assertTrue(footer.startsWith("共享台账：localhost:5432/duban_test_"), footer);
        assertFalse(footer.contains("duban:"), "no password, no user:password pair");

        assertFalse(robot.lookup("#deskTable").queryAs(TableView.class).getItems().isEmpty(), "the desk has lines");
        robot.clickOn("#navTasks");
        TableView<?> tasks = robot.lookup("#taskTable").queryAs(TableView.class);
        assertFalse(tasks.getItems().isEmpty(), "the sample's tasks");
        robot.clickOn("#navScore");
        assertTrue(robot.lookup("#scoreView").tryQuery().isPresent());
        robot.clickOn("#navCharts");
        assertTrue(robot.lookup("#chartViewer").tryQuery().isPresent());
        robot.clickOn("#navHandouts");
        assertTrue(robot.lookup("#handoutsView").tryQuery().isPresent());
        robot.clickOn("#navInspections");
        assertTrue(robot.lookup("#recordInspectionButton").tryQuery().isPresent());
        robot.clickOn("#navMeetings");
        assertFalse(robot.lookup("#meetingTable").queryAs(TableView.class).getItems().isEmpty(), "the meeting");
        robot.clickOn("#navSettings");
        String note = robot.lookup("#sharedBackupNote").queryAs(Label.class).getText();
        assertTrue(note.contains("copy-to"), note);
        assertTrue(robot.lookup("#backupNowButton").tryQuery().isEmpty(), "no backups folder to fill");
        TextField current = robot.lookup("#currentDatabaseField").queryAs(TextField.class);
        assertEquals(db.location(), current.getText());
        assertFalse(robot.lookup("#defaultDatabaseButton").query().isDisabled(), "the way back to a file");
        robot.clickOn("#connectSharedLedgerButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#sharedHostField").tryQuery().isPresent(), "the connect form opens");
        robot.clickOn("#testConnectionButton");
        assertEquals("请填写服务器的名称或 IP 地址。", robot.lookup("#sharedStatusLabel").queryAs(Label.class).getText());
        robot.clickOn("#closeSharedButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#sharedHostField").tryQuery().isEmpty(), "and closes");
        assertTrue(dialogs.errors.isEmpty(), () -> "no screen failed: " + dialogs.errors);
    }

    @Test
    void aSeatWritesToTheServer(FxRobot robot) {
        long before = LedgerCopy.rowCounts(db).get("progress_report");
        robot.clickOn("#navTasks");
        TableView<?> table = robot.lookup("#taskTable").queryAs(TableView.class);
        robot.interact(() -> {
            table.getSelectionModel().select(0);
            table.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        robot.clickOn("#progressTab");
        robot.clickOn("#percentField").write("95");
        robot.clickOn("#reportTextField").write("共享台账上报的进展");
        robot.clickOn("#addReportButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(dialogs.errors.isEmpty(), () -> "saved without error: " + dialogs.errors);
        assertEquals(before + 1, LedgerCopy.rowCounts(db).get("progress_report"), "the report is on the server");
    }

    @Test
    void aReadOnlyRoleGetsTheReadOnlyWindow(FxRobot robot) {
        reader = PgServer.unique("duban_reader_");
        PgServer.sql("postgres", "CREATE ROLE " + reader + " LOGIN PASSWORD 'reader-pw'",
                "GRANT CONNECT ON DATABASE " + database + " TO " + reader);
        PgServer.sql(database, "GRANT USAGE ON SCHEMA public TO " + reader,
                "GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + reader);
        Database readOnly = LedgerOpener.forServer(db.location(), new ServerCredentials(reader, "reader-pw")).db();
        try {
            robot.interact(() -> {
                Stage s = new Stage();
                AppContext ctx = new AppContext(readOnly, TaskRunner.direct(), dialogs,
                        new DatabaseSwitch(null, readOnly.location(), dir.resolve("duban.db"),
                                new UserPreferences(dir.resolve("prefs2.properties")), activated::add),
                        new TestClock(LocalDate.of(2026, 11, 29)));
                FxStages.show(s, ctx.mainWindow().root(), 1280, 800);
            });
            WaitForAsyncUtils.waitForFxEvents();
            Label footer = robot.lookup("#databaseLabel").match(n -> n.getScene().getRoot().lookup("#readOnlyBanner")
                    != null).queryAs(Label.class);
            assertTrue(footer.getText().contains("只读：登录所用的数据库用户只有查看权限"), footer.getText());
            javafx.scene.Parent root = footer.getScene().getRoot();
            javafx.scene.Node banner = root.lookup("#readOnlyBanner");
            assertTrue(banner.isVisible());
            assertTrue(banner.getAccessibleText().startsWith("只读：登录共享台账所用的数据库用户只有查看权限"),
                    banner.getAccessibleText());
            robot.interact(() -> ((javafx.scene.control.ToggleButton) root.lookup("#navTasks")).fire());
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(root.lookup("#newTaskButton").isDisabled(), "no new task");
            assertFalse(((TableView<?>) root.lookup("#taskTable")).getItems().isEmpty(), "the tasks are shown");
            assertTrue(dialogs.errors.isEmpty(), () -> "nothing failed: " + dialogs.errors);
            robot.interact(() -> footer.getScene().getWindow().hide());
        } finally {
            readOnly.close();
        }
    }
}
