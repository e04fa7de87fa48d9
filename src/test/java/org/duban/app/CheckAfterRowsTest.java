package org.duban.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.duban.i18n.Messages;
import org.duban.persistence.Database;
import org.duban.persistence.PersistenceException;
import org.duban.service.sample.SampleMeeting;
import org.duban.testing.FixedFile;
import org.duban.testing.FxStages;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.duban.ui.common.FxTaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 24, "checks that must run, run after the rows": the window opened by {@link Database#openCheckingLater} shows
 * its desk's rows before the file's soundness check ({@code quick_check}) has run, read-only until it passed; a file
 * that fails it stays read-only, says what the failed check at opening always said, and is never written. The order is
 * shown by a check held on a latch (not by timing), with the real worker thread of the window.
 */
@ExtendWith(ApplicationExtension.class)
class CheckAfterRowsTest {
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final FxTaskRunner runner = new FxTaskRunner();
    private Database db;
    private Stage stage;

    @org.testfx.framework.junit5.Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        runner.close();
        if (db != null) {
            db.close();
        }
    }

    private static Path sample() throws Exception {
        Path dir = Files.createTempDirectory("duban-check-after-rows");
        Path file = dir.resolve("test.db");
        try (Database made = Database.create(file)) {
            SampleMeeting.load(Wired.of(made));
        }
        return file;
    }

    /** The window as the program builds it, and the check started as the program starts it. */
    private CompletableFuture<List<String>> window(FxRobot robot, java.util.concurrent.Callable<List<String>> check) {
        AppContext ctx = new AppContext(db, runner, dialogs, new FixedFile(db.file()),
                new TestClock(LocalDate.of(2026, 11, 29)));
        List<CompletableFuture<List<String>>> outcome = new ArrayList<>();
        robot.interact(() -> {
            FxStages.show(stage, ctx.mainWindow().root(), 1280, 800);
            outcome.add(CheckAfterRows.afterRows(db, ctx.access(), runner, dialogs, check, List::of));
        });
        return outcome.get(0);
    }

    @SuppressWarnings("unchecked")
    private static TableView<Object> desk(FxRobot robot) {
        return robot.lookup("#deskTable").queryAs(TableView.class);
    }

    private static String bannerText(FxRobot robot) {
        Node banner = robot.lookup("#readOnlyBanner").query();
        return ((Label) ((javafx.scene.layout.HBox) banner).getChildren().get(1)).getText();
    }

    private static boolean bannerShown(FxRobot robot) {
        return robot.lookup("#readOnlyBanner").tryQuery().map(Node::isVisible).orElse(false);
    }

    private void selectFirstDeskLine(FxRobot robot) {
        robot.interact(() -> desk(robot).getSelectionModel().select(0));
    }

    @Test
    void theRowsShowFirstAndNothingIsWrittenUntilTheCheckPassed(FxRobot robot) throws Exception {
        Path file = sample();
        db = Database.openCheckingLater(file);
        assertEquals(Database.Soundness.CHECKING, db.soundness(), "a current ledger in WAL mode is checked later");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        int[] rowsWhenChecking = {-1};
        Database opened = db;
        CompletableFuture<List<String>> outcome = window(robot, () -> {
            // the check starts only once the desk's load (queued before it on the worker) has put its rows up
            rowsWhenChecking[0] = desk(robot).getItems().size();
            started.countDown();
            assertTrue(release.await(60, TimeUnit.SECONDS));
            return opened.completeCheck();
        });
        assertTrue(started.await(60, TimeUnit.SECONDS), "the check starts");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(rowsWhenChecking[0] > 0, "the desk showed its lines before the check began");
        assertFalse(outcome.isDone(), "the check is held");
        assertFalse(desk(robot).getItems().isEmpty(), "usable: the lines are there while the check runs");

        TableView<Object> lines = desk(robot);
        robot.interact(() -> {
            lines.requestFocus();
            lines.getSelectionModel().select(0);
            lines.getFocusModel().focus(0);
        });
        robot.type(javafx.scene.input.KeyCode.DOWN);
        assertEquals(1, lines.getSelectionModel().getSelectedIndex(), "the keyboard moves through the lines meanwhile");

        assertTrue(bannerShown(robot), "the window says the file is being checked");
        assertEquals(Messages.tr("app.readOnly.bannerChecking"), bannerText(robot));
        assertFalse(robot.lookup("#readOnlyRestoreButton").query().isVisible(), "nothing to restore while checking");
        selectFirstDeskLine(robot);
        assertTrue(robot.lookup("#deskChaseButton").query().isDisabled(), "no chasing before the check passed");
        String before = TestDb.contentDigest(file);
        PersistenceException refused = assertThrows(PersistenceException.class, () -> opened.write(c -> {
            try (var st = c.createStatement()) {
                return st.executeUpdate("UPDATE task SET title = title || 'x'");
            }
        }));
        assertEquals("db.error.checkPending", refused.key());
        assertTrue(refused.getLocalizedMessage().contains("检查"), refused.getLocalizedMessage());
        assertEquals(before, TestDb.contentDigest(file), "nothing was written");

        release.countDown();
        assertEquals(List.of(), outcome.get(60, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Database.Soundness.SOUND, db.soundness());
        assertFalse(bannerShown(robot), "the note goes once the check passed");
        selectFirstDeskLine(robot);
        assertFalse(robot.lookup("#deskChaseButton").query().isDisabled(), "chasing works now");
        assertEquals(Integer.valueOf(1), db.<Integer>write(c -> {
            try (var st = c.createStatement()) {
                return st.executeUpdate("UPDATE setting SET value = value WHERE key = 'ledger.id'");
            }
        }), "and the ledger takes changes");
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void aDamagedFileShowsItsRowsThenStaysReadOnlyAndIsNeverWritten(FxRobot robot) throws Exception {
        Path file = sample();
        damageAuditTrail(file);
        byte[] damaged = Files.readAllBytes(file);
        assertEquals("db.error.corrupt", assertThrows(PersistenceException.class, () -> Database.open(file)).key(),
                "the commands still refuse it at opening");
        assertArrayEquals(damaged, Files.readAllBytes(file));

        db = Database.openCheckingLater(file);
        Database opened = db;
        CompletableFuture<List<String>> outcome = window(robot, opened::completeCheck);
        List<String> problems = outcome.get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(problems.isEmpty(), "quick_check finds the damage");
        assertEquals(Database.Soundness.DAMAGED, db.soundness());
        assertFalse(desk(robot).getItems().isEmpty(), "the lines read before the check stay on screen");

        assertTrue(bannerShown(robot), "the window stays read-only and says why");
        assertEquals(Messages.tr("app.readOnly.bannerDamaged"), bannerText(robot));
        assertEquals(List.of(Messages.tr("db.error.corrupt", file.toAbsolutePath().normalize())), dialogs.errors,
                "the message of a damaged file at opening: nothing changed, how to restore");
        selectFirstDeskLine(robot);
        assertTrue(robot.lookup("#deskChaseButton").query().isDisabled());
        PersistenceException refused = assertThrows(PersistenceException.class, () -> opened.write(c -> 0));
        assertEquals("db.error.corrupt", refused.key());
        db.close();
        db = null;
        assertArrayEquals(damaged, Files.readAllBytes(file), "the damaged file is exactly as it was");
    }

    /**
     * The damaged file's dialog sends the user to 设置 → 数据备份: restoring from there must work in this window (it
     * did not: the restore buttons were disabled with every write, and the ledger refused the restore as damaged).
     * The damaged file is kept among the backups as it was; the restored ledger takes changes again.
     */
    @Test
    void aDamagedFileIsRepairedByRestoringABackupFromTheSettings(FxRobot robot) throws Exception {
        Path file = sample();
        try (Database sound = Database.open(file)) {
            Wired.of(sound).backups().backupBefore(org.duban.model.BackupReason.MANUAL);
        }
        String soundDigest = TestDb.contentDigest(file);
        damageAuditTrail(file);
        byte[] damaged = Files.readAllBytes(file);

        db = Database.openCheckingLater(file);
        Database opened = db;
        assertFalse(window(robot, opened::completeCheck).get(60, TimeUnit.SECONDS).isEmpty(), "found damaged");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, dialogs.errors.size(), dialogs.errors.toString());
        assertTrue(dialogs.errors.get(0).contains("设置 → 数据备份"), "the message names where to restore");

        assertTrue(robot.lookup("#readOnlyRestoreButton").query().isVisible(), "the banner offers the way");
        robot.clickOn("#readOnlyRestoreButton");
        assertTrue(robot.lookup("#navSettings").queryAs(javafx.scene.control.ToggleButton.class).isSelected());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> !robot.lookup("#backupTable").queryTableView().getItems().isEmpty());
        robot.interact(() -> robot.lookup("#backupTable").queryTableView().getSelectionModel().select(0));
        assertFalse(robot.lookup("#restoreBackupButton").query().isDisabled(),
                "restoring is how a damaged ledger is repaired: the button works on it");
        assertTrue(robot.lookup("#backupKeepSpinner").query().isDisabled(), "other changes stay off");
        robot.clickOn("#restoreBackupButton"); // scrolled into view by the banner's button
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !dialogs.infos.isEmpty() || dialogs.errors.size() > 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, dialogs.errors.size(), dialogs.errors.toString());
        assertEquals(1, dialogs.destructive.size(), "asked first");

        assertEquals(Database.Soundness.SOUND, db.soundness());
        assertFalse(bannerShown(robot), "the read-only note is gone");
        assertFalse(robot.lookup("#readOnlyRestoreButton").query().isVisible());
        assertFalse(robot.lookup("#backupKeepSpinner").query().isDisabled(), "the window takes changes again");
        assertEquals(Integer.valueOf(1), db.<Integer>write(c -> {
            try (var st = c.createStatement()) {
                return st.executeUpdate("UPDATE setting SET value = value WHERE key = 'ledger.id'");
            }
        }), "and so does the ledger");
        db.close();
        db = null;
        assertEquals(soundDigest, TestDb.contentDigest(file), "the ledger holds the backup's contents");
        List<Path> kept;
        try (var files = Files.list(file.resolveSibling("backups"))) {
            kept = files.filter(f -> f.getFileName().toString().endsWith("-restore.db")).toList();
        }
        assertEquals(1, kept.size(), "the damaged file is kept: " + kept);
        assertArrayEquals(damaged, Files.readAllBytes(kept.get(0)), "byte for byte as it was");
    }

    /** Damages the pages of the audit trail (which the desk does not read), as a disk error would. */
    @Test
    void theWindowsCheckWaitsForThePulseThatDrawsTheRows(FxRobot robot) throws Exception {
        db = Database.openCheckingLater(sample());
        AppContext ctx = new AppContext(db, runner, dialogs, new FixedFile(db.file()),
                new TestClock(LocalDate.of(2026, 11, 29)));
        CompletableFuture<Runnable> drawn = new CompletableFuture<>();
        CountDownLatch checked = new CountDownLatch(1);
        List<CompletableFuture<List<String>>> outcome = new ArrayList<>();
        robot.interact(() -> {
            FxStages.show(stage, ctx.mainWindow().root(), 1280, 800);
            outcome.add(CheckAfterRows.afterRows(db, ctx.access(), runner, dialogs, () -> {
                checked.countDown();
                return db.completeCheck();
            }, List::of, drawn::complete)); // the window passes "after the next pulse"; here the test says when
        });
        Runnable begin = drawn.get(30, TimeUnit.SECONDS); // handed over once the desk's rows reached the FX thread
        assertFalse(desk(robot).getItems().isEmpty(), "the rows are there before the check is begun");
        assertEquals(1, checked.getCount(), "not begun before the window says the rows were drawn");
        robot.interact(begin);
        assertEquals(List.of(), outcome.get(0).get(30, TimeUnit.SECONDS));
        assertEquals(0, checked.getCount());
    }

    private static void damageAuditTrail(Path file) throws Exception {
        long pageSize = TestDb.sqlLong(file, "PRAGMA page_size");
        List<Long> pages = new ArrayList<>();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file); var st = c.createStatement();
             var rs = st.executeQuery("SELECT pageno FROM dbstat WHERE name = 'audit_log'")) {
            while (rs.next()) {
                pages.add(rs.getLong(1));
            }
        }
        assertFalse(pages.isEmpty());
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            for (long p : pages) {
                raf.seek(p * pageSize - pageSize + 10);
                raf.write(new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef, 1, 2, 3, 4});
            }
        }
    }

}
