package org.duban.persistence.sqlite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleConsumer;
import org.duban.io.Leftovers;
import org.duban.persistence.AuditChain;
import org.duban.persistence.Database;
import org.duban.persistence.LedgerCopy;
import org.duban.persistence.DatabaseInUseException;
import org.duban.persistence.LedgerIdentity;
import org.duban.persistence.Migrations;
import org.duban.persistence.PersistenceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConnection;

/**
 * Whole-ledger copies with SQLite's own machinery, so a copy is always a consistent database even while the
 * program is in use.
 *
 * <ul>
 *   <li>{@link #write}: {@code VACUUM INTO} a temporary name in the target folder, flushed to disk, checked,
 *       then moved into place in one step: a crash or a full disk never leaves a half-written backup under a
 *       backup's name.</li>
 *   <li>{@link #restore}: the candidate is checked first ({@link #verify}: the same checks as opening, plus
 *       {@code PRAGMA integrity_check}), copied beside the backups, that copy upgraded to this version's schema and
 *       checked again, and only then read into the open ledger with the online backup API, which writes it as one
 *       transaction: all of it lands or none of it.</li>
 * </ul>
 */
public final class Backups {
    private static final Logger LOG = LoggerFactory.getLogger(Backups.class);
    private static final int PAGES_PER_STEP = 64;

    private Backups() {
    }

    /**
     * Writes a consistent copy of {@code db} to {@code target}, which must not exist yet.
     *
     * @throws PersistenceException naming the target when it cannot be written (full disk, read-only folder)
     */
    public static void write(Database db, Path target) {
        writeChecked(db, target);
    }

    /**
     * The copy itself, into the new file {@code temp}: a file ledger by SQLite's {@code VACUUM INTO} (a consistent
     * snapshot, compacted); a shared ledger by {@link LedgerCopy} into a new SQLite ledger (issue 16: "a backup of a
     * shared ledger is such a SQLite copy"), every table in one read transaction on the server, the audit chain and
     * the ledger's id kept, the counts compared.
     */
    private static void copyInto(Database db, Path temp) {
        if (db.isShared()) {
            try (Database copy = Database.create(temp)) {
                LedgerCopy.copy(db, copy);
                copy.exclusive(c -> { // one self-contained file, as VACUUM INTO writes it: no log beside it
                    try (Statement st = c.createStatement()) {
                        st.execute("PRAGMA journal_mode = DELETE");
                    }
                    return null;
                });
            }
            try {
                Files.deleteIfExists(WriterLock.lockFileOf(temp)); // the copy's writer lock, held no more
            } catch (IOException e) {
                LOG.debug("Could not remove the lock file of {}", temp, e);
            }
            return;
        }
        db.exclusive(c -> {
            // VACUUM INTO reads every page once, through the ledger's page cache, and gives the copy a cache of the
            // same size: with the ledger's 32 MB, the day's first command held up to 64 MB of pages it never read
            // again (issue 24). The copy is made with SQLite's default 2 MB, then the ledger's size is set back.
            long cacheSize;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA cache_size")) {
                cacheSize = rs.next() ? rs.getLong(1) : -2000;
            }
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA cache_size=-2048");
                st.execute("PRAGMA shrink_memory");
            }
            try (PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
                ps.setString(1, temp.toString());
                ps.execute();
            } finally {
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA cache_size=" + cacheSize);
                }
            }
            return null;
        });
    }

    private static void writeChecked(Database db, Path target) {
        Path abs = target.toAbsolutePath().normalize();
        if (abs.equals(db.file())) {
            throw new PersistenceException("backup.error.sameFile", abs);
        }
        if (Files.exists(abs)) {
            throw new PersistenceException("backup.error.exists", abs);
        }
        Path folder = abs.getParent();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new PersistenceException(e, "backup.error.folder", folder, e.getMessage());
        }
        if (!Files.isWritable(folder)) {
            throw new PersistenceException("backup.error.folderReadOnly", folder);
        }
        Leftovers.removeOrphans(folder, TEMP_GLOB);
        Path temp = tempFor(abs);
        try {
            deleteWithSidecars(temp);
            copyInto(db, temp);
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try (Database copy = Database.openReadOnly(temp)) {
                if (!copy.integrityCheck().isEmpty()) {
                    throw new PersistenceException("backup.error.badCopy", abs);
                }
            }
            Files.move(temp, abs, StandardCopyOption.ATOMIC_MOVE);
            syncFolder(folder);
            LOG.info("Backed up {} to {}", db.location(), abs);
        } catch (PersistenceException e) {
            deleteWithSidecars(temp);
            if ("db.error.diskFull".equals(e.key())) {
                throw new PersistenceException(e, "backup.error.diskFull", folder);
            }
            throw e.key().startsWith("backup.") || "db.error.corrupt".equals(e.key()) ? e
                    : new PersistenceException(e, "backup.error.write", abs, e.getLocalizedMessage());
        } catch (IOException e) {
            deleteWithSidecars(temp);
            throw new PersistenceException(e, "backup.error.write", abs, e.getMessage());
        }
    }

    /**
     * The audit head a copy holds (to be written down with it: a copy rebuilt later no longer has it), read from
     * the copy itself; empty for a copy older than the chain or one that cannot be read.
     */
    public static java.util.Optional<AuditChain.Head> headOf(Path copy) {
        try (Database c = Database.openReadOnly(copy)) {
            return AuditChain.headIfChained(c);
        } catch (RuntimeException e) {
            LOG.warn("Cannot read the audit head of {}", copy, e);
            return java.util.Optional.empty();
        }
    }

    /**
     * Copies the database file (and its WAL, when it holds anything) byte for byte to {@code target}, through a
     * temporary name. Only for a damaged ledger, which {@link #write} cannot read; the writer lock and the
     * database lock keep the file still meanwhile.
     */
    static void copyFiles(Database db, Path target) {
        Path folder = target.getParent();
        Path temp = tempFor(target);
        try {
            Files.createDirectories(folder);
            db.exclusive(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                } catch (java.sql.SQLException e) {
                    LOG.warn("Checkpoint of the damaged {} failed; copying its WAL too", db.file(), e);
                }
                try {
                    Path wal = db.file().resolveSibling(db.file().getFileName() + "-wal");
                    if (Files.exists(wal) && Files.size(wal) > 0) {
                        Files.copy(wal, target.resolveSibling(target.getFileName() + "-wal"));
                    }
                    Files.copy(db.file(), temp);
                    try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                        ch.force(true);
                    }
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                syncFolder(folder);
                return null;
            });
        } catch (IOException | UncheckedIOException e) {
            deleteWithSidecars(temp);
            throw new PersistenceException(e, "backup.error.write", target, e.getMessage());
        }
    }

    /**
     * Checks that {@code candidate} can replace a ledger: a Duban database, not from a newer version, not
     * empty, and sound by {@code PRAGMA integrity_check}. Reads only; the file is not changed.
     *
     * @return the candidate's contents in short (schema version, rows per table)
     * @throws PersistenceException naming the file and what is wrong with it
     */
    public static Map<String, Long> verify(Path candidate) {
        try (Database db = Database.openReadOnly(candidate)) {
            List<String> problems = db.integrityCheck();
            if (!problems.isEmpty()) {
                LOG.warn("{} fails the integrity check: {}", candidate, problems);
                throw new PersistenceException("db.error.corrupt", db.file());
            }
            return fingerprint(db);
        }
    }

    /**
     * Checks {@code candidate} as {@link #verify} does and tells which ledger it holds, for the question before
     * restoring another ledger's backup.
     */
    public static LedgerIdentity.Summary describe(Path candidate) {
        verify(candidate);
        try (Database db = Database.openReadOnly(candidate)) {
            return LedgerIdentity.describe(db);
        }
    }

    /**
     * Replaces the contents of {@code db} with those of {@code source} in one transaction. The caller has backed up
     * the ledger before.
     *
     * <p>All or nothing, the upgrade included: the backup is copied beside the backups, and that private copy is
     * opened and migrated to this version's schema first; only a copy that opened, upgraded and passed
     * {@code integrity_check} is read into the ledger, with the online backup API, as one transaction. A backup whose
     * upgrade fails leaves the ledger as it was. The restored ledger keeps the id of the one it replaced when the
     * backup has none (a backup from before ids); afterwards a checkpoint puts it all into the database file.
     *
     * @param progress receives the share done, 0 to 1
     */
    public static void restore(Database db, Path source, DoubleConsumer progress) {
        db.requireRestorable(); // read-only, or its soundness check has not run (a damaged ledger may be restored)
        Path src = source.toAbsolutePath().normalize();
        if (src.equals(db.file())) {
            throw new PersistenceException("restore.error.sameFile", src);
        }
        verify(src);
        Optional<String> previousId = identityOf(db);
        // Read from a private copy: the user's file stays untouched, and cannot change between check and copy.
        Path staged = tempFor(db.file().resolveSibling(BackupFolder.NAME)
                .resolve(BackupFolder.besides(db.file()).stem() + "-restoring.db"));
        try {
            Files.createDirectories(staged.getParent());
            deleteWithSidecars(staged);
            Files.copy(src, staged);
            Path wal = src.resolveSibling(src.getFileName() + "-wal");
            if (Files.exists(wal)) {
                Files.copy(wal, staged.resolveSibling(staged.getFileName() + "-wal"));
            }
            Map<String, Long> expected = upgrade(staged, src);
            db.exclusive(c -> {
                int rc = c.unwrap(SQLiteConnection.class).getDatabase().restore("main", staged.toString(),
                        (remaining, total) -> progress.accept(total == 0 ? 1 : 1 - (double) remaining / total),
                        100, 10, PAGES_PER_STEP);
                if (rc != 0) {
                    throw new PersistenceException("restore.error.failed", src, rc);
                }
                return null;
            });
            if (!fingerprint(db).equals(expected)) {
                throw new PersistenceException("restore.error.incomplete", src);
            }
            db.repaired(); // a ledger found damaged holds the checked copy now
        } catch (IOException e) {
            throw new PersistenceException(e, "restore.error.copy", src, staged.getParent(), e.getMessage());
        } finally {
            deleteWithSidecars(staged);
        }
        if (LedgerIdentity.of(db).isEmpty()) {
            previousId.ifPresentOrElse(id -> LedgerIdentity.set(db, id), () -> LedgerIdentity.ensure(db));
        }
        db.checkpoint();
        LOG.info("Restored {} from {}", db.file(), src);
    }

    /**
     * Opens the staged copy of a backup, migrates it and checks it; then it is closed, which merges its log, so the
     * file is whole by itself.
     *
     * @return its contents in short, to compare with the ledger after the restore
     */
    private static Map<String, Long> upgrade(Path staged, Path source) {
        try (Database copy = DatabaseOpening.open(staged, Migrations.all(), DatabaseOpening.Purpose.CANDIDATE)) {
            List<String> problems = copy.integrityCheck();
            if (!problems.isEmpty()) {
                LOG.warn("The upgraded copy of {} fails the integrity check: {}", source, problems);
                throw new PersistenceException("db.error.corrupt", source);
            }
            return fingerprint(copy);
        } catch (DatabaseInUseException e) {
            throw e;
        } catch (PersistenceException e) {
            if ("db.error.corrupt".equals(e.key())) {
                throw e;
            }
            LOG.warn("Upgrading the copy of {} failed", source, e);
            throw new PersistenceException(e, "restore.error.upgrade", source, e.getLocalizedMessage());
        }
    }

    /** The ledger's id, when it can be read (a damaged ledger being repaired may not let it). */
    private static Optional<String> identityOf(Database db) {
        try {
            return LedgerIdentity.of(db);
        } catch (PersistenceException e) {
            LOG.debug("No id readable in {}", db.file(), e);
            return Optional.empty();
        }
    }

    /** Schema version and the number of rows of every table: equal after a complete restore. */
    static Map<String, Long> fingerprint(Database db) {
        return db.read(c -> {
            Map<String, Long> map = new LinkedHashMap<>();
            List<String> tables = new ArrayList<>();
            try (Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
                    map.put("#version", rs.next() ? rs.getLong(1) : 0);
                }
                try (ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' "
                        + "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                for (String t : tables) {
                    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM \"" + t.replace("\"", "\"\"") + "\"")) {
                        map.put(t, rs.next() ? rs.getLong(1) : 0);
                    }
                }
            }
            return map;
        });
    }

    /**
     * The temporary name a copy is written under before it is moved to {@code target}: hidden, beside it, and
     * saying whose it is, so that one a killed program left is removed at the next start of work in its folder.
     */
    public static Path tempFor(Path target) {
        return target.resolveSibling("." + target.getFileName() + "." + Leftovers.ownerTag() + ".tmp");
    }

    /** The temporary copies of {@link #tempFor} and SQLite's files beside them. */
    static final String TEMP_GLOB = ".*@.tmp*";

    private static void deleteWithSidecars(Path file) {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            try {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            } catch (IOException e) {
                LOG.warn("Could not delete {}{}", file, suffix, e);
            }
        }
    }

    /** Makes the move into place durable (POSIX); Windows cannot open a folder and needs no such step. */
    private static void syncFolder(Path folder) {
        try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            LOG.debug("Folder sync not available for {}", folder, e);
        }
    }
}
