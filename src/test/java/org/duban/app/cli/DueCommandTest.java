package org.duban.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.duban.testing.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code due}: the desk as text and JSON on the sample as of 2026-11-29. */
class DueCommandTest {
    @TempDir
    Path dir;

    @Test
    void listsTheDeskAsTextAndJson() {
        String db = dir.resolve("s.db").toString();
        assertEquals(0, CliRunner.run("--db", db, "sample").code());
        CliRunner.Result text = CliRunner.run("--db", db, "due", "--as-of", "2026-11-29");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("已超期（22条）"), text.out());
        assertTrue(text.out().contains("销号待验收"), text.out());
        CliRunner.Result json = CliRunner.run("--db", db, "due", "--as-of", "2026-11-29", "--days", "30", "--json");
        assertEquals(0, json.code(), json.err());
        assertTrue(json.out().contains("\"asOf\": \"2026-11-29\""), json.out());
        assertTrue(json.out().contains("\"OVERDUE\": 22"), json.out());
        assertTrue(json.out().contains("\"days\": 30"), json.out());
        CliRunner.Result bad = CliRunner.run("--db", db, "due", "--days", "-3");
        assertNotEquals(0, bad.code());
        assertTrue(bad.err().contains("--days"), bad.err());
    }
}
