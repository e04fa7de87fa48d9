package org.duban.persistence;

import java.nio.file.Path;

/**
 * The ledger is open for writing in another copy of the program. The window offers to open it read-only
 * ({@link Database#openReadOnly}); the command line prints the message.
 */
public final class DatabaseInUseException extends PersistenceException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;

    public DatabaseInUseException(Path file, String holder) {
        super(holder.isBlank() ? "db.error.inUse" : "db.error.inUseBy", file, holder);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
