package org.duban.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserPreferencesTest {
    @TempDir
    Path dir;

    @Test
    void aChosenDatabaseIsRememberedAcrossStartsEvenWithAChinesePath() throws Exception {
        Path chosen = Files.createFile(Files.createDirectories(dir.resolve("共享盘 台账")).resolve("2026年交办会.db"));
        Path prefsFile = dir.resolve("data").resolve(UserPreferences.FILE_NAME);
        new UserPreferences(prefsFile).setDatabase(chosen);

        UserPreferences nextStart = new UserPreferences(prefsFile);
        assertEquals(Optional.of(chosen), nextStart.database());
        assertEquals(chosen, nextStart.databaseOr(dir.resolve("default.db")));
        assertTrue(Files.readString(prefsFile).contains("2026年交办会.db"), "written as readable UTF-8");
    }

    @Test
    void withoutAChoiceTheDefaultOpens() {
        UserPreferences prefs = new UserPreferences(dir.resolve(UserPreferences.FILE_NAME));
        assertEquals(Optional.empty(), prefs.database());
        assertEquals(dir.resolve("default.db"), prefs.databaseOr(dir.resolve("default.db")));
        assertFalse(Files.exists(prefs.file()), "reading never creates the file");
    }

    @Test
    void forgettingTheChoiceGoesBackToTheDefault() throws Exception {
        Path chosen = Files.createFile(dir.resolve("other.db"));
        UserPreferences prefs = new UserPreferences(dir.resolve(UserPreferences.FILE_NAME));
        prefs.setDatabase(chosen);
        prefs.setDatabase(null);
        assertEquals(Optional.empty(), prefs.database());
        assertEquals(dir.resolve("default.db"), prefs.databaseOr(dir.resolve("default.db")));
    }

    @Test
    void aChosenFileThatIsMissingIsNotRecreatedButReported() {
        Path onUsbStick = dir.resolve("usb").resolve("duban.db");
        UserPreferences prefs = new UserPreferences(dir.resolve(UserPreferences.FILE_NAME));
        prefs.setDatabase(onUsbStick);

        assertEquals(dir.resolve("default.db"), prefs.databaseOr(dir.resolve("default.db")));
        assertEquals(Optional.of(onUsbStick), prefs.missingDatabase());
        assertEquals(Optional.of(onUsbStick), prefs.database(), "the choice is kept for when the stick is back");
        assertFalse(Files.exists(onUsbStick.getParent()));
    }

    @Test
    void aSavedSharedLedgerIsStartedOnUntilAFileIsChosenAndStaysSavedAfter() {
        UserPreferences prefs = new UserPreferences(dir.resolve("prefs.properties"));
        assertEquals(Optional.empty(), prefs.startServer());
        UserPreferences.SavedServer server = new UserPreferences.SavedServer("postgresql://srv:5432/duban", "clerk");
        prefs.setServer(server);
        assertEquals(Optional.of(server), prefs.startServer());
        prefs.setDatabase(dir.resolve("local.db"));
        assertEquals(Optional.empty(), prefs.startServer(), "a file chosen: the next start opens it");
        assertEquals(Optional.of(server), prefs.server(), "the connection stays saved for the dialog");
        prefs.setSeatOperator("  张敏 ");
        assertEquals(Optional.of("张敏"), prefs.seatOperator());
        prefs.setSeatOperator("");
        assertEquals(Optional.empty(), prefs.seatOperator());
    }
}
