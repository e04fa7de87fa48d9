package org.duban.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.util.List;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.duban.persistence.Database;
import org.duban.testing.FxStages;
import org.duban.testing.RecordingDialogs;
import org.duban.testing.TestDb;
import org.duban.testing.Wired;
import org.duban.ui.common.TaskRunner;
import org.duban.ui.settings.SettingsView;
import org.duban.ui.settings.handout.HandoutSettingsSection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The handout part of the settings screen: city, fonts and columns, saved to the ledger. */
@ExtendWith(ApplicationExtension.class)
class HandoutSettingsSectionTest {
    private Database db;

    @Start
    void start(Stage stage) throws Exception {
        db = TestDb.withRoster(Files.createTempDirectory("duban-handout-settings"));
        HandoutSettingsSection section = new HandoutSettingsSection(Wired.of(db).handoutSettings(), TaskRunner.direct(),
                new RecordingDialogs());
        FxStages.show(stage, new SettingsView(List.of(section)).root(), 1000, 800);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void dropMoveAndRenameAreSavedForTheNextHandout(FxRobot robot) {
        robot.interact(() -> robot.lookup("#handoutCityField").queryAs(TextField.class).setText("福州市"));
        robot.clickOn("#column-supportingUnits");   // drop 配合单位
        robot.clickOn("#up-deadline");             // 完成时限 before 责任领导
        robot.clickOn("#up-deadline");
        robot.interact(() -> robot.lookup("#saveHandoutSettingsButton").queryButton().fire()); // below the fold

        var saved = Wired.of(db).handoutSettings().load();
        assertEquals("福州市", saved.city());
        assertEquals("seq,problem,target,measures,deadline,leader",
                String.join(",", saved.columns().stream().map(c -> c.column().key()).toList()));
        assertEquals("seq:5,problem:23,target:17,measures:25,deadline:10,leader:10",
                TestDb.sqlString(db.file(), "SELECT value FROM setting WHERE key = 'handout.columns'"));
    }
}
