package org.duban.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.duban.model.NoticeLevel;
import org.duban.persistence.Database;
import org.duban.service.audit.AuditLog;
import org.duban.service.ladder.DeskService;
import org.duban.service.ladder.NoticeService;
import org.duban.testing.FxStages;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.duban.ui.common.LedgerAccess;
import org.duban.ui.common.TaskRunner;
import org.duban.ui.desk.DeskView;
import org.duban.ui.desk.DeskViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * 批量发文 from the desk on the sample as of 2026-11-29: the person sees which units and confirms, picks a folder,
 * and gets one PDF and one .docx per unit plus a combined duplex PDF, numbered in roster order, with the progress
 * line saying it is done; a level no unit qualifies for says so and writes nothing; cancelling records nothing.
 */
@ExtendWith(ApplicationExtension.class)
class DeskBatchTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    private Database db;
    private Path dir;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private List<NoticeService.Candidate> qualifying;
    private DeskViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("duban-batch");
        db = TestDb.withSample(dir);
        AuditLog audit = Wired.audit(db, new TestClock(TODAY));
        DeskService desk = Wired.of(audit).desk();
        qualifying = desk.notices().candidates(TODAY, NoticeLevel.CHASE);
        vm = new DeskViewModel(desk, TaskRunner.direct(), dialogs);
        DeskView view = new DeskView(vm, LedgerAccess.writable(), (i, back) -> { });
        vm.load();
        FxStages.show(stage, view.root(), 1280, 800);
    }

    @AfterEach
    void closeDb() {
        db.close();
    }

    private void fire(FxRobot robot, String itemId) {
        MenuButton b = robot.lookup("#deskBatchButton").queryAs(MenuButton.class);
        MenuItem item = b.getItems().stream().filter(i -> itemId.equals(i.getId())).findFirst().orElseThrow();
        robot.interact(item::fire);
    }

    private long notices() {
        return TestDb.sqlLong(db.file(), "SELECT count(*) FROM notice");
    }

    @Test
    void everyQualifyingUnitGetsItsFilesAndTheCombinedPdf(FxRobot robot) throws Exception {
        assertTrue(qualifying.size() >= 3, "units to chase: " + qualifying.size());
        Path out = dir.resolve("催办单");
        dialogs.folderToChoose = out;
        fire(robot, "#deskBatchChase".substring(1));
        String asked = dialogs.confirmations.get(dialogs.confirmations.size() - 1);
        assertTrue(asked.contains(qualifying.size() + " 个单位") && asked.contains(qualifying.get(0).unit().name()), asked);
        assertEquals(qualifying.size(), notices());
        assertEquals(qualifying.size(), TestDb.sqlLong(db.file(), "SELECT count(*) FROM notice WHERE draft = 0 AND level = 1"));
        try (Stream<Path> files = Files.list(out)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(qualifying.size(), names.stream().filter(n -> n.endsWith(".docx")).count(), names.toString());
            assertEquals(qualifying.size() + 1, names.stream().filter(n -> n.endsWith(".pdf")).count(), names.toString());
            String combined = names.stream().filter(n -> n.contains("合订")).findFirst().orElseThrow();
            try (PDDocument doc = Loader.loadPDF(out.resolve(combined).toFile())) {
                assertEquals(0, doc.getNumberOfPages() % 2, "each notice starts on a front side");
            }
        }
        assertEquals(1.0, vm.progressProperty().get());
        String status = robot.lookup("#deskBatchStatus").queryAs(Label.class).getText();
        assertTrue(status.contains("已发出 " + qualifying.size() + " 份催办单"), status);
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        assertEquals("督催〔2026〕1号", TestDb.sqlString(db.file(), "SELECT number_text FROM notice ORDER BY id LIMIT 1"));
    }

    @Test
    void noQualifyingUnitOrACancelWritesNothing(FxRobot robot) {
        dialogs.folderToChoose = dir.resolve("督办");
        fire(robot, "deskBatchOrder");
        assertTrue(dialogs.infos.get(dialogs.infos.size() - 1).contains("没有符合条件的单位"), dialogs.infos.toString());
        assertTrue(dialogs.confirmations.isEmpty(), "nothing to confirm");
        dialogs.answer = false;
        fire(robot, "deskBatchChase");
        assertEquals(1, dialogs.confirmations.size());
        dialogs.answer = true;
        dialogs.folderToChoose = null; // the folder chooser cancelled
        fire(robot, "deskBatchChase");
        assertEquals(0, notices());
        assertTrue(!Files.exists(dir.resolve("督办")));
    }
}
