package org.duban.service.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.duban.i18n.LocalizedException;
import org.duban.testing.BadSheets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input is refused with a message that names the file and says what to do. */
class SheetReaderTest {
    @TempDir
    Path dir;

    @Test
    void aZipBombDressedAsXlsxIsRefusedAsSuspicious() {
        Path bomb = BadSheets.zipBomb(dir.resolve("bomb.xlsx"));
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
        Path mixed = BadSheets.mixedEncodings(dir.resolve("拼接.csv"));
        LocalizedException e = assertThrows(LocalizedException.class, () -> SheetReader.read(mixed));
        assertEquals("excel.error.mixedEncoding", e.key());
        assertTrue(e.getLocalizedMessage().contains("拼接.csv") && e.getLocalizedMessage().contains("第 3、4 行是 GBK，其余是 UTF-8"),
                e.getLocalizedMessage());
    }

    @Test
    void aCsvWithLinesInNoKnownEncodingIsRefusedNotGarbled() throws Exception {
        Path bad = BadSheets.undecodable(dir.resolve("乱码.csv"));
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
