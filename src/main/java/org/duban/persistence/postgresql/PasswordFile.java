package org.duban.persistence.postgresql;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.duban.persistence.PersistenceException;
import org.duban.persistence.ServerCredentials;

/**
 * The login for a shared ledger's URL, from a password file in PostgreSQL's own format (the one {@code psql} reads):
 * lines {@code hostname:port:database:username:password}, {@code *} matching anything, {@code \:} and {@code \\}
 * escaping, {@code #} starting a comment. The file is the one the system property {@value #PROPERTY} names (tests),
 * else the one the environment variable {@code PGPASSFILE} names, else {@code ~/.pgpass}
 * ({@code %APPDATA%\postgresql\pgpass.conf} on Windows). The user is the URL's ({@code postgresql://user@host/db})
 * or the first matching line's. A password never comes from the command line: a URL with one is refused.
 */
public final class PasswordFile {
    /** System property naming the password file; meant for tests, which cannot set {@code PGPASSFILE}. */
    public static final String PROPERTY = "duban.pgpass";

    private PasswordFile() {
    }

    /** The password file in use (it may not exist). */
    public static Path location() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property.strip());
        }
        String env = System.getenv("PGPASSFILE");
        if (env != null && !env.isBlank()) {
            return Path.of(env.strip());
        }
        String appData = System.getenv("APPDATA");
        if (System.getProperty("os.name", "").startsWith("Windows") && appData != null) {
            return Path.of(appData, "postgresql", "pgpass.conf");
        }
        return Path.of(System.getProperty("user.home"), ".pgpass");
    }

    /** The credentials for {@code url} from {@link #location()}. */
    public static ServerCredentials credentialsFor(String url) {
        return credentialsFor(url, location());
    }

    /**
     * The credentials for {@code url} from {@code file}. With a user in the URL and no line for it, the password is
     * empty (a server that trusts the user needs none; any other refuses the login with its own message).
     *
     * @throws PersistenceException when the URL carries a password, or names no user and the file has no line for it
     */
    public static ServerCredentials credentialsFor(String url, Path file) {
        PostgresOpening.Address address = PostgresOpening.Address.parse(url);
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new PersistenceException(e, "db.error.server.badUrl", address.location());
        }
        String user = uri.getUserInfo();
        if (user != null && user.contains(":")) {
            throw new PersistenceException("db.error.server.passwordInUrl", address.location());
        }
        String host = uri.getHost();
        String port = String.valueOf(uri.getPort() < 0 ? 5432 : uri.getPort());
        String database = uri.getPath().substring(1);
        for (List<String> line : lines(file)) {
            if (matches(line.get(0), host) && matches(line.get(1), port) && matches(line.get(2), database)
                    && (user == null ? !line.get(3).equals("*") : matches(line.get(3), user))) {
                return new ServerCredentials(user == null ? line.get(3) : user, line.get(4));
            }
        }
        if (user == null || user.isBlank()) {
            throw new PersistenceException("db.error.server.noLogin", address.location(), file);
        }
        return new ServerCredentials(user, "");
    }

    /**
     * The credentials {@code file} holds for {@code url} ({@code postgresql://[user@]host:port/database}): the first
     * matching line's, or empty when no line matches (or the file does not exist).
     */
    public static java.util.Optional<ServerCredentials> find(String url, Path file) {
        PostgresOpening.Address.parse(url);
        URI uri = URI.create(url);
        String user = uri.getUserInfo();
        if (user != null && user.contains(":")) {
            throw new PersistenceException("db.error.server.passwordInUrl", PostgresOpening.Address.parse(url).location());
        }
        String port = String.valueOf(uri.getPort() < 0 ? 5432 : uri.getPort());
        String database = uri.getPath().substring(1);
        for (List<String> line : lines(file)) {
            if (matches(line.get(0), uri.getHost()) && matches(line.get(1), port) && matches(line.get(2), database)
                    && (user == null ? !line.get(3).equals("*") : matches(line.get(3), user))) {
                return java.util.Optional.of(new ServerCredentials(user == null ? line.get(3) : user, line.get(4)));
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Keeps {@code credentials} for {@code url} in {@code file}: the line for the same server, port, database and user
     * is replaced, every other line kept. The file is written beside itself and moved into place, readable and
     * writable by its owner only (POSIX {@code rw-------}; on Windows an access list of the owner alone), as
     * {@code psql} requires of a password file.
     *
     * @throws PersistenceException when the file cannot be written
     */
    public static void store(Path file, String url, ServerCredentials credentials) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new PersistenceException(e, "db.error.server.badUrl", url.replaceAll("//[^@/]*@", "//"));
        }
        PostgresOpening.Address.parse(url);
        String host = uri.getHost();
        String port = String.valueOf(uri.getPort() < 0 ? 5432 : uri.getPort());
        String database = uri.getPath().substring(1);
        List<String> keep = new ArrayList<>();
        try {
            if (Files.isRegularFile(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    List<List<String>> parsed = line.isBlank() || line.stripLeading().startsWith("#") ? List.of()
                            : parse(List.of(line));
                    boolean same = !parsed.isEmpty() && parsed.get(0).subList(0, 4)
                            .equals(List.of(host, port, database, credentials.user()));
                    if (!same) {
                        keep.add(line);
                    }
                }
            }
            keep.add(String.join(":", escape(host), escape(port), escape(database), escape(credentials.user()),
                    escape(credentials.password())));
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = ownerOnly(dir);
            try {
                Files.write(temp, (String.join("\n", keep) + "\n").getBytes(StandardCharsets.UTF_8));
                Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new PersistenceException(e, "db.error.server.passwordFileWrite", file, e.getMessage());
        }
    }

    /** A new empty file in {@code dir} that only its owner may read or write. */
    private static Path ownerOnly(Path dir) throws IOException {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(dir, ".pgpass", ".tmp", java.nio.file.attribute.PosixFilePermissions
                    .asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        }
        Path temp = Files.createTempFile(dir, ".pgpass", ".tmp");
        var acl = Files.getFileAttributeView(temp, java.nio.file.attribute.AclFileAttributeView.class);
        if (acl != null) {
            var owner = Files.getOwner(temp);
            acl.setAcl(List.of(java.nio.file.attribute.AclEntry.newBuilder()
                    .setType(java.nio.file.attribute.AclEntryType.ALLOW).setPrincipal(owner)
                    .setPermissions(java.util.EnumSet.allOf(java.nio.file.attribute.AclEntryPermission.class))
                    .build()));
        }
        return temp;
    }

    private static String escape(String field) {
        return field.replace("\\", "\\\\").replace(":", "\\:");
    }

    private static boolean matches(String field, String value) {
        return field.equals("*") || field.equals(value)
                || (field.equals("localhost") && (value.equals("127.0.0.1") || value.equals("::1")));
    }

    /** The file's entries, each five fields unescaped; none when it does not exist. */
    static List<List<String>> lines(Path file) {
        List<List<String>> entries = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return entries;
        }
        List<String> text;
        try {
            text = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PersistenceException(e, "db.error.server.passwordFile", file, e.getMessage());
        }
        entries.addAll(parse(text));
        return entries;
    }

    private static List<List<String>> parse(List<String> text) {
        List<List<String>> entries = new ArrayList<>();
        for (String line : text) {
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (ch == '\\' && i + 1 < line.length()) {
                    field.append(line.charAt(++i));
                } else if (ch == ':' && fields.size() < 4) {
                    fields.add(field.toString());
                    field.setLength(0);
                } else {
                    field.append(ch);
                }
            }
            fields.add(field.toString());
            if (fields.size() == 5) {
                entries.add(fields);
            }
        }
        return entries;
    }
}
