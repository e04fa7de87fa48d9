package org.duban.persistence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbered SQL migrations in {@code org/duban/db/migration/}, listed in order in {@code migrations.txt}
 * (a jar cannot be listed reliably). Migration {@code V3__x.sql} brings the schema to version 3.
 */
final class Migrations {
    private static final String DIR = "/org/duban/db/migration/";
    private static final Pattern NAME = Pattern.compile("V(\\d+)__[A-Za-z0-9_]+\\.sql");

    /**
     * @param after work in Java that follows the SQL in the same transaction (null: none), for what SQL cannot do
     *              (hashing the audit trail)
     */
    record Migration(int version, String name, String sql, SqlWork<Void> after) {
        Migration(int version, String name, String sql) {
            this(version, name, sql, null);
        }
    }

    /** Java steps by the migration's name without its number (the number may change as branches merge). */
    private static final java.util.Map<String, SqlWork<Void>> STEPS = java.util.Map.of(
            "audit_hash_chain", c -> {
                AuditChain.sealExisting(c);
                return null;
            });

    private Migrations() {
    }

    static List<Migration> all() {
        List<Migration> list = new ArrayList<>();
        for (String line : readLines(DIR + "migrations.txt")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            Matcher m = NAME.matcher(name);
            if (!m.matches()) {
                throw new IllegalStateException("Bad migration name in migrations.txt: " + name);
            }
            int version = Integer.parseInt(m.group(1));
            if (version != list.size() + 1) {
                throw new IllegalStateException("Migrations must be numbered 1, 2, 3 ...: " + name);
            }
            String what = name.substring(name.indexOf("__") + 2, name.length() - ".sql".length());
            list.add(new Migration(version, name, String.join("\n", readLines(DIR + name)), STEPS.get(what)));
        }
        return List.copyOf(list);
    }

    static int latestVersion() {
        return all().size();
    }

    private static List<String> readLines(String resource) {
        try (InputStream in = Migrations.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return r.lines().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
