package org.duban.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import org.duban.persistence.Database;
import org.duban.service.Services;
import org.duban.service.bulletin.BulletinSettings;
import org.duban.service.bulletin.LaggingRule;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.ui.common.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings → 通报: the lagging rule checked before saving, unsaved edits seen and thrown away. */
class BulletinSettingsViewModelTest {
    @TempDir
    Path dir;
    private Database db;
    private Services services;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private BulletinSettingsViewModel vm;

    @BeforeEach
    void open() {
        db = TestDb.withRoster(dir);
        services = Services.over(db, new TestClock(LocalDate.of(2026, 11, 30)));
        services.bulletinSettings().save(new BulletinSettings.Values(new LaggingRule(LaggingRule.Kind.BELOW, 5, 70),
                "宁德市督办秘书处", false, true));
        vm = new BulletinSettingsViewModel(services.bulletinSettings(), TaskRunner.direct(), dialogs);
        vm.load();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void loadingShowsTheStoredRuleAndIsNotAnEdit() {
        assertEquals(LaggingRule.Kind.BELOW, vm.kindProperty().get());
        assertEquals(5, vm.countProperty().get());
        assertEquals(70, vm.percentProperty().get());
        assertEquals("宁德市督办秘书处", vm.issuerProperty().get());
        assertFalse(vm.departmentsProperty().get());
        assertTrue(vm.withScoreProperty().get());
        assertFalse(vm.dirtyProperty().get());
        assertTrue(vm.ruleText().contains("完成率低于 70%"), vm.ruleText());
    }

    @Test
    void anEditIsDirtyUntilDiscardedWhichShowsTheStoredValuesAgain() {
        vm.kindProperty().set(LaggingRule.Kind.BOTTOM);
        vm.countProperty().set(7);
        vm.issuerProperty().set("别的单位");
        assertTrue(vm.dirtyProperty().get());
        assertTrue(vm.ruleText().contains("排名后 7 位"), vm.ruleText());
        vm.countProperty().set(5);
        vm.kindProperty().set(LaggingRule.Kind.BELOW);
        vm.issuerProperty().set("宁德市督办秘书处");
        assertFalse(vm.dirtyProperty().get(), "back to the stored values by hand: nothing to save");

        vm.withScoreProperty().set(false);
        vm.percentProperty().set(40);
        vm.discard();
        assertEquals(70, vm.percentProperty().get());
        assertTrue(vm.withScoreProperty().get());
        assertFalse(vm.dirtyProperty().get());
    }

    @Test
    void aCountOutOfRangeIsRefusedWithTheReasonAndNothingIsSaved() {
        vm.kindProperty().set(LaggingRule.Kind.BOTTOM);
        vm.countProperty().set(25);
        assertFalse(vm.save());
        assertTrue(vm.errorProperty().get());
        assertEquals("“后 N 位”的 N 应在 1 到 20 之间。", vm.messageProperty().get());
        assertEquals(LaggingRule.Kind.BELOW, services.bulletinSettings().load().rule().kind());
        assertTrue(vm.dirtyProperty().get(), "the edit stays to be corrected");
    }

    @Test
    void savingStoresTheValuesAndMarksThemClean() {
        vm.kindProperty().set(LaggingRule.Kind.BOTTOM);
        vm.countProperty().set(4);
        vm.departmentsProperty().set(true);
        assertTrue(vm.save());
        assertFalse(vm.errorProperty().get());
        assertEquals("已保存。下次生成通报时生效。", vm.messageProperty().get());
        assertFalse(vm.dirtyProperty().get());
        BulletinSettings.Values v = services.bulletinSettings().load();
        assertEquals(new LaggingRule(LaggingRule.Kind.BOTTOM, 4, 70), v.rule());
        assertTrue(v.rankDepartments());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }
}
