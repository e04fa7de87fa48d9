package org.duban.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.duban.persistence.Database;
import org.duban.service.Services;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.ui.common.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings → 单位名单 without a window: order, retiring and merging as edits, applied together on 保存. */
class RosterViewModelTest {
    @TempDir
    Path dir;
    private Database db;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private RosterViewModel vm;

    @BeforeEach
    void open() {
        db = TestDb.withSample(dir);
        Services services = Services.over(db, new TestClock(LocalDate.of(2026, 11, 30)));
        vm = new RosterViewModel(services.roster(), TaskRunner.direct(), dialogs, services::today);
        vm.load();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private RosterViewModel.Row row(String name) {
        return vm.rows().stream().filter(r -> r.nameProperty().get().equals(name)).findFirst().orElseThrow();
    }

    private List<String> names() {
        return vm.rows().stream().map(r -> r.nameProperty().get()).toList();
    }

    @Test
    void loadingListsTheRosterInItsOrderAllInService() {
        assertEquals(TestDb.sqlLong(db.file(), "SELECT count(*) FROM unit"), vm.rows().size());
        assertEquals(TestDb.sqlString(db.file(), "SELECT name FROM unit ORDER BY sort_order LIMIT 1"), names().get(0));
        assertEquals("在用", vm.stateText(row("柘荣县")));
        assertFalse(vm.dirtyProperty().get());
    }

    @Test
    void movingAUnitUpIsAnEditThatSavesTheNewOrder() {
        String second = names().get(1);
        vm.selectedProperty().set(row(second));
        vm.move(-1);
        assertEquals(second, names().get(0));
        assertTrue(vm.dirtyProperty().get());
        vm.move(-1);
        assertEquals(second, names().get(0), "the first stays first");

        assertTrue(vm.save());
        assertEquals(second, TestDb.sqlString(db.file(), "SELECT name FROM unit ORDER BY sort_order LIMIT 1"));
        assertTrue(vm.messageProperty().get().startsWith("已保存："), vm.messageProperty().get());
        assertFalse(vm.dirtyProperty().get());
    }

    @Test
    void theMergeChooserOffersOnlyOtherUnitsInServiceAndReinstatingUndoesIt() {
        vm.selectedProperty().set(row("屏南县"));
        vm.toggleRetired();
        vm.selectedProperty().set(row("柘荣县"));
        dialogs.choiceToPick = "屏南县";
        vm.chooseMerge();
        assertNull(row("柘荣县").mergeIntoProperty().get(), "a unit being retired cannot take another in");
        assertEquals("把 柘荣县 并入：", dialogs.choices.get(0));

        dialogs.choiceToPick = "寿宁县";
        vm.chooseMerge();
        assertEquals("将并入 寿宁县（未保存）", vm.stateText(row("柘荣县")));
        vm.toggleRetired();
        assertNull(row("柘荣县").mergeIntoProperty().get());
        assertFalse(row("柘荣县").retiredProperty().get());
    }

    @Test
    void declinedConfirmationLeavesTheLedgerAndKeepsTheEdit() {
        String before = TestDb.contentDigest(db.file());
        vm.selectedProperty().set(row("柘荣县"));
        vm.toggleRetired();
        assertEquals("将停用（未保存）", vm.stateText(row("柘荣县")));
        dialogs.answer = false;
        assertFalse(vm.save());
        assertTrue(dialogs.destructive.get(0).contains("· 停用 柘荣县：不再接受新任务"), dialogs.destructive.get(0));
        assertEquals(before, TestDb.contentDigest(db.file()));
        assertTrue(vm.dirtyProperty().get());
        vm.revert();
        assertFalse(vm.dirtyProperty().get());
        assertFalse(row("柘荣县").retiredProperty().get());
    }

    @Test
    void aNewUnitWithAnEmptyNameIsRefusedInChinese() {
        String before = TestDb.contentDigest(db.file());
        vm.add().nameProperty().set(" ");
        assertEquals("新增（未保存）", vm.stateText(vm.rows().get(vm.rows().size() - 1)));
        vm.save();
        assertTrue(vm.errorProperty().get());
        assertEquals("请填写单位名称。", vm.messageProperty().get());
        assertEquals(before, TestDb.contentDigest(db.file()));
    }
}
