package org.duban.service.excel;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A stream read ahead by a daemon thread of its own: a sheet's XML is inflated from the .xlsx's zip there while this
 * thread parses what came before (inflating was about a tenth of reading the bench's 10,000-row list, issue 24).
 * At most {@link #CHUNKS} chunks wait, so memory stays bounded. What the inner stream throws (a damaged zip, a zip
 * bomb refused) is thrown here, by the reading that reaches it. Closing stops the reader and closes the inner stream.
 */
final class ReadAhead extends InputStream {
    static final int CHUNK = 64 * 1024;
    static final int CHUNKS = 8;
    private static final byte[] END = new byte[0];

    private final InputStream in;
    private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(CHUNKS);
    private final Thread reader;
    private volatile Throwable failure;
    private volatile boolean closed;
    private byte[] current = new byte[0];
    private int at;
    private boolean ended;

    ReadAhead(InputStream in, String name) {
        this.in = in;
        this.reader = new Thread(this::fill, "read-ahead " + name);
        reader.setDaemon(true);
        reader.start();
    }

    private void fill() {
        try {
            while (!closed) {
                byte[] buf = in.readNBytes(CHUNK);
                if (buf.length == 0) {
                    break;
                }
                while (!closed && !chunks.offer(buf, 100, TimeUnit.MILLISECONDS)) {
                    // the parser is behind: wait, unless it closed the stream
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) { // handed to the reading thread, which throws it
            failure = t;
        } finally {
            try {
                while (!closed && !chunks.offer(END, 100, TimeUnit.MILLISECONDS)) {
                    // room for the end mark once the parser takes a chunk
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The next chunk, false at the end; rethrows what the reader met. */
    private boolean next() throws IOException {
        if (ended) {
            return false;
        }
        try {
            current = chunks.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("Reading was interrupted");
        }
        at = 0;
        if (current == END) {
            ended = true;
            Throwable t = failure;
            if (t instanceof IOException io) {
                throw io;
            } else if (t instanceof RuntimeException r) {
                throw r;
            } else if (t instanceof Error err) {
                throw err;
            } else if (t != null) {
                throw new IOException(t);
            }
            return false;
        }
        return true;
    }

    @Override
    public int read() throws IOException {
        while (at >= current.length) {
            if (!next()) {
                return -1;
            }
        }
        return current[at++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (at >= current.length) {
            if (!next()) {
                return -1;
            }
        }
        int n = Math.min(len, current.length - at);
        System.arraycopy(current, at, b, off, n);
        at += n;
        return n;
    }

    /** Whether the reading thread still runs (the tests' look). */
    boolean readerAlive() {
        return reader.isAlive();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            in.close();
        }
    }
}
