package org.duban.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.LocalDate;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.duban.persistence.Database;
import org.duban.service.audit.AuditLog;
import org.duban.testing.FxStages;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.duban.ui.common.TaskRunner;
import org.duban.ui.settings.RosterSection;
import org.duban.ui.settings.RosterViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Settings → 单位名单 on the sample ledger: add, rename, retire and merge by hand, saved at once, clashes refused. */
@ExtendWith(ApplicationExtension.class)
class RosterSectionTest {
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private Database db;
    private RosterViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        db = TestDb.withSample(Files.createTempDirectory("duban-roster"));
        AuditLog audit = Wired.audit(db, new TestClock(LocalDate.of(2026, 11, 30)));
        vm = new RosterViewModel(Wired.of(audit).roster(), TaskRunner.direct(), dialogs, audit::today);
        vm.load();
        ScrollPane pane = new ScrollPane(new RosterSection(vm).content());
        pane.setFitToWidth(true);
        FxStages.show(stage, pane, 1280, 760);
    }

    @AfterEach
    void closeDb() {
        db.close();
    }

    @SuppressWarnings("unchecked")
    private TableView<RosterViewModel.Row> table(FxRobot robot) {
        return robot.lookup("#rosterTable").queryAs(TableView.class);
    }

    private RosterViewModel.Row row(String name) {
        return vm.rows().stream().filter(r -> r.nameProperty().get().equals(name)).findFirst().orElseThrow();
    }

    private void select(FxRobot robot, String name) {
        robot.interact(() -> table(robot).getSelectionModel().select(row(name)));
    }

    private String message(FxRobot robot) {
        return robot.lookup("#rosterMessage").queryAs(Label.class).getText();
    }

    @Test
    void aUnitIsAddedByTypingItsNameAndSaved(FxRobot robot) {
        assertTrue(robot.lookup("#saveRosterButton").queryAs(Button.class).isDisabled(), "nothing to save yet");
        robot.clickOn("#addUnitButton");
        WaitForAsyncUtils.waitForFxEvents();
        robot.write("市应急管理局");
        robot.type(KeyCode.ENTER);
        assertTrue(vm.dirtyProperty().get());
        assertEquals("市应急管理局", vm.rows().get(vm.rows().size() - 1).nameProperty().get());

        robot.clickOn("#saveRosterButton");

        assertEquals(1, TestDb.sqlLong(db.file(), "SELECT count(*) FROM unit WHERE name = '市应急管理局' "
                + "AND short_name = '应急管理局' AND sort_order = 24"), message(robot));
        assertTrue(message(robot).contains("新增 1 个单位"), message(robot));
        assertFalse(vm.dirtyProperty().get());
    }

    @Test
    void renamingRetiringAndMergingAreSavedTogetherAfterAConfirmation(FxRobot robot) {
        robot.interact(() -> row("市城市管理局").nameProperty().set("市城市管理和综合执法局"));
        select(robot, "柘荣县");
        robot.clickOn("#retireUnitButton");
        assertEquals("将停用（未保存）", vm.stateText(row("柘荣县")));
        select(robot, "市工业和信息化局");
        dialogs.choiceToPick = "市生态环境局";
        robot.clickOn("#mergeUnitButton");
        assertEquals("将并入 市生态环境局（未保存）", vm.stateText(row("市工业和信息化局")));
        long shares = TestDb.sqlLong(db.file(), "SELECT count(*) FROM assignment a JOIN unit u ON u.id = a.unit_id "
                + "WHERE u.name IN ('市工业和信息化局', '市生态环境局')");

        robot.clickOn("#saveRosterButton");

        assertFalse(dialogs.confirmations.isEmpty(), message(robot));
        String question = dialogs.confirmations.get(0);
        assertTrue(question.contains("停用 柘荣县") && question.contains("把 市工业和信息化局 并入 市生态环境局"), question);
        assertEquals(1, TestDb.sqlLong(db.file(), "SELECT count(*) FROM unit WHERE name = '市城市管理和综合执法局'"));
        assertEquals(1, TestDb.sqlLong(db.file(), "SELECT count(*) FROM unit_alias WHERE alias = '市城市管理局'"));
        assertEquals("2026-11-30", TestDb.sqlString(db.file(), "SELECT retired_on FROM unit WHERE name = '柘荣县'"));
        assertEquals(shares, TestDb.sqlLong(db.file(), "SELECT count(*) FROM assignment a JOIN unit u ON u.id = a.unit_id "
                + "WHERE u.name = '市生态环境局' OR (u.name = '市工业和信息化局' AND a.withdrawn_on IS NOT NULL)"),
                "every share of the merged unit went to 市生态环境局 (or stayed, withdrawn, where both had one)");
        assertTrue(vm.stateText(row("市工业和信息化局")).startsWith("已并入 市生态环境局"));
        assertTrue(table(robot).lookupAll(".table-row-cell").stream()
                .map(n -> (javafx.scene.control.TableRow<?>) n)
                .filter(r -> r.getItem() instanceof RosterViewModel.Row x && x.nameProperty().get().equals("柘荣县"))
                .anyMatch(r -> r.getStyleClass().contains("withdrawn")), "a retired unit is greyed");
    }

    @Test
    void aNameAnotherUnitHasIsRefusedAndNothingIsSaved(FxRobot robot) {
        String before = TestDb.contentDigest(db.file());
        robot.interact(() -> row("福安市").nameProperty().set("福鼎市"));
        robot.clickOn("#saveRosterButton");
        assertTrue(message(robot).contains("“福鼎市”已是“福鼎市”的名称"), message(robot));
        assertEquals(before, TestDb.contentDigest(db.file()));
        assertTrue(vm.dirtyProperty().get(), "the edit stays to be corrected");
        robot.clickOn("#revertRosterButton");
        assertFalse(vm.dirtyProperty().get());
        assertEquals("福安市", vm.rows().get(1).nameProperty().get());
    }
}
