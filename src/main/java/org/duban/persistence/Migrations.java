package org.duban.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbered SQL migrations of the SQLite ledger, {@code org/duban/db/migration/sqlite/V<n>__what.sql}, as Flyway
 * finds them on the class path: migration {@code V3__x.sql} brings the schema to version 3. A new migration is one
 * new file in that folder ({@link FlywayMigrations} runs them); PostgreSQL's, where its SQL differs, go beside it in
 * {@code …/postgresql}.
 */
public final class Migrations {
    /** Where Flyway looks for the SQLite ledger's migrations. */
    public static final String SQLITE = "classpath:org/duban/db/migration/sqlite";
    /** Where Flyway looks for the PostgreSQL ledger's migrations: the same versions as {@link #SQLITE}'s. */
    public static final String POSTGRESQL = "classpath:org/duban/db/migration/postgresql";
    /** Flyway's table of the migrations applied, in every ledger of either engine. */
    public static final String HISTORY = "flyway_schema_history";
    private static final Pattern NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");

    /**
     * One migration. {@code sql} is null for the scripts on the class path (Flyway reads them); a test may add one
     * of its own with its SQL, run after them.
     */
    public record Migration(int version, String name, String sql) {
        /** The migration's name without its number: {@code audit_hash_chain} (the number may change at merges). */
        public String what() {
            Matcher m = NAME.matcher(name);
            return m.matches() ? m.group(2) : name;
        }

        public boolean onClassPath() {
            return sql == null;
        }
    }

    private Migrations() {
    }

    /** Every migration on the class path, in order; read once (the class path does not change). */
    public static List<Migration> all() {
        return Holder.ALL;
    }

    public static int latestVersion() {
        return all().size();
    }

    private static final class Holder {
        static final List<Migration> ALL = resolve();
    }

    /**
     * The scripts in {@link #SQLITE}, listed from the class path's folder or jar without starting Flyway (every
     * opening asks for the newest version, also the command line's; Flyway starts only when there is something to
     * migrate). {@code FlywayMigrationTest} checks that Flyway resolves the same list.
     */
    private static List<Migration> resolve() {
        List<String> names = new ArrayList<>(scriptNames());
        names.sort(java.util.Comparator.comparingInt(n -> {
            Matcher m = NAME.matcher(n);
            if (!m.matches()) {
                throw new IllegalStateException("Bad migration name in " + SQLITE + ": " + n);
            }
            return Integer.parseInt(m.group(1));
        }));
        List<Migration> list = new ArrayList<>();
        for (String name : names) {
            Matcher m = NAME.matcher(name);
            m.matches();
            int version = Integer.parseInt(m.group(1));
            if (version != list.size() + 1) {
                throw new IllegalStateException("Migrations must be numbered 1, 2, 3 ...: " + name);
            }
            list.add(new Migration(version, name, null));
        }
        return List.copyOf(list);
    }

    /** The file names ending in .sql in the migrations' folder, wherever the class path keeps it. */
    private static java.util.Set<String> scriptNames() {
        String folder = SQLITE.substring("classpath:".length()) + "/";
        java.util.Set<String> names = new java.util.TreeSet<>();
        try {
            var urls = Migrations.class.getClassLoader().getResources(folder);
            while (urls.hasMoreElements()) {
                java.net.URL url = urls.nextElement();
                if ("jar".equals(url.getProtocol())) {
                    var connection = (java.net.JarURLConnection) url.openConnection();
                    connection.setUseCaches(false);
                    try (java.util.jar.JarFile jar = connection.getJarFile()) {
                        jar.stream().map(java.util.jar.JarEntry::getName)
                                .filter(n -> n.startsWith(folder) && n.indexOf('/', folder.length()) < 0)
                                .map(n -> n.substring(folder.length()))
                                .filter(n -> n.endsWith(".sql"))
                                .forEach(names::add);
                    }
                } else {
                    try (var files = java.nio.file.Files.list(java.nio.file.Path.of(url.toURI()))) {
                        files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".sql")).forEach(names::add);
                    }
                }
            }
        } catch (java.io.IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException("Cannot list " + SQLITE, e);
        }
        return names;
    }
}
