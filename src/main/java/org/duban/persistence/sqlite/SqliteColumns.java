package org.duban.persistence.sqlite;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.sqlite.jdbc3.JDBC3ResultSet;

/**
 * Reading SQLite's text columns as their UTF-8 bytes. The driver's {@code getString} wraps each value in a direct
 * buffer made through JNI, copies it into an array and decodes that; {@code getBytes} hands over the array. On the
 * checklist's load (550,000 column reads for 10,000 tasks) the buffer path cost a tenth of the load, measured in
 * BENCHMARKS.md ("Checklist load"). Both decode the same bytes the same way, so the strings are the same.
 */
public final class SqliteColumns {
    private SqliteColumns() {
    }

    /** Whether {@code rs} comes from the SQLite driver (whose text columns {@link #text} reads). */
    public static boolean owns(ResultSet rs) {
        return rs instanceof JDBC3ResultSet;
    }

    /**
     * A text column of a SQLite result as a string, null for NULL. Decoded into a buffer kept per thread, then copied
     * once into the string: {@code new String(bytes, UTF_8)} makes a UTF-16 array of twice the bytes and then a
     * trimmed copy of it for Chinese text (3 bytes a character), which was two fifths of all the memory a checklist
     * load of 10,000 tasks allocated and so of its garbage collections (BENCHMARKS.md, helper {@code sta2}). The
     * decoder replaces malformed input as {@code new String(bytes, UTF_8)} does, so the strings are the same.
     */
    public static String text(ResultSet rs, int col) throws SQLException {
        byte[] b = rs.getBytes(col);
        return b == null ? null : DECODING.get().decode(b);
    }

    /** What {@code new String(b, UTF_8)} gives, through a reused decoder and buffer. */
    static String decode(byte[] b) {
        return DECODING.get().decode(b);
    }

    private static final ThreadLocal<Decoding> DECODING = ThreadLocal.withInitial(Decoding::new);

    /** One thread's UTF-8 decoder and its buffer, which grows to the longest text read. */
    private static final class Decoding {
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        private CharBuffer chars = CharBuffer.allocate(256);

        String decode(byte[] b) {
            if (b.length == 0) {
                return "";
            }
            if (chars.capacity() < b.length) { // UTF-8 never has fewer bytes than UTF-16 has chars
                chars = CharBuffer.allocate(Math.max(b.length, chars.capacity() * 2));
            }
            chars.clear();
            decoder.reset();
            decoder.decode(ByteBuffer.wrap(b), chars, true);
            decoder.flush(chars);
            return new String(chars.array(), 0, chars.position());
        }
    }

    /** A text column of a SQLite result as its UTF-8 bytes, null for NULL. */
    public static byte[] bytes(ResultSet rs, int col) throws SQLException {
        return rs.getBytes(col);
    }
}
