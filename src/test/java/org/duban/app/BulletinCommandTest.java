package org.duban.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.duban.testing.CliRunner;
import org.duban.testing.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bulletin --as-of DATE --out FILE.pdf|.docx} and {@code meeting-pack --meeting ID --out DIR}. */
class BulletinCommandTest {
    @TempDir
    Path dir;
    private String db;

    @BeforeEach
    void sample() {
        db = dir.resolve("d.db").toString();
        assertEquals(0, CliRunner.run("--db", db, "sample").code());
    }

    private long bulletins() {
        return TestDb.sqlLong(Path.of(db), "SELECT count(*) FROM bulletin");
    }

    @Test
    void bulletinWritesPdfAndDocxAndIsRecordedOnceForTheDay() throws Exception {
        long before = bulletins();
        Path pdf = dir.resolve("通报.pdf");
        CliRunner.Result r = CliRunner.run("--db", db, "bulletin", "--as-of", "2026-11-29", "--out", pdf.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("已生成第3期通报（截至 2026-11-29）"), r.out());
        assertTrue(r.out().contains("排名变化与 2026-09-29 的通报相比"), r.out());
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            assertTrue(d.getNumberOfPages() >= 2);
        }
        Path docx = dir.resolve("通报.docx");
        assertEquals(0, CliRunner.run("--db", db, "bulletin", "--as-of", "2026-11-29", "--out", docx.toString()).code());
        try (InputStream in = Files.newInputStream(docx); XWPFDocument d = new XWPFDocument(in)) {
            assertEquals(11, d.getTables().get(0).getNumberOfRows(), "header and ten county-level units");
        }
        assertEquals(before + 1, bulletins(), "the PDF and the Word file are one issue");
    }

    @Test
    void aDraftIsNotRecorded() {
        long before = bulletins();
        CliRunner.Result r = CliRunner.run("--db", db, "bulletin", "--as-of", "2026-11-29", "--draft", "--out",
                dir.resolve("草稿.docx").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("未记为已发布"), r.out());
        assertEquals(before, bulletins());
    }

    @Test
    void aDraftForADayBeforeAnIssuedBulletinTakesNoNumberAndSuchADayCannotBeIssued() throws Exception {
        Path draft = dir.resolve("八月草稿.docx");
        CliRunner.Result r = CliRunner.run("--db", db, "bulletin", "--as-of", "2026-08-01", "--draft", "--out",
                draft.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("已生成通报草稿（截至 2026-08-01，不编期号）"), r.out());
        try (InputStream in = Files.newInputStream(draft); XWPFDocument d = new XWPFDocument(in)) {
            String text = new XWPFWordExtractor(d).getText();
            assertTrue(text.contains("第　　期（草稿）"), text.substring(0, 80));
            assertFalse(text.contains("第2期"), "issue 2 is the September bulletin's");
        }
        long before = bulletins();
        Path issued = dir.resolve("八月.pdf");
        r = CliRunner.run("--db", db, "bulletin", "--as-of", "2026-08-01", "--out", issued.toString());
        assertEquals(1, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("第2期") && r.err().contains("--draft"), r.err());
        assertFalse(Files.exists(issued), "nothing written");
        assertEquals(before, bulletins());
    }

    @Test
    void aWrongExtensionOrAMissingDateIsOneLineAndNoFile() {
        CliRunner.Result r = CliRunner.run("--db", db, "bulletin", "--as-of", "2026-11-29", "--out",
                dir.resolve("通报.txt").toString());
        assertEquals(1, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(".pdf 或 .docx"), r.err());
        assertFalse(Files.exists(dir.resolve("通报.txt")));
        assertEquals(2, CliRunner.run("--db", db, "bulletin", "--out", "x.pdf").code(), "--as-of is required");
        assertEquals(2, CliRunner.run("--db", db, "bulletin", "--as-of", "29.11.2026", "--out", "x.pdf").code());
    }

    @Test
    void meetingPackWritesTheWholeFolder() throws Exception {
        long push = TestDb.sqlLong(Path.of(db), "SELECT id FROM meeting WHERE kind = 'PUSH'");
        Path out = dir.resolve("材料");
        CliRunner.Result r = CliRunner.run("--db", db, "meeting-pack", "--meeting", String.valueOf(push), "--out",
                out.toString());
        assertEquals(0, r.code(), r.err());
        Path folder = out.resolve("2026-09-29 推进会");
        assertTrue(r.out().contains(folder.toAbsolutePath().toString()), r.out());
        long files;
        try (Stream<Path> s = Files.walk(folder)) {
            files = s.filter(Files::isRegularFile).count();
        }
        assertTrue(r.out().contains(files + " 个文件"), r.out());
        assertTrue(Files.exists(folder.resolve("通报-2026-09-29.pdf")));
        assertTrue(Files.exists(folder.resolve("通报-2026-09-29.docx")));
        assertTrue(Files.exists(folder.resolve("台账-2026-09-29.xlsx")));
        assertTrue(Files.exists(folder.resolve("任务清单").resolve("任务清单-合订本.pdf")));
        assertTrue(Files.exists(folder.resolve("图表").resolve("1-完成率排名.png")));
    }

    @Test
    void meetingPackOfAnUnknownMeetingIsAnError() {
        CliRunner.Result r = CliRunner.run("--db", db, "meeting-pack", "--meeting", "99", "--out",
                dir.resolve("x").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("找不到编号为 99 的会议"), r.err());
        assertFalse(Files.exists(dir.resolve("x")));
        assertEquals(2, CliRunner.run("--db", db, "meeting-pack", "--out", "x").code(), "--meeting is required");
    }
}
