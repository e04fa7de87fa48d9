package org.duban.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * The numbered SQL migrations of the SQLite ledger, {@code org/duban/db/migration/sqlite/V<n>__what.sql}, as Flyway
 * finds them on the class path: migration {@code V3__x.sql} brings the schema to version 3. A new migration is one
 * new file in that folder ({@link FlywayMigrations} runs them); PostgreSQL's, where its SQL differs, go beside it in
 * {@code …/postgresql}.
 */
final class Migrations {
    /** Where Flyway looks for the SQLite ledger's migrations. */
    static final String SQLITE = "classpath:org/duban/db/migration/sqlite";
    private static final Pattern NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");

    /**
     * One migration. {@code sql} is null for the scripts on the class path (Flyway reads them); a test may add one
     * of its own with its SQL, run after them.
     */
    record Migration(int version, String name, String sql) {
        /** The migration's name without its number: {@code audit_hash_chain} (the number may change at merges). */
        String what() {
            Matcher m = NAME.matcher(name);
            return m.matches() ? m.group(2) : name;
        }

        boolean onClassPath() {
            return sql == null;
        }
    }

    private Migrations() {
    }

    /** Every migration on the class path, in order; read once (the class path does not change). */
    static List<Migration> all() {
        return Holder.ALL;
    }

    static int latestVersion() {
        return all().size();
    }

    private static final class Holder {
        static final List<Migration> ALL = resolve();
    }

    /**
     * What Flyway itself resolves from {@link #SQLITE} (so this list and what runs cannot differ): asked of an
     * empty in-memory database, where every migration is pending.
     */
    private static List<Migration> resolve() {
        Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(SqliteDataSource.inMemory())
                .locations(SQLITE)
                .load();
        List<Migration> list = new ArrayList<>();
        for (MigrationInfo info : flyway.info().all()) {
            String name = info.getScript();
            Matcher m = NAME.matcher(name);
            if (!m.matches()) {
                throw new IllegalStateException("Bad migration name in " + SQLITE + ": " + name);
            }
            int version = Integer.parseInt(m.group(1));
            if (version != list.size() + 1) {
                throw new IllegalStateException("Migrations must be numbered 1, 2, 3 ...: " + name);
            }
            list.add(new Migration(version, name, null));
        }
        return List.copyOf(list);
    }
}
