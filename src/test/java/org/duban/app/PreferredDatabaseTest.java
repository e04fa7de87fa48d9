package org.duban.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.duban.testing.CliRunner;
import org.duban.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without --db, the command line (like the window) works on the file chosen in the settings. */
class PreferredDatabaseTest {
    @TempDir
    Path dir;
    private String previous;

    @BeforeEach
    void useTemporaryDataFolder() {
        previous = System.getProperty("duban.data.dir");
        System.setProperty("duban.data.dir", dir.resolve("data").toString());
    }

    @AfterEach
    void restore() {
        if (previous == null) {
            System.clearProperty("duban.data.dir");
        } else {
            System.setProperty("duban.data.dir", previous);
        }
    }

    private String statsJson() {
        CliRunner.Result r = CliRunner.run("stats", "--json");
        assertEquals(0, r.code(), r.err());
        return r.out();
    }

    @Test
    void theChosenFileIsUsedWhenNoDbIsGiven() {
        TestDb.withSample(dir).close();
        Path chosen = dir.resolve("test.db");
        UserPreferences.load().setDatabase(chosen);

        assertEquals(chosen, AppPaths.preferredDatabase());
        String json = statsJson();
        assertTrue(json.contains("\"database\": \"" + chosen.toString().replace("\\", "\\\\") + "\""), json);
        assertTrue(json.contains("\"tasks\": " + TestDb.sqlLong(chosen, "SELECT count(*) FROM task") + ","), json);
    }

    @Test
    void withoutAChoiceTheDataFoldersDubanDbIsUsed() {
        assertEquals(dir.resolve("data").resolve(AppPaths.DATABASE_FILE), AppPaths.preferredDatabase());
    }
}
