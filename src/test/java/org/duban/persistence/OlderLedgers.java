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

    /**
     * A ledger as the program left it before Flyway: the schema of {@code version}, kept by {@code PRAGMA
     * user_version} alone, without {@code flyway_schema_history}.
     */
    public static Path beforeFlyway(Path file, int version) {
        ofVersion(file, version);
        org.duban.testing.TestDb.otherTool(file, "DROP TABLE " + Migrations.HISTORY);
        return file;
    }
}
