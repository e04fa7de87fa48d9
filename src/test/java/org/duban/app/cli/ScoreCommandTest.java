package org.duban.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.testing.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code score}: the ranking as text, JSON, .xlsx (with the events) and PDF on the sample. */
class ScoreCommandTest {
    @TempDir
    Path dir;

    @Test
    void scoresTheSampleAndExportsTheTable() throws Exception {
        String db = dir.resolve("s.db").toString();
        assertEquals(0, CliRunner.run("--db", db, "sample").code());
        CliRunner.Result json = CliRunner.run("--db", db, "score", "--as-of", "2026-11-29", "--json");
        assertEquals(0, json.code(), json.err());
        assertTrue(json.out().contains("\"from\": \"2026-01-01\""), json.out());
        assertTrue(json.out().contains("\"rule\": \"OVERDUE\""), json.out());
        Path xlsx = dir.resolve("考评.xlsx");
        CliRunner.Result x = CliRunner.run("--db", db, "score", "--as-of", "2026-11-29", "--from", "2026-06-01",
                "--out", xlsx.toString());
        assertEquals(0, x.code(), x.err());
        assertTrue(x.out().contains("2026-06-01"), x.out());
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertEquals(2, wb.getNumberOfSheets());
            assertEquals("排名", wb.getSheetAt(0).getRow(1).getCell(0).getStringCellValue());
            assertTrue(wb.getSheetAt(1).getLastRowNum() > 10, "the events, one a row");
        }
        Path pdf = dir.resolve("考评.pdf");
        assertEquals(0, CliRunner.run("--db", db, "score", "--as-of", "2026-11-29", "--out", pdf.toString()).code());
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertTrue(text.contains("考评得分"), text);
            assertTrue(text.contains("各单位计分明细"), text);
        }
        CliRunner.Result bad = CliRunner.run("--db", db, "score", "--as-of", "2026-01-01", "--from", "2026-06-01");
        assertNotEquals(0, bad.code());
        assertTrue(bad.err().contains("2026-06-01"), bad.err());
    }
}
