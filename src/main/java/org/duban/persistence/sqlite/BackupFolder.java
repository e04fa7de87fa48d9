package org.duban.persistence.sqlite;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duban.model.Backup;
import org.duban.model.BackupReason;
import org.duban.persistence.Database;
import org.duban.persistence.PersistenceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code backups/} folder beside a database: for the default ledger that is the data folder's
 * {@code backups/}; for a file given with {@code --db} it is a {@code backups/} folder next to that file.
 * Copies are named {@code <name>-<yyyyMMdd-HHmmss-SSS>-<reason>.db} after the database ({@code duban.db} →
 * {@code duban-20260319-083000-123-daily.db}), so several ledgers can share a folder and the names sort by time.
 */
public final class BackupFolder {
    public static final String NAME = "backups";
    private static final Logger LOG = LoggerFactory.getLogger(BackupFolder.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
    private static final Pattern REST = Pattern.compile("(\\d{8}-\\d{6}-\\d{3})-([a-z]+)\\.db");

    private final Path folder;
    private final String stem;
    private final Clock clock;

    private BackupFolder(Path folder, String stem, Clock clock) {
        this.folder = folder;
        this.stem = stem;
        this.clock = clock;
    }

    /** The backups of {@code database}, named by the system clock. */
    public static BackupFolder besides(Path database) {
        return besides(database, Clock.systemDefaultZone());
    }

    public static BackupFolder besides(Path database, Clock clock) {
        Path abs = database.toAbsolutePath().normalize();
        String name = abs.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return new BackupFolder(abs.resolveSibling(NAME), stem, clock);
    }

    public Path path() {
        return folder;
    }

    /** The database's file name without its extension: the start of every backup's name. */
    String stem() {
        return stem;
    }

    /** The backups of this database, newest first. */
    public List<Backup> list() {
        List<Backup> list = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return list;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, stem + "-*.db")) {
            for (Path f : files) {
                parse(f).ifPresent(list::add);
            }
        } catch (IOException e) {
            throw new PersistenceException(e, "backup.error.list", folder, e.getMessage());
        }
        list.sort(Comparator.comparing(Backup::takenAt).thenComparing(b -> b.file().getFileName().toString())
                .reversed());
        return list;
    }

    private Optional<Backup> parse(Path f) {
        String name = f.getFileName().toString();
        if (!name.startsWith(stem + "-")) {
            return Optional.empty();
        }
        Matcher m = REST.matcher(name.substring(stem.length() + 1));
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Backup(f, LocalDateTime.parse(m.group(1), STAMP), BackupReason.ofTag(m.group(2)),
                    Files.size(f)));
        } catch (DateTimeParseException | IOException e) {
            return Optional.empty();
        }
    }

    /** Writes a new backup of {@code db} into the folder (never over an existing one). */
    public Backup write(Database db, BackupReason reason) {
        LocalDateTime now = LocalDateTime.now(clock);
        Path target = folder.resolve(nameFor(now, reason));
        while (Files.exists(target)) { // two in the same millisecond
            now = now.plusNanos(1_000_000);
            target = folder.resolve(nameFor(now, reason));
        }
        Backups.write(db, target);
        return parse(target).orElseThrow();
    }

    /**
     * Keeps a damaged ledger's file as it is (SQLite cannot copy a damaged database): the file and its WAL,
     * byte for byte, under a backup's name. Used before a restore repairs the ledger.
     */
    public Backup keepAsIs(Database db, BackupReason reason) {
        Path target = folder.resolve(nameFor(LocalDateTime.now(clock), reason));
        Backups.copyFiles(db, target);
        return parse(target).orElseThrow();
    }

    private String nameFor(LocalDateTime time, BackupReason reason) {
        return stem + "-" + STAMP.format(time) + "-" + reason.tag() + ".db";
    }

    /**
     * Keeps the newest {@code keep} backups of this database and deletes the others. Other files in the folder are
     * never touched (temporary files a killed program left are removed when the ledger opens).
     *
     * @return the backups deleted
     */
    public List<Backup> prune(int keep) {
        List<Backup> all = list();
        List<Backup> deleted = new ArrayList<>();
        for (Backup b : all.subList(Math.min(Math.max(keep, 1), all.size()), all.size())) {
            try {
                Files.deleteIfExists(b.file().resolveSibling(b.file().getFileName() + "-wal"));
                Files.deleteIfExists(b.file());
                deleted.add(b);
            } catch (IOException e) {
                LOG.warn("Could not delete the old backup {}", b.file(), e);
            }
        }
        return deleted;
    }
}
