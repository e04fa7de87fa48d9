package org.duban.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.duban.service.tracking.EvidenceService;
import org.duban.testing.CliRunner;
import org.duban.testing.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 23: {@code dossier --task SEQ [--meeting ID] [--unit NAME] --out DIR} and
 * {@code dossier --closed --meeting ID --out DIR} on the sample.
 */
class DossierCommandTest {
    @TempDir
    Path dir;
    private Path db;

    @BeforeEach
    void sample() {
        db = dir.resolve("s.db");
        assertEquals(0, CliRunner.run("--db", db.toString(), "sample").code());
    }

    private static List<Path> files(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        }
    }

    private static String text(Path pdf) throws Exception {
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(d).replaceAll("\\s+", "");
        }
    }

    @Test
    void oneTaskAllUnitsThenOneUnitsShare() throws Exception {
        long evidence = TestDb.sqlLong(db, "SELECT count(*) FROM evidence e JOIN assignment a ON a.id = "
                + "e.assignment_id JOIN task t ON t.id = a.task_id WHERE t.meeting_id = 1 AND t.seq = 1");
        assertTrue(evidence >= 2, "the sample's task 1 has evidence of two units: " + evidence);
        Path out = dir.resolve("out");
        CliRunner.Result all = CliRunner.run("--db", db.toString(), "dossier", "--task", "1", "--meeting", "1",
                "--out", out.toString());
        assertEquals(0, all.code(), all.out() + all.err());
        Path folder = out.resolve("案卷-会议1-序号1");
        assertTrue(all.out().contains("佐证材料 " + evidence + " 份"), all.out());
        List<Path> originals = files(folder.resolve("佐证材料"));
        assertEquals(evidence, originals.size());
        String pdf = text(folder.resolve("案卷-序号1.pdf"));
        for (Path f : originals) {
            String sha = EvidenceService.sha256(Files.readAllBytes(f));
            assertTrue(pdf.contains(f.getFileName().toString()) && pdf.contains(sha), f + " listed with " + sha);
        }

        CliRunner.Result one = CliRunner.run("--db", db.toString(), "dossier", "--task", "1", "--meeting", "1",
                "--unit", "霞浦县", "--out", out.toString());
        assertEquals(0, one.code(), one.out() + one.err());
        Path unitFolder = out.resolve("案卷-会议1-序号1-霞浦县");
        long ofUnit = TestDb.sqlLong(db, "SELECT count(*) FROM evidence e JOIN assignment a ON a.id = "
                + "e.assignment_id JOIN task t ON t.id = a.task_id JOIN unit u ON u.id = a.unit_id "
                + "WHERE t.meeting_id = 1 AND t.seq = 1 AND u.name = '霞浦县'");
        assertTrue(ofUnit > 0 && ofUnit < evidence);
        assertEquals(ofUnit, files(unitFolder.resolve("佐证材料")).size());
        String unitPdf = text(unitFolder.resolve("案卷-序号1.pdf"));
        assertTrue(unitPdf.contains("霞浦县（"), unitPdf);
        assertTrue(!unitPdf.contains("蕉城区（"), "only 霞浦县's share: " + unitPdf);
    }

    @Test
    void everyClosedTaskOfTheMeetingAsTheYearEndArchive() throws Exception {
        Path out = dir.resolve("archive");
        CliRunner.Result r = CliRunner.run("--db", db.toString(), "dossier", "--closed", "--meeting", "1",
                "--out", out.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        List<Path> folders = files(out);
        assertTrue(folders.size() >= 2, folders.toString());
        assertTrue(r.out().contains("已导出 " + folders.size() + " 项已销号任务的案卷"), r.out());
        for (Path f : folders) {
            String name = f.getFileName().toString();
            String seq = name.substring(name.lastIndexOf("序号") + 2);
            String pdf = text(f.resolve("案卷-序号" + seq + ".pdf"));
            assertTrue(pdf.contains("状态已销号"), name + ": " + pdf);
        }
    }

    @Test
    void writingAgainLeavesTheEarlierDossierAndMakesANewFolder() throws Exception {
        Path out = dir.resolve("out");
        for (int i = 0; i < 2; i++) {
            CliRunner.Result r = CliRunner.run("--db", db.toString(), "dossier", "--task", "1", "--meeting", "1",
                    "--out", out.toString());
            assertEquals(0, r.code(), r.out() + r.err());
        }
        Path first = out.resolve("案卷-会议1-序号1");
        Path again = out.resolve("案卷-会议1-序号1（2）");
        assertEquals(List.of(first, again), files(out));
        assertEquals(files(first.resolve("佐证材料")).stream().map(Path::getFileName).toList(),
                files(again.resolve("佐证材料")).stream().map(Path::getFileName).toList());
        assertTrue(Files.exists(again.resolve("案卷-序号1.pdf")));
    }

    @Test
    void neitherATaskNorClosedIsRefusedWithAMessage() {
        CliRunner.Result r = CliRunner.run("--db", db.toString(), "dossier", "--out", dir.resolve("x").toString());
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("--task") && r.err().contains("--closed"), r.err());
        assertTrue(!Files.exists(dir.resolve("x")));
    }
}
