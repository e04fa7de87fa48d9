package org.duban.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.duban.testing.CliRunner;
import org.duban.testing.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code handouts --out DIR [--unit NAME] [--meeting ID] [--orientation landscape|portrait]}. */
class HandoutsCommandTest {
    @TempDir
    Path dir;
    private String db;

    private static CliRunner.Result run(String... args) {
        return CliRunner.run(args);
    }

    @BeforeEach
    void sample() {
        db = dir.resolve("d.db").toString();
        assertEquals(0, run("--db", db, "sample").code());
    }

    private List<String> pdfs(Path out) throws Exception {
        try (Stream<Path> s = Files.list(out)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".pdf")).sorted().toList();
        }
    }

    @Test
    void writesOnePdfPerUnitWithTasksAndTheCombinedFile() throws Exception {
        Path out = dir.resolve("out");
        CliRunner.Result r = run("--db", db, "handouts", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        long units = TestDb.sqlLong(Path.of(db), "SELECT count(DISTINCT unit_id) FROM assignment");
        List<String> files = pdfs(out);
        assertEquals(units + 1, files.size(), files.toString());
        assertTrue(files.contains("任务清单-蕉城区.pdf"));
        assertTrue(files.contains("任务清单-东侨经济技术开发区.pdf"));
        assertTrue(files.contains("任务清单-合订本.pdf"));
        assertTrue(r.out().contains("已生成 " + units + " 个单位的任务清单"), r.out());
    }

    @Test
    void oneUnitByItsShortNameOrAnAliasInPortrait() throws Exception {
        Path out = dir.resolve("one");
        CliRunner.Result r = run("--db", db, "handouts", "--out", out.toString(), "--unit", "蕉城", "--orientation", "portrait");
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("任务清单-蕉城区.pdf"), pdfs(out));
        try (PDDocument doc = Loader.loadPDF(out.resolve("任务清单-蕉城区.pdf").toFile())) {
            PDRectangle box = doc.getPage(0).getMediaBox();
            assertTrue(box.getWidth() < box.getHeight(), "portrait");
            assertEquals(595.3, box.getWidth(), 0.5, "A4");
        }
        Path alias = dir.resolve("alias");
        assertEquals(0, run("--db", db, "handouts", "--out", alias.toString(), "--unit", "蕉城区人民政府",
                "--meeting", "1").code());
        assertEquals(List.of("任务清单-蕉城区.pdf"), pdfs(alias));
    }

    @Test
    void anUnknownUnitIsOneLineAndNoFile() {
        Path out = dir.resolve("none");
        CliRunner.Result r = run("--db", db, "handouts", "--out", out.toString(), "--unit", "火星区");
        assertEquals(1, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("找不到单位“火星区”"), r.err());
        assertFalse(Files.exists(out.resolve("任务清单-火星区.pdf")));
    }

    @Test
    void anUnknownMeetingOrAMissingFolderOptionIsAnError() {
        CliRunner.Result r = run("--db", db, "handouts", "--out", dir.resolve("x").toString(), "--meeting", "99");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("找不到编号为 99 的会议"), r.err());
        assertEquals(2, run("--db", db, "handouts").code(), "--out is required");
        assertEquals(2, run("--db", db, "handouts", "--out", "x", "--orientation", "sideways").code());
    }
}
