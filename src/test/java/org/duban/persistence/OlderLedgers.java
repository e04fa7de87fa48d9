package org.duban.persistence;

import java.nio.file.Path;

/** Ledgers as an older version of the program left them: only the first migrations applied. */
public final class OlderLedgers {
    private OlderLedgers() {
    }

    /** A new ledger at {@code file} with the schema of {@code version} (migrations 1 to {@code version}). */
    public static Path ofVersion(Path file, int version) {
        Database.open(file, Migrations.all().subList(0, version)).close();
        return file;
    }
}
