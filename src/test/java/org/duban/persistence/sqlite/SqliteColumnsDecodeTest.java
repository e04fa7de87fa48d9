package org.duban.persistence.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link SqliteColumns}' own decoding gives the strings {@code new String(bytes, UTF_8)} gives: on text of every
 * width (ASCII, Chinese, emoji), on long text after short (the buffer grows), and on malformed bytes (cut sequences,
 * stray continuation bytes, overlong forms, surrogates encoded in UTF-8, bytes no UTF-8 has), each replaced alike.
 */
class SqliteColumnsDecodeTest {
    @Test
    void decodesAsTheStringConstructorDoes() {
        List<byte[]> inputs = new ArrayList<>();
        for (String s : List.of("", "a", "整改方案", "渔排 pm2.5 😀 污水", "x".repeat(300), "督".repeat(5000),
                "mixed 中文\\t\\n\\u0000 end")) {
            inputs.add(s.getBytes(StandardCharsets.UTF_8));
        }
        int[][] malformed = {{0xE6, 0xB1}, {0x80}, {0xC0, 0xAF}, {0xED, 0xA0, 0x80}, {0xF8, 0x88, 0x80, 0x80, 0x80},
            {0xFF, 0x41}, {0xF0, 0x9F, 0x98}, {0xE6, 0x41, 0xB1}, {0xF4, 0x90, 0x80, 0x80}, {0x41, 0xC3}};
        for (int[] m : malformed) {
            byte[] b = new byte[m.length];
            for (int i = 0; i < m.length; i++) {
                b[i] = (byte) m[i];
            }
            inputs.add(b);
        }
        Random r = new Random(24);
        for (int i = 0; i < 2000; i++) { // random bytes, mostly malformed, of many lengths
            byte[] b = new byte[r.nextInt(40)];
            r.nextBytes(b);
            inputs.add(b);
        }
        for (byte[] b : inputs) {
            assertEquals(new String(b, StandardCharsets.UTF_8), SqliteColumns.decode(b), java.util.Arrays.toString(b));
        }
    }
}
