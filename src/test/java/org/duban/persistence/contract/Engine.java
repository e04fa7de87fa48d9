package org.duban.persistence.contract;

import java.nio.file.Path;
import java.sql.Statement;
import org.duban.persistence.Database;

/**
 * One database engine the repositories must work on. The contract tests run once per engine in {@link Engines#all}:
 * SQLite, and PostgreSQL when its server answers (a fresh database on it for each test).
 */
public interface Engine {
    /** The name the test report shows: {@code sqlite}, {@code postgresql}. */
    String name();

    /** A new, empty ledger at the newest schema, in {@code dir} (or, for a server, a fresh database of its own). */
    Database create(Path dir);

    /**
     * Rows that other repositories own (a unit, a meeting, a task with a share), as plain SQL that every engine
     * speaks, in one transaction.
     */
    default void seed(Database db, String... sql) {
        db.write(c -> {
            try (Statement st = c.createStatement()) {
                for (String s : sql) {
                    st.executeUpdate(s);
                }
            }
            return null;
        });
    }
}
