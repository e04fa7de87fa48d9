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
}
