package org.duban.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.duban.testing.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code chase}: one unit's 催办单 from the command line; a 督办通知书 only once the ladder allows it. */
class ChaseCommandTest {
    @TempDir
    Path dir;

    @Test
    void chasesOneUnitAndSaysWhenNoUnitQualifies() {
        String db = dir.resolve("s.db").toString();
        assertEquals(0, CliRunner.run("--db", db, "sample").code());
        Path out = dir.resolve("out");
        CliRunner.Result r = CliRunner.run("--db", db, "chase", "--as-of", "2026-11-29", "--out", out.toString(),
                "--unit", "蕉城区");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("督催〔2026〕1号"), r.out());
        assertTrue(Files.exists(out.resolve("催办单-蕉城区-2026-11-29.pdf")));
        assertTrue(Files.exists(out.resolve("催办单-蕉城区-2026-11-29.docx")));
        assertTrue(Files.exists(out.resolve("催办单-合订本-2026-11-29.pdf")));
        CliRunner.Result none = CliRunner.run("--db", db, "chase", "--as-of", "2026-11-30", "--out", out.toString(),
                "--level", "2");
        assertEquals(0, none.code(), none.err());
        assertTrue(none.out().contains("没有需要发督办通知书的单位"), none.out());
        CliRunner.Result bad = CliRunner.run("--db", db, "chase", "--as-of", "2026-11-30", "--out", out.toString(),
                "--level", "3");
        assertNotEquals(0, bad.code());
        assertTrue(bad.err().contains("--level"), bad.err());
    }
}
