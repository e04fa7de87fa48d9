package org.duban.persistence.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.duban.persistence.PersistenceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** SQLite's result codes in the user's words. */
final class SqlErrors {
    private static final Logger LOG = LoggerFactory.getLogger(SqlErrors.class);
    /** Free space under which SQLite's "cannot open" and I/O errors mean a full disk. */
    private static final long FULL_BELOW = 1024 * 1024;

    private SqlErrors() {
    }

    /** Turns a driver error into a message the user can act on. */
    static PersistenceException translate(SQLException e, Path file) {
        LOG.debug("SQL error on {}", file, e);
        if (e instanceof SQLiteException se) {
            SQLiteErrorCode code = se.getResultCode();
            switch (code.code & 0xff) {
                case 5, 6 -> { // SQLITE_BUSY, SQLITE_LOCKED
                    return new PersistenceException(e, "db.error.busy", file);
                }
                case 8 -> { // SQLITE_READONLY
                    return new PersistenceException(e, "db.error.readOnly", file);
                }
                case 13 -> { // SQLITE_FULL
                    return new PersistenceException(e, "db.error.diskFull", file);
                }
                case 11, 26 -> { // SQLITE_CORRUPT, SQLITE_NOTADB
                    return new PersistenceException(e, "db.error.corrupt", file);
                }
                case 14, 10 -> { // SQLITE_CANTOPEN, SQLITE_IOERR: on a full disk, the log or its index cannot grow
                    return new PersistenceException(e, diskFull(file) ? "db.error.diskFull" : "db.error.cannotOpen",
                            file);
                }
                case 19 -> { // SQLITE_CONSTRAINT
                    return new PersistenceException(e, "db.error.constraint", se.getMessage());
                }
                default -> {
                }
            }
        }
        return new PersistenceException(e, "db.error.generic", file, e.getMessage());
    }

    /** Less room left beside the file than a few pages of log and its index need. */
    static boolean diskFull(Path file) {
        try {
            Path folder = file.toAbsolutePath().getParent();
            return folder != null && Files.getFileStore(folder).getUsableSpace() < FULL_BELOW;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
