package org.duban.persistence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "One writer per ledger": an operating-system lock on {@code <database>.lock} beside the database, held as long
 * as the database is open for writing. A second copy of the program (or a second computer on a shared folder)
 * finds the lock taken and is told so in words, before SQLite could answer "database is locked".
 *
 * <p>Only the first byte is locked; who holds it (computer, process, since when) is written after it, so the
 * second copy can name the holder even where locks are mandatory (Windows). The file is left in place on
 * close: deleting a lock file races with the next program that opens it.
 */
final class WriterLock implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WriterLock.class);
    private static final int INFO_OFFSET = 16;

    private final FileChannel channel;
    private final FileLock lock;

    private WriterLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static Path lockFileOf(Path database) {
        return database.resolveSibling(database.getFileName() + ".lock");
    }

    /**
     * Takes the lock for {@code database}.
     *
     * @throws DatabaseInUseException when another program holds it
     */
    static WriterLock acquire(Path database) {
        Path file = lockFileOf(database);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new PersistenceException(e, "db.error.cannotLock", file, e.getMessage());
        }
        FileLock lock;
        try {
            lock = channel.tryLock(0, 1, false);
        } catch (OverlappingFileLockException e) {
            lock = null; // this very program has it open already
        } catch (IOException e) {
            closeQuietly(channel);
            throw new PersistenceException(e, "db.error.cannotLock", file, e.getMessage());
        }
        if (lock == null) {
            String holder = readHolder(channel);
            closeQuietly(channel);
            throw new DatabaseInUseException(database, holder);
        }
        writeHolder(channel);
        return new WriterLock(channel, lock);
    }

    private static void writeHolder(FileChannel channel) {
        String who = hostName() + ", PID " + ProcessHandle.current().pid() + ", "
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        try {
            channel.truncate(INFO_OFFSET);
            channel.write(ByteBuffer.wrap(who.getBytes(StandardCharsets.UTF_8)), INFO_OFFSET);
            channel.force(false);
        } catch (IOException e) {
            LOG.debug("Could not note the lock holder", e); // the lock itself is what counts
        }
    }

    private static String readHolder(FileChannel channel) {
        try {
            long size = channel.size();
            if (size <= INFO_OFFSET || size > 4096) {
                return "";
            }
            ByteBuffer buf = ByteBuffer.allocate((int) (size - INFO_OFFSET));
            channel.read(buf, INFO_OFFSET);
            return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
    }

    /** The computer's name without asking DNS (which can hang for seconds on an office network). */
    private static String hostName() {
        for (String var : new String[] {"COMPUTERNAME", "HOSTNAME"}) {
            String v = System.getenv(var);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        try {
            return Files.readString(Path.of("/etc/hostname"), StandardCharsets.UTF_8).strip();
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("Closing the lock file failed", e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            LOG.warn("Releasing the writer lock failed", e);
        }
        closeQuietly(channel);
    }
}
