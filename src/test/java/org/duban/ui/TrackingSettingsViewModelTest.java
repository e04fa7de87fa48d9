package org.duban.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import org.duban.persistence.Database;
import org.duban.service.audit.AuditLog;
import org.duban.service.tracking.LightRule;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestClock;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.duban.ui.common.TaskRunner;
import org.duban.ui.settings.TrackingSettingsViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings sections' state: thresholds checked before saving, values landing in the setting table. */
class TrackingSettingsViewModelTest {
    @TempDir
    Path dir;
    Database db;
    AuditLog audit;
    TrackingSettingsViewModel vm;

    @BeforeEach
    void setUp() {
        db = TestDb.withRoster(dir);
        audit = Wired.audit(db, new TestClock(LocalDate.of(2026, 11, 29)));
        vm = new TrackingSettingsViewModel(audit, Wired.of(audit).trackingSettings(), TaskRunner.direct(), new RecordingDialogs());
        vm.load();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void startsFromTheDefaultsWithNoOperatorSet() {
        assertEquals(LightRule.DEFAULT.redLagPoints(), vm.redLagProperty().get());
        assertEquals(20, vm.evidenceMbProperty().get());
        assertEquals(7, vm.noticeDaysProperty().get());
        assertEquals("", vm.operatorProperty().get(), "the login name shows as a hint, it is not stored");
    }

    @Test
    void thresholdsThatDoNotFitAreRefusedWithTheReason() {
        vm.yellowLagProperty().set(40);
        vm.saveRule();
        assertTrue(vm.ruleErrorProperty().get());
        assertTrue(vm.ruleMessageProperty().get().contains("40"), vm.ruleMessageProperty().get());
        assertEquals(-1, TestDb.sqlLong(db.file(), "SELECT value FROM setting WHERE key = 'light.yellowLagPoints'"));
    }

    @Test
    void savedThresholdsAreTheRuleInForce() {
        vm.redLagProperty().set(25);
        vm.yellowLagProperty().set(5);
        vm.dueSoonProperty().set(20);
        vm.saveRule();
        assertEquals("已保存。", vm.ruleMessageProperty().get());
        assertEquals(new LightRule(25, 5, 20, 30), Wired.of(audit).trackingSettings().rule());
        vm.restoreDefaultRule();
        assertEquals(LightRule.DEFAULT, Wired.of(audit).trackingSettings().rule());
    }

    @Test
    void operatorNoticeDaysAndEvidenceLimitAreSaved() {
        vm.operatorProperty().set("  督办科 王敏 ");
        vm.noticeDaysProperty().set(5);
        vm.evidenceMbProperty().set(50);
        vm.saveTracking();
        assertEquals("督办科 王敏", audit.operator());
        assertEquals(5, Wired.of(audit).trackingSettings().noticeDays());
        assertEquals(50L * 1024 * 1024, Wired.of(audit).trackingSettings().evidenceLimitBytes());
        assertTrue(TestDb.sqlLong(db.file(), "SELECT count(*) FROM audit_log WHERE entity = 'SETTING'") >= 3,
                "setting changes are audited too");
    }
}
