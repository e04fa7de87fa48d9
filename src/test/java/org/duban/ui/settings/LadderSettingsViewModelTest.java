package org.duban.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import org.duban.persistence.Database;
import org.duban.service.Services;
import org.duban.service.ladder.LadderSettings;
import org.duban.service.score.ScoreRules;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.ui.common.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings → 督办阶梯和考评: the ladder's values and the dated score rules, each saved or refused on its own. */
class LadderSettingsViewModelTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    @TempDir
    Path dir;
    private Database db;
    private Services services;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private LadderSettingsViewModel vm;

    @BeforeEach
    void open() {
        db = TestDb.withRoster(dir);
        services = Services.over(db, new TestClock(TODAY));
        vm = new LadderSettingsViewModel(services.ladderSettings(), services.scores(), TaskRunner.direct(),
                dialogs);
        vm.load();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void loadingShowsTheDefaultsAndTheBuiltInRulesFromNewYear() {
        assertEquals(LadderSettings.DEFAULTS.chasePattern(), vm.chasePattern.get());
        assertEquals(10, vm.escalateDays.get());
        assertEquals(15, vm.deskDays.get());
        assertEquals(LocalDate.of(2026, 1, 1), vm.rulesFrom.get(), "the built-in set is offered from 1 January");
        assertTrue(vm.rulesText.get().contains("超期 = -2"), vm.rulesText.get());
        assertFalse(vm.dirtyProperty().get());
    }

    @Test
    void editsAreDirtyUntilDiscarded() {
        vm.chaseDays.set(9);
        vm.rulesText.set("超期 = -5\n");
        assertTrue(vm.dirtyProperty().get());
        vm.discard();
        assertEquals(5, vm.chaseDays.get());
        assertTrue(vm.rulesText.get().contains("超期 = -2"));
        assertFalse(vm.dirtyProperty().get());
    }

    @Test
    void aPatternWithoutTheNumberIsRefusedAndTheLadderIsUnchanged() {
        String before = TestDb.contentDigest(db.file());
        vm.orderPattern.set("督办第号");
        vm.deskDays.set(30);
        vm.save();
        assertTrue(vm.error.get());
        assertTrue(vm.message.get().startsWith("文号格式“督办第号”不能用"), vm.message.get());
        assertEquals(before, TestDb.contentDigest(db.file()));
        assertTrue(vm.dirtyProperty().get());
    }

    @Test
    void saveChangedSavesTheLadderAndTheRulesThatChangedFromTheirDay() {
        vm.escalateDays.set(12);
        vm.talkAfter.set(3);
        vm.rulesFrom.set(LocalDate.of(2026, 7, 1));
        vm.rulesText.set("基础分 = 100\n超期 = -4\n");
        vm.saveChanged();

        assertFalse(vm.error.get(), vm.message.get());
        assertEquals("已保存。", vm.message.get());
        assertEquals("已保存自 2026-07-01 起施行的规则。", vm.rulesMessage.get());
        LadderSettings.Values v = services.ladderSettings().load();
        assertEquals(12, v.escalateWorkingDays());
        assertEquals(3, v.talkAfterOrders());
        ScoreRules july = services.scores().inForce(LocalDate.of(2026, 8, 1));
        assertEquals(-4, july.points(ScoreRules.Rule.OVERDUE).intValue());
        assertEquals(2, vm.ruleSets.size(), "the built-in set and the new one");
        assertFalse(vm.dirtyProperty().get());
    }

    @Test
    void aRuleLineThatIsNotARuleIsRefusedNamingTheLine() {
        vm.rulesText.set("基础分 = 100\n迟到 = -1\n");
        vm.saveRules();
        assertTrue(vm.rulesError.get());
        assertTrue(vm.rulesMessage.get().startsWith("考评规则第 2 行“迟到 = -1”有误：没有这条规则"), vm.rulesMessage.get());
        assertEquals(1, vm.ruleSets.size());
    }
}
