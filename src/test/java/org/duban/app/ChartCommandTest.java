package org.duban.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.duban.testing.CliRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code chart} on the sample database, headless, as a script would call it. */
class ChartCommandTest {
    @TempDir
    static Path dir;
    static Path db;

    @BeforeAll
    static void sample() {
        db = dir.resolve("sample.db");
        assertEquals(0, CliRunner.run("--db", db.toString(), "sample").code());
    }

    @Test
    void rankingIsA1920By1080PngByDefault() throws Exception {
        Path out = dir.resolve("r.png");
        CliRunner.Result r = CliRunner.run("--db", db.toString(), "chart", "--type", "ranking", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains(out.toAbsolutePath().toString()), r.out());
        BufferedImage img = ImageIO.read(out.toFile());
        assertEquals(1920, img.getWidth());
        assertEquals(1080, img.getHeight());
    }

    @Test
    void everyTypeWritesItsFileAtTheSizeAndDayAskedFor() throws Exception {
        for (String type : new String[] {"status", "trend", "lights", "source", "category"}) {
            Path out = dir.resolve(type + ".png");
            CliRunner.Result r = CliRunner.run("--db", db.toString(), "chart", "--type", type, "--out",
                    out.toString(), "--width", "800", "--height", "600", "--as-of", "2026-06-30");
            assertEquals(0, r.code(), type + ": " + r.err());
            BufferedImage img = ImageIO.read(out.toFile());
            assertEquals(800, img.getWidth(), type);
            assertEquals(600, img.getHeight(), type);
        }
        Path svg = dir.resolve("trend.svg");
        assertEquals(0, CliRunner.run("--db", db.toString(), "chart", "--type", "trend", "--unit", "蕉城",
                "--period", "week", "--out", svg.toString()).code());
        assertTrue(Files.readString(svg).contains("<svg"));
    }

    @Test
    void anUnknownTypeIsAUsageErrorOnOneLineThatListsTheTypes() {
        CliRunner.Result r = CliRunner.run("--db", db.toString(), "chart", "--type", "pie", "--out",
                dir.resolve("p.png").toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("status|ranking|trend|lights"), r.err());
    }

    @Test
    void anUnknownExtensionOrUnitFailsOnOneLineAndWritesNothing() {
        Path txt = dir.resolve("r.txt");
        CliRunner.Result r = CliRunner.run("--db", db.toString(), "chart", "--type", "status", "--out", txt.toString());
        assertEquals(1, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(".svg"), r.err());
        assertFalse(Files.exists(txt));
        CliRunner.Result u = CliRunner.run("--db", db.toString(), "chart", "--type", "trend", "--unit", "火星县",
                "--out", dir.resolve("u.png").toString());
        assertEquals(1, u.code());
        assertTrue(u.err().contains("火星县"), u.err());
    }
}
