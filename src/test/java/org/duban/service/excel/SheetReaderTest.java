package org.duban.service.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.duban.i18n.LocalizedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input is refused with a message that names the file and says what to do. */
class SheetReaderTest {
    @TempDir
    Path dir;

    @Test
    void aZipBombDressedAsXlsxIsRefusedAsSuspicious() throws Exception {
        // A real workbook whose sheet XML is padded with 30 MB of spaces: it zips to almost nothing.
        java.io.ByteArrayOutputStream plain = new java.io.ByteArrayOutputStream();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            wb.createSheet("s").createRow(0).createCell(0).setCellValue("序号");
            wb.write(plain);
        }
        Path bomb = dir.resolve("bomb.xlsx");
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(
                new java.io.ByteArrayInputStream(plain.toByteArray()));
             ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    int afterDecl = xml.indexOf("?>") + 2;
                    zip.write(xml.substring(0, afterDecl).getBytes(StandardCharsets.UTF_8));
                    byte[] spaces = new byte[1 << 20];
                    java.util.Arrays.fill(spaces, (byte) ' ');
                    for (int i = 0; i < 30; i++) {
                        zip.write(spaces);
                    }
                    zip.write(xml.substring(afterDecl).getBytes(StandardCharsets.UTF_8));
                } else {
                    zip.write(content);
                }
            }
        }
        LocalizedException e = assertThrows(LocalizedException.class, () -> SheetReader.read(bomb));
        assertEquals("excel.error.suspicious", e.key());
        assertTrue(e.getLocalizedMessage().contains("bomb.xlsx"), e.getLocalizedMessage());
    }

    @Test
    void aDamagedXlsxIsUnreadableWithAdvice() throws Exception {
        Path bad = dir.resolve("坏文件.xlsx");
        Files.write(bad, new byte[] {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        LocalizedException e = assertThrows(LocalizedException.class, () -> SheetReader.read(bad));
        assertEquals("excel.error.unreadable", e.key());
        assertTrue(e.getLocalizedMessage().contains("另存为 .xlsx"), e.getLocalizedMessage());
    }

    @Test
    void tooManyRowsAreRefusedNotReadIntoMemoryForever() throws Exception {
        Path big = dir.resolve("big.csv");
        try (OutputStream out = Files.newOutputStream(big)) {
            for (int i = 0; i <= SheetReader.MAX_ROWS; i++) {
                out.write((i + ",问题\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        LocalizedException e = assertThrows(LocalizedException.class, () -> SheetReader.read(big));
        assertEquals("excel.error.tooManyRows", e.key());
    }

    @Test
    void gbkAndGb18030AndUtf16TextAreDecoded() throws Exception {
        String text = "序号,责任单位\r\n1,\"蕉城区、福安市\n霞浦县\"\r\n";
        for (Charset cs : new Charset[] {Charset.forName("GBK"), Charset.forName("GB18030"), StandardCharsets.UTF_8}) {
            Path f = dir.resolve("t-" + cs.name() + ".csv");
            Files.write(f, text.getBytes(cs));
            Grid g = SheetReader.read(f).get(0);
            assertEquals("蕉城区、福安市\n霞浦县", g.rows().get(1).cell(1), cs.name());
        }
        Path tabbed = dir.resolve("unicode.txt");
        byte[] body = "序号\t责任单位\r\n1\t古田县\r\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[body.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(body, 0, withBom, 2, body.length);
        Files.write(tabbed, withBom);
        assertEquals("古田县", SheetReader.read(tabbed).get(0).rows().get(1).cell(1));
    }

    @Test
    void aCsvMixingUtf8AndGbkLinesIsRefusedNamingTheOddLines() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.write("序号,问题,责任单位,完成时限\r\n1,河道垃圾,蕉城区,2026年底前\r\n".getBytes(StandardCharsets.UTF_8));
        bytes.write("2,入河排污口,福安市,2026年底前\r\n".getBytes(Charset.forName("GBK")));
        bytes.write("3,扬尘管控,霞浦县,2026年底前\r\n".getBytes(StandardCharsets.UTF_8));
        Path mixed = Files.write(dir.resolve("拼接.csv"), bytes.toByteArray());
        LocalizedException e = assertThrows(LocalizedException.class, () -> SheetReader.read(mixed));
        assertEquals("excel.error.mixedEncoding", e.key());
        assertTrue(e.getLocalizedMessage().contains("拼接.csv") && e.getLocalizedMessage().contains("第 3 行是 GBK，其余是 UTF-8"),
                e.getLocalizedMessage());
    }

    @Test
    void aCsvWithLinesInNoKnownEncodingIsRefusedNotGarbled() throws Exception {
        byte[] head = "序号,问题\r\n".getBytes(Charset.forName("GBK"));
        byte[] junk = {'1', ',', (byte) 0x81, (byte) 0x20, (byte) 0xFF, '\r', '\n'};
        byte[] all = java.util.Arrays.copyOf(head, head.length + junk.length);
        System.arraycopy(junk, 0, all, head.length, junk.length);
        Path bad = Files.write(dir.resolve("乱码.csv"), all);
        LocalizedException e = assertThrows(LocalizedException.class, () -> SheetReader.read(bad));
        assertEquals("excel.error.badEncoding", e.key());
        assertTrue(e.getLocalizedMessage().contains("第 2 行"), e.getLocalizedMessage());
    }

    @Test
    void aMissingFileIsNamed() {
        LocalizedException e = assertThrows(LocalizedException.class, () -> SheetReader.read(dir.resolve("无.xlsx")));
        assertEquals("excel.error.notFound", e.key());
    }
}
