package org.duban.service.excel;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a CSV file as Chinese offices save it: UTF-8 with or without a BOM, UTF-16 with a BOM (Excel's
 * "Unicode text"), and otherwise GBK, which Chinese Excel writes for "CSV (逗号分隔)". GB18030 is read in its
 * place because it is a superset of GBK and GB2312.
 */
public final class TextDecoding {
    public static final Charset GB18030 = Charset.forName("GB18030");

    private TextDecoding() {
    }

    /** The text and the encoding it was read in. */
    public record Decoded(String text, Charset charset) {
    }

    public static Decoded decode(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new Decoded(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE),
                    StandardCharsets.UTF_16LE);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE),
                    StandardCharsets.UTF_16BE);
        }
        try {
            String utf8 = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return new Decoded(utf8, StandardCharsets.UTF_8);
        } catch (CharacterCodingException notUtf8) {
            // Chinese text in GBK is almost never valid UTF-8: multi-byte UTF-8 needs exact continuation bytes.
            return new Decoded(new String(bytes, GB18030), GB18030);
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
