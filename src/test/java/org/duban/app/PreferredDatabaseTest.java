package org.duban.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.duban.app.cli.Cli;
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
        StringWriter out = new StringWriter();
        int code = Cli.create(db -> 0, new PrintWriter(out), new PrintWriter(new StringWriter())).execute("stats", "--json");
        assertEquals(0, code);
        return out.toString();
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
