package org.duban.service.excel;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a CSV file as Chinese offices save it: UTF-8 with or without a BOM, UTF-16 with a BOM (Excel's
 * "Unicode text"), and otherwise GBK, which Chinese Excel writes for "CSV (逗号分隔)". GB18030 is read in its
 * place because it is a superset of GBK and GB2312. Text that mixes UTF-8 and GBK lines, or has lines in neither,
 * is refused ({@link EncodingException}) rather than read as garbled characters.
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
        String utf8 = strict(StandardCharsets.UTF_8, bytes, 0, bytes.length);
        if (utf8 != null) {
            return new Decoded(utf8, StandardCharsets.UTF_8);
        }
        // Chinese text in GBK is almost never valid UTF-8: multi-byte UTF-8 needs exact continuation bytes. So a
        // file that is not UTF-8 is GBK, unless some of its lines are UTF-8 (two files pasted together) or in
        // neither: reading those as GBK would import garbled text without a word.
        List<Integer> utf8Lines = new ArrayList<>();
        List<Integer> gbkLines = new ArrayList<>();
        List<Integer> unreadable = new ArrayList<>();
        int line = 1;
        for (int start = 0, i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                if (hasNonAscii(bytes, start, i)) {
                    (strict(StandardCharsets.UTF_8, bytes, start, i - start) != null ? utf8Lines
                            : strict(GB18030, bytes, start, i - start) != null ? gbkLines : unreadable).add(line);
                }
                line++;
                start = i + 1;
            }
        }
        if (!unreadable.isEmpty()) {
            throw new EncodingException(unreadable, null, null);
        }
        if (!utf8Lines.isEmpty()) {
            boolean mostlyUtf8 = utf8Lines.size() >= gbkLines.size();
            throw mostlyUtf8 ? new EncodingException(gbkLines, GB18030, StandardCharsets.UTF_8)
                    : new EncodingException(utf8Lines, StandardCharsets.UTF_8, GB18030);
        }
        return new Decoded(new String(bytes, GB18030), GB18030);
    }

    /**
     * The text is not in one encoding that can be read.
     *
     * @param lines     the lines (1 = first) that stand out: in the other encoding, or in none
     * @param lineCharset the encoding of those lines, null when they are in none
     * @param restCharset the encoding of the rest, null when the lines are in none
     */
    public static final class EncodingException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final transient List<Integer> lines;
        private final transient Charset lineCharset;
        private final transient Charset restCharset;

        EncodingException(List<Integer> lines, Charset lineCharset, Charset restCharset) {
            super("Text in mixed or unknown encodings, lines " + lines);
            this.lines = List.copyOf(lines);
            this.lineCharset = lineCharset;
            this.restCharset = restCharset;
        }

        public List<Integer> lines() {
            return lines;
        }

        /** Whether the lines are in an encoding (GBK among UTF-8, or the reverse) rather than in none. */
        public boolean mixed() {
            return lineCharset != null;
        }

        public Charset lineCharset() {
            return lineCharset;
        }

        public Charset restCharset() {
            return restCharset;
        }
    }

    private static String strict(Charset charset, byte[] bytes, int offset, int length) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean hasNonAscii(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] < 0) {
                return true;
            }
        }
        return false;
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
