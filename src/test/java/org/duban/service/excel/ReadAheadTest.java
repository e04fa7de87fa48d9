package org.duban.service.excel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A sheet's stream read ahead on a thread of its own gives the same bytes, its failures, and stops when closed. */
class ReadAheadTest {
    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new Random(24).nextBytes(b);
        return b;
    }

    @Test
    void givesTheSameBytesInBlocksAndOneByOne() throws IOException {
        byte[] source = bytes(ReadAhead.CHUNK * (ReadAhead.CHUNKS + 3) + 17); // more than the queue holds
        try (ReadAhead in = new ReadAhead(new ByteArrayInputStream(source), "test")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[1000];
            for (int i = 0; i < 5; i++) {
                out.write(in.read()); // a few single bytes first
            }
            for (int n; (n = in.read(buf, 0, buf.length)) > 0; ) {
                out.write(buf, 0, n);
            }
            assertEquals(-1, in.read());
            assertArrayEquals(source, out.toByteArray());
        }
    }

    @Test
    void theInnerStreamsFailureIsThrownWhereReadingReachesIt() {
        byte[] source = bytes(ReadAhead.CHUNK * 2);
        InputStream failing = new FilterInputStream(new ByteArrayInputStream(source)) {
            private int given;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (given >= ReadAhead.CHUNK) {
                    throw new IOException("zip damaged");
                }
                int n = super.read(b, off, Math.min(len, ReadAhead.CHUNK - given));
                given += n;
                return n;
            }
        };
        IOException e = assertThrows(IOException.class, () -> {
            try (ReadAhead in = new ReadAhead(failing, "test")) {
                in.readAllBytes();
            }
        });
        assertEquals("zip damaged", e.getMessage());
    }

    @Test
    void closingBeforeTheEndStopsTheReaderAndClosesTheStream() throws IOException {
        boolean[] closed = {false};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };
        ReadAhead in = new ReadAhead(endless, "test");
        assertEquals('x', in.read());
        in.close();
        assertTrue(closed[0], "the inner stream closed");
        assertFalse(in.readerAlive(), "the reading thread ended");
    }
}
