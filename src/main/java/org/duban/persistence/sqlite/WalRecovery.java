package org.duban.persistence.sqlite;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.duban.persistence.PersistenceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A write-ahead log ({@code <ledger>-wal}) left behind by a program that did not close the ledger: a crash, a kill,
 * a power cut. Committed changes may still sit only there, waiting for a checkpoint. When SQLite next opens the
 * ledger it replays the log's frames up to the last commit it can trust, and silently drops everything after a
 * damaged frame, all of it when the log's header is damaged; the first program to close it then deletes the log.
 * So that a damaged log never takes committed work with it unseen:
 *
 * <ol>
 *   <li>before SQLite opens the ledger for writing, a non-empty log is copied with the database into
 *       {@code backups/} as {@code <name>-<time>-wal-recovery.db} and {@code …db-wal} ({@link #keep});</li>
 *   <li>the copied log is read as SQLite reads it ({@link Scan}: header, salts, checksums, commit frames) to learn how
 *       many frames it replays, and how many frames of the same log lie beyond them;</li>
 *   <li>when none do, the copy is deleted again; when some do, the copy stays and {@link Report} says how many saved
 *       changes were dropped, or that an unfinished change was, naming the copy.</li>
 * </ol>
 *
 * The recovery copies are not backups of the usual kind: they are not listed for restoring and never pruned.
 */
final class WalRecovery {
    static final String TAG = "wal-recovery";
    private static final Logger LOG = LoggerFactory.getLogger(WalRecovery.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
    private static final int WAL_HEADER = 32;
    private static final int FRAME_HEADER = 24;
    private static final int MAGIC_LE = 0x377f0682;
    private static final int MAGIC_BE = 0x377f0683;
    private static final int VERSION = 3007000;

    /**
     * What was dropped when the ledger opened.
     *
     * @param copy        the kept database; its log is {@code copy + "-wal"}
     * @param replayed    frames SQLite read into the ledger
     * @param dropped     frames of the same log it did not read
     * @param lostCommits of those, how many ended a saved change (a commit): saved work that is not in the ledger
     * @param cut         the log ends in the middle of a frame (a copy or a disk stopped half way)
     */
    record Report(Path copy, int replayed, int dropped, int lostCommits, boolean cut) {
        /** Saved changes were dropped, not only one that was never finished. */
        boolean savedWorkLost() {
            return lostCommits > 0;
        }
    }

    /** The log and database as they were before opening, kept in the backups folder. */
    record Kept(Path database, Path copy) {
        Path walCopy() {
            return walOf(copy);
        }
    }

    private WalRecovery() {
    }

    static Path walOf(Path database) {
        return database.resolveSibling(database.getFileName() + "-wal");
    }

    static long walSize(Path database) {
        try {
            Path wal = walOf(database);
            return Files.isRegularFile(wal) ? Files.size(wal) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Copies a non-empty log left beside {@code database}, with the database, into the backups folder. Call it with
     * the writer lock held (or known free), before SQLite opens the file for writing.
     *
     * @return the copy, or empty when there is no log to keep
     * @throws PersistenceException when the copy cannot be made: the ledger is then not opened, so the log stays
     */
    static Optional<Kept> keep(Path database, Clock clock) {
        if (walSize(database) == 0) {
            return Optional.empty();
        }
        BackupFolder folder = BackupFolder.besides(database);
        Optional<Path> same = sameCopy(folder, database);
        if (same.isPresent()) {
            return Optional.of(new Kept(database, same.get())); // kept by an earlier opening (check, a reader)
        }
        Path target = folder.path().resolve(folder.stem() + "-" + STAMP.format(LocalDateTime.now(clock)) + "-" + TAG
                + ".db");
        Path temp = Backups.tempFor(target);
        try {
            Files.createDirectories(folder.path());
            Files.copy(walOf(database), walOf(target), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(database, temp, StandardCopyOption.REPLACE_EXISTING);
            force(walOf(target));
            force(temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Kept the log left beside {} as {}", database, target);
            return Optional.of(new Kept(database, target));
        } catch (IOException e) {
            delete(temp);
            delete(walOf(target));
            throw new PersistenceException(e, "db.error.walCopy", database, folder.path(), e.getMessage());
        }
    }

    /** A recovery copy already in the folder that holds exactly this database and log. */
    private static Optional<Path> sameCopy(BackupFolder folder, Path database) {
        if (!Files.isDirectory(folder.path())) {
            return Optional.empty();
        }
        try (var copies = Files.newDirectoryStream(folder.path(), folder.stem() + "-*-" + TAG + ".db")) {
            for (Path copy : copies) {
                if (Files.exists(walOf(copy)) && Files.mismatch(walOf(copy), walOf(database)) == -1
                        && Files.mismatch(copy, database) == -1) {
                    return Optional.of(copy);
                }
            }
        } catch (IOException e) {
            LOG.debug("Could not compare with the kept logs in {}", folder.path(), e);
        }
        return Optional.empty();
    }

    /**
     * Reads the kept log as SQLite did and tells what it dropped; deletes the copy when nothing was.
     */
    static Optional<Report> examine(Kept kept) {
        Scan scan;
        try {
            scan = Scan.of(kept.walCopy(), pageSizeOf(kept.copy()));
        } catch (IOException e) {
            LOG.warn("Could not read the kept log {}", kept.walCopy(), e);
            return Optional.empty();
        }
        if (scan.dropped() == 0 && !scan.cut()) {
            LOG.info("All {} frames of the log beside {} were read; the copy is not needed", scan.replayed(),
                    kept.database());
            delete(kept.walCopy());
            delete(kept.copy());
            return Optional.empty();
        }
        Report r = new Report(kept.copy(), scan.replayed(), scan.dropped(), scan.lostCommits(), scan.cut());
        LOG.warn("The log beside {} lost frames on opening: {}", kept.database(), r);
        return Optional.of(r);
    }

    /** The page size from the database header (a fallback for a log whose header is damaged). */
    private static int pageSizeOf(Path database) {
        try (FileChannel ch = FileChannel.open(database, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(2);
            ch.read(b, 16);
            int v = Short.toUnsignedInt(b.flip().getShort());
            return v == 1 ? 65536 : v;
        } catch (IOException | RuntimeException e) {
            return 4096;
        }
    }

    /**
     * A log read frame by frame the way SQLite's recovery reads it (see "WAL file format" in SQLite's documentation):
     * the header's magic, version, page size and checksum; then each frame's salts and running checksum; frames are
     * replayed up to the last commit frame before the first frame that fails. Frames with the log's salts that lie
     * after that point are what the recovery dropped; frames with other salts are an older generation of the log,
     * already copied into the database before the log was started over.
     */
    record Scan(int replayed, int dropped, int lostCommits, boolean cut) {

        static Scan of(Path wal, int fallbackPageSize) throws IOException {
            try (FileChannel ch = FileChannel.open(wal, StandardOpenOption.READ)) {
                long size = ch.size();
                ByteBuffer header = ByteBuffer.allocate(WAL_HEADER);
                ch.read(header, 0);
                if (header.position() < WAL_HEADER) {
                    return new Scan(0, 0, 0, size > 0);
                }
                int magic = header.getInt(0);
                int pageSize = header.getInt(8);
                boolean bigEndian = magic == MAGIC_BE;
                int[] sum = {0, 0};
                boolean headerOk = (magic == MAGIC_LE || magic == MAGIC_BE) && header.getInt(4) == VERSION
                        && validPageSize(pageSize);
                if (headerOk) {
                    checksum(header.array(), 0, 24, bigEndian, sum);
                    headerOk = sum[0] == header.getInt(24) && sum[1] == header.getInt(28);
                }
                if (!validPageSize(pageSize)) {
                    pageSize = fallbackPageSize;
                }
                int frameSize = FRAME_HEADER + pageSize;
                long frames = (size - WAL_HEADER) / frameSize;
                boolean partial = (size - WAL_HEADER) % frameSize != 0;
                ByteBuffer frame = ByteBuffer.allocate(frameSize);
                int salt1 = header.getInt(16);
                int salt2 = header.getInt(20);
                if (!headerOk) {
                    // SQLite ignores the whole log; the frames still carry the salts of their generation
                    if (frames == 0) {
                        return new Scan(0, 0, 0, partial);
                    }
                    readFrame(ch, frame, 1, frameSize);
                    salt1 = frame.getInt(8);
                    salt2 = frame.getInt(12);
                }
                boolean chainOk = headerOk;
                int goodRun = 0;
                int lastCommit = 0;
                int dropped = 0;
                int lostCommits = 0;
                for (int i = 1; i <= frames; i++) {
                    readFrame(ch, frame, i, frameSize);
                    boolean sameLog = frame.getInt(8) == salt1 && frame.getInt(12) == salt2;
                    boolean commit = frame.getInt(4) != 0;
                    if (chainOk) {
                        checksum(frame.array(), 0, 8, bigEndian, sum);
                        checksum(frame.array(), FRAME_HEADER, pageSize, bigEndian, sum);
                        chainOk = sameLog && frame.getInt(0) != 0 && sum[0] == frame.getInt(16)
                                && sum[1] == frame.getInt(20);
                        if (chainOk) {
                            goodRun = i;
                            lastCommit = commit ? i : lastCommit;
                            continue;
                        }
                    }
                    if (sameLog) {
                        dropped++;
                        lostCommits += commit ? 1 : 0;
                    }
                }
                dropped += goodRun - lastCommit; // read, but after the last commit: a change never finished
                boolean cut = false;
                if (partial) {
                    ByteBuffer tail = ByteBuffer.allocate(FRAME_HEADER);
                    ch.read(tail, WAL_HEADER + frames * frameSize);
                    if (tail.position() >= 16) {
                        cut = tail.getInt(8) == salt1 && tail.getInt(12) == salt2;
                        lostCommits += cut && tail.getInt(4) != 0 ? 1 : 0;
                    } else {
                        cut = true; // not even a frame header left: cannot tell whose, so say it
                    }
                }
                return new Scan(lastCommit, dropped, lostCommits, cut);
            }
        }

        private static void readFrame(FileChannel ch, ByteBuffer frame, long index, int frameSize) throws IOException {
            frame.clear();
            long at = WAL_HEADER + (index - 1) * frameSize;
            while (frame.hasRemaining()) {
                if (ch.read(frame, at + frame.position()) < 0) {
                    break;
                }
            }
            frame.flip();
        }

        private static boolean validPageSize(int size) {
            return size >= 512 && size <= 65536 && Integer.bitCount(size) == 1;
        }

        /** SQLite's log checksum: two running sums over 32-bit words, in the byte order the magic names. */
        static void checksum(byte[] data, int offset, int length, boolean bigEndian, int[] sum) {
            ByteBuffer b = ByteBuffer.wrap(data, offset, length).order(bigEndian ? ByteOrder.BIG_ENDIAN
                    : ByteOrder.LITTLE_ENDIAN);
            int s1 = sum[0];
            int s2 = sum[1];
            for (int i = offset; i < offset + length; i += 8) {
                s1 += b.getInt(i) + s2;
                s2 += b.getInt(i + 4) + s1;
            }
            sum[0] = s1;
            sum[1] = s2;
        }
    }

    private static void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete {}", file, e);
        }
    }
}
