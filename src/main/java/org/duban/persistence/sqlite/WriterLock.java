package org.duban.persistence.sqlite;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.duban.persistence.DatabaseInUseException;
import org.duban.persistence.PersistenceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "One writer per ledger": operating-system locks held as long as the database is open for writing. A second copy
 * of the program (or a second computer on a shared folder) finds a lock taken and is told so in words, naming the
 * computer and the process, before SQLite could answer "database is locked".
 *
 * <p>The lock is keyed on the file, not on the name it was reached by. Two names of one file (a symbolic link, a
 * hard link made with {@code ln a.db b.db}) would otherwise let two writers in; worse, SQLite names its write-ahead
 * log after the name it was given, so two names of one file get two logs, and the second writer's checkpoint
 * overwrites pages of the first ("Rowid out of order"). Two locks:
 * <ul>
 *   <li>{@code <database>.lock} beside the file's real path (links followed): the one a second computer on a shared
 *       folder sees;</li>
 *   <li>where the file system tells a file's identity (device and inode on Linux and macOS), a lock named after it in
 *       the computer's temporary folder, {@code duban-locks/}: one per file on this computer however many names it
 *       has, in whatever folders. Windows reports no identity; there a hard-linked ledger is guarded by SQLite's own
 *       locking only.</li>
 * </ul>
 * SQLite's own locking stays underneath as the last line.
 *
 * <p>Only the first byte is locked; who holds it (computer, process, since when) is written after it, so the
 * second copy can name the holder even where locks are mandatory (Windows). The files are left in place on
 * close: deleting a lock file races with the next program that opens it.
 */
final class WriterLock implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WriterLock.class);
    private static final int INFO_OFFSET = 16;
    /** Where the identity locks live: shared by every user of this computer. */
    static final String IDENTITY_FOLDER = "duban-locks";

    private final List<Held> held;

    private record Held(Path file, FileChannel channel, FileLock lock, boolean created) {
    }

    private WriterLock(List<Held> held) {
        this.held = held;
    }

    /** {@code <name>.lock} beside the real file that {@code database} names. */
    static Path lockFileOf(Path database) {
        Path real = realPath(database);
        return real.resolveSibling(real.getFileName() + ".lock");
    }

    /**
     * The file's real path: symbolic links followed. For a file not made yet, its folder's real path and its name
     * (a link that points nowhere yet is followed to where it points).
     */
    static Path realPath(Path database) {
        Path abs = database.toAbsolutePath().normalize();
        try {
            if (Files.exists(abs)) {
                return abs.toRealPath();
            }
            if (Files.isSymbolicLink(abs)) {
                Path target = abs.resolveSibling(Files.readSymbolicLink(abs)).normalize();
                return target.equals(abs) ? abs : realPath(target);
            }
            Path parent = abs.getParent();
            return parent != null && Files.exists(parent) ? parent.toRealPath().resolve(abs.getFileName()) : abs;
        } catch (IOException e) {
            LOG.debug("Could not follow {} to its real path", abs, e);
            return abs;
        }
    }

    /**
     * The lock named after the file's identity, when the file exists and its file system tells one.
     */
    static Optional<Path> identityLockOf(Path database) {
        Path real = realPath(database);
        try {
            Object key = Files.readAttributes(real, BasicFileAttributes.class).fileKey();
            if (key == null) {
                return Optional.empty();
            }
            String name = key.toString().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
            return Optional.of(identityFolder().resolve(name + ".lock"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Path identityFolder() {
        return Path.of(System.getProperty("java.io.tmpdir"), IDENTITY_FOLDER);
    }

    /**
     * Takes the locks for {@code database}. When the database file does not exist yet, only the lock beside it is
     * taken: call {@link #bindIdentity} once the file exists.
     *
     * @throws DatabaseInUseException when another program holds either
     */
    static WriterLock acquire(Path database) {
        List<Held> held = new ArrayList<>();
        try {
            held.add(take(lockFileOf(database), database, false));
            WriterLock lock = new WriterLock(held);
            lock.bindIdentity(database);
            return lock;
        } catch (RuntimeException e) {
            new WriterLock(held).close();
            throw e;
        }
    }

    /** Takes the identity lock of a file that exists now (a new ledger's, once made); nothing where there is none. */
    void bindIdentity(Path database) {
        if (held.size() > 1) {
            return;
        }
        Optional<Path> identity = identityLockOf(database);
        if (identity.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(identity.get().getParent());
            shareWithEveryone(identity.get().getParent(), "rwxrwxrwx");
        } catch (IOException e) {
            LOG.warn("No identity lock for {}: cannot make {}", database, identity.get().getParent(), e);
            return; // the lock beside the file still holds
        }
        try {
            held.add(take(identity.get(), database, true));
        } catch (DatabaseInUseException e) {
            throw e;
        } catch (PersistenceException e) {
            // another user's lock file this one may not open: the lock beside the file still holds
            LOG.warn("No identity lock for {}: {}", database, e.getMessage());
        }
    }

    private static Held take(Path file, Path database, boolean shared) {
        boolean created = !Files.exists(file);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new PersistenceException(e, "db.error.cannotLock", file, e.getMessage());
        }
        if (created && shared) {
            shareWithEveryone(file, "rw-rw-rw-");
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
        return new Held(file, channel, lock, created);
    }

    /**
     * Whether another program (or another open database of this one) holds a writer lock of {@code database} now.
     * Creates no file: where there is no lock file, nobody has ever held it.
     */
    static boolean heldElsewhere(Path database) {
        List<Path> files = new ArrayList<>();
        files.add(lockFileOf(database));
        identityLockOf(database).ifPresent(files::add);
        for (Path f : files) {
            if (!Files.exists(f)) {
                continue;
            }
            try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                FileLock l = ch.tryLock(0, 1, false);
                if (l == null) {
                    return true;
                }
                l.release();
            } catch (OverlappingFileLockException e) {
                return true;
            } catch (IOException e) {
                LOG.debug("Could not test the lock {}", f, e);
            }
        }
        return false;
    }

    /** The identity locks are shared by every user of the computer: whoever makes one lets the others open it. */
    private static void shareWithEveryone(Path p, String permissions) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException | IOException e) {
            LOG.debug("Could not open {} to every user", p, e);
        }
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
    static String hostName() {
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

    /**
     * Releases the locks and removes the lock file beside the database if this lock made it: for an open that was
     * refused (a file of another program), which should leave nothing behind. Safe while the lock is still held:
     * a program that opened the file before sees it locked, one that comes after makes a new one.
     */
    void closeAndRemoveIfNew() {
        closeAndRemove(false);
    }

    /**
     * Releases the locks and removes their files: for a file only this program knows (a restore's private copy),
     * which nobody else can be waiting to open.
     */
    void closeAndRemoveAll() {
        closeAndRemove(true);
    }

    private void closeAndRemove(boolean all) {
        for (Held h : held) {
            if (all || h.created() && !h.file().getParent().endsWith(IDENTITY_FOLDER)) {
                try {
                    Files.deleteIfExists(h.file());
                } catch (IOException e) {
                    LOG.debug("Could not remove {}", h.file(), e);
                }
            }
        }
        close();
    }

    @Override
    public void close() {
        for (int i = held.size() - 1; i >= 0; i--) {
            Held h = held.get(i);
            try {
                h.lock().release();
            } catch (IOException e) {
                LOG.warn("Releasing the writer lock {} failed", h.file(), e);
            }
            closeQuietly(h.channel());
        }
        held.clear();
    }
}
