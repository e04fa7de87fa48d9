package org.duban.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.duban.i18n.LocalizedException;
import org.duban.persistence.Database;
import org.duban.service.sample.SampleMeeting;
import org.duban.service.units.DefaultRoster;
import org.duban.testing.TestDb;
import org.duban.ui.welcome.WelcomeChoice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseFilesTest {
    @TempDir
    Path dir;

    @Test
    void theSampleChoiceMakesAFileWithTheSampleMeetingAndTheRoster() {
        Path file = dir.resolve("new").resolve("duban.db");
        try (Database db = DatabaseFiles.create(file, WelcomeChoice.SAMPLE)) {
            assertEquals(file, db.file());
        }
        assertEquals(1, TestDb.sqlLong(file, "SELECT count(*) FROM meeting WHERE title = '" + SampleMeeting.TITLE + "'"));
        assertEquals(SampleMeeting.readTasks().size(), TestDb.sqlLong(file, "SELECT count(*) FROM task"));
        assertEquals(DefaultRoster.units().size(), TestDb.sqlLong(file, "SELECT count(*) FROM unit"));
    }

    @Test
    void theEmptyChoiceMakesAFileWithTheRosterOnly() {
        Path file = dir.resolve("duban.db");
        DatabaseFiles.create(file, WelcomeChoice.EMPTY).close();
        assertEquals(0, TestDb.sqlLong(file, "SELECT count(*) FROM meeting"));
        assertEquals(0, TestDb.sqlLong(file, "SELECT count(*) FROM task"));
        assertEquals(DefaultRoster.units().size(), TestDb.sqlLong(file, "SELECT count(*) FROM unit"));
    }

    @Test
    void anExistingFileIsNeverOverwritten() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.db"), "minutes of the meeting");
        LocalizedException e = assertThrows(LocalizedException.class, () -> DatabaseFiles.create(file, WelcomeChoice.EMPTY));
        assertTrue(e.getLocalizedMessage().contains("已经存在"), e.getLocalizedMessage());
        assertEquals("minutes of the meeting", Files.readString(file));
    }

    @Test
    void aFileThatCannotBeMadeLeavesNothingBehind() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("blocker"), "x");
        Path file = notAFolder.resolve("duban.db");
        assertThrows(LocalizedException.class, () -> DatabaseFiles.create(file, WelcomeChoice.SAMPLE));
        assertFalse(Files.exists(file));
        assertEquals("x", Files.readString(notAFolder));
    }

    @Test
    void anEmptyFileIsRefusedByTheWindowAndAnOpenButTakenByNewDatabase() throws Exception {
        Path zero = Files.createFile(dir.resolve("zero.db"));
        LocalizedException atStart = assertThrows(LocalizedException.class, () -> LedgerOpener.forWindow(zero));
        assertTrue(atStart.getLocalizedMessage().contains("是空的（0 字节）")
                && atStart.getLocalizedMessage().contains("init"), atStart.getLocalizedMessage());
        DatabaseSwitch switcher = new DatabaseSwitch(dir.resolve("current.db"), dir.resolve("default.db"),
                new UserPreferences(dir.resolve("prefs.properties")), opened -> opened.db().close());
        assertThrows(LocalizedException.class,
                () -> switcher.open(zero, org.duban.ui.settings.DatabaseSwitcher.Intent.OPEN_EXISTING));
        assertEquals(0, Files.size(zero), "left as it was");
        assertEquals(java.util.List.of("zero.db"), names(), "nothing made beside it");

        switcher.open(zero, org.duban.ui.settings.DatabaseSwitcher.Intent.CREATE_NEW).run();
        assertEquals(DefaultRoster.units().size(), TestDb.sqlLong(zero, "SELECT count(*) FROM unit"));
    }

    @Test
    void theWelcomeSaysAFileIsEmptyAndMakesALedgerOfItOnlyWhenAsked() throws Exception {
        Path zero = Files.createFile(dir.resolve("zero.db"));
        org.duban.ui.welcome.WelcomeViewModel vm = new org.duban.ui.welcome.WelcomeViewModel(zero, true,
                org.duban.ui.common.TaskRunner.direct(), new org.duban.testing.RecordingDialogs(),
                new FirstStart(zero, opened -> opened.db().close()));
        assertTrue(vm.intro().contains("是空的（0 字节）") && vm.intro().contains("从文件恢复"), vm.intro());
        assertEquals(0, Files.size(zero), "nothing before the user chooses");
        vm.choose(WelcomeChoice.EMPTY);
        assertEquals(DefaultRoster.units().size(), TestDb.sqlLong(zero, "SELECT count(*) FROM unit"));
    }

    private java.util.List<String> names() throws Exception {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("prefs")).sorted().toList();
        }
    }
}
