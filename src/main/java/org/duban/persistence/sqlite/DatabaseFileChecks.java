package org.duban.persistence.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.duban.persistence.Database;
import org.duban.persistence.PersistenceException;
import org.slf4j.LoggerFactory;

/** What {@link Database} checks on a file before SQLite opens it: it must be SQLite, a file, and writable. */
final class DatabaseFileChecks {
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private DatabaseFileChecks() {
    }

    static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new PersistenceException(e, "db.error.cannotRead", file, e.getMessage());
        }
    }

    static void refuseIfNotSqlite(Path file) {
        if (!Files.exists(file)) {
            return;
        }
        if (Files.isDirectory(file)) {
            throw new PersistenceException("db.error.isFolder", file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(SQLITE_HEADER.length);
            if (head.length == 0) {
                return; // an empty file is an empty database: SQLite itself treats it so
            }
            if (!Arrays.equals(head, SQLITE_HEADER)) {
                throw new PersistenceException("db.error.notDuban", file);
            }
        } catch (IOException e) {
            throw new PersistenceException(e, "db.error.cannotRead", file, e.getMessage());
        }
    }

    /** SQLite needs to write the file and, for its journal and the lock, the folder. */
    static void refuseIfNotWritable(Path file) {
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new PersistenceException("db.error.readOnly", file);
        }
        Path folder = file.getParent();
        if (folder != null && !Files.isWritable(folder)) {
            throw new PersistenceException("db.error.folderReadOnly", folder, file.getFileName());
        }
    }

    /**
     * SQLite's files beside a database ({@code -wal}, {@code -shm}, {@code -journal}) as they were before a
     * connection: a refused file should leave none that were not there. Only when the log is still empty (nothing
     * was written to it), and only files this visit made.
     */
    record SideFiles(Path database, Set<String> present) {
        private static final List<String> SUFFIXES = List.of("-wal", "-shm", "-journal");

        static SideFiles before(Path database) {
            Set<String> present = new HashSet<>();
            for (String suffix : SUFFIXES) {
                if (Files.exists(database.resolveSibling(database.getFileName() + suffix))) {
                    present.add(suffix);
                }
            }
            return new SideFiles(database, present);
        }

        void removeNew() {
            Path wal = database.resolveSibling(database.getFileName() + "-wal");
            try {
                if (!present.contains("-wal") && Files.exists(wal) && Files.size(wal) > 0) {
                    return;
                }
                for (String suffix : SUFFIXES) {
                    if (!present.contains(suffix)) {
                        Files.deleteIfExists(database.resolveSibling(database.getFileName() + suffix));
                    }
                }
            } catch (IOException e) {
                LoggerFactory.getLogger(DatabaseFileChecks.class).debug("Could not tidy beside {}", database, e);
            }
        }
    }
}
