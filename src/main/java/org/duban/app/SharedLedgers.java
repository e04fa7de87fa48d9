package org.duban.app;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;
import org.duban.persistence.Database;
import org.duban.persistence.PersistenceException;
import org.duban.persistence.ServerCredentials;
import org.duban.persistence.postgresql.PasswordFile;
import org.duban.persistence.postgresql.PostgresOpening;

/**
 * This computer's way into shared ledgers (PostgreSQL): the connection saved in the settings (address and user in
 * {@link UserPreferences}) and its password, kept in a password file of PostgreSQL's own format in the data folder
 * ({@value #PASSWORD_FILE}, readable by its owner only): never in the preferences, a log or an address. A ledger
 * named on the command line ({@code --db postgresql://…}) logs in with that file's line for it, else with the
 * standard password file's ({@code PGPASSFILE}, {@code ~/.pgpass}).
 */
public final class SharedLedgers {
    /** The data folder's password file. */
    public static final String PASSWORD_FILE = "pgpass.conf";

    private final UserPreferences preferences;
    private final Path passwordFile;

    public SharedLedgers(UserPreferences preferences, Path passwordFile) {
        this.preferences = preferences;
        this.passwordFile = passwordFile;
    }

    /** This user's: the preferences and the password file of the data folder. */
    public static SharedLedgers load() {
        return new SharedLedgers(UserPreferences.load(), AppPaths.dataDir().resolve(PASSWORD_FILE));
    }

    public UserPreferences preferences() {
        return preferences;
    }

    public Path passwordFile() {
        return passwordFile;
    }

    /** Whether {@code location} names a shared ledger rather than a file. */
    public static boolean isServer(String location) {
        return PostgresOpening.isServerUrl(location);
    }

    /**
     * The login for {@code url}: the user is the address's, else the saved connection's when it is this ledger; the
     * password the data folder's password file's line for it, else the standard password file's.
     *
     * @throws PersistenceException when no user can be found for it, or the address holds a password
     */
    public ServerCredentials credentialsFor(String url) {
        String lookup = url;
        if (userOf(url) == null) {
            Optional<UserPreferences.SavedServer> saved = preferences.server()
                    .filter(s -> sameLedger(s.url(), url));
            if (saved.isPresent()) {
                lookup = withUser(url, saved.get().user());
            }
        }
        Optional<ServerCredentials> own = PasswordFile.find(lookup, passwordFile);
        return own.isPresent() ? own.get() : PasswordFile.credentialsFor(lookup);
    }

    /** Opens the shared ledger at {@code url} with {@link #credentialsFor}. */
    public LedgerOpener.Opened open(String url) {
        return LedgerOpener.forServer(url, credentialsFor(url));
    }

    /**
     * Keeps the connection for this computer: the password in the data folder's password file (owner-only), the
     * address and user in the preferences, and the program starts on it from now on.
     */
    public void save(String url, ServerCredentials credentials) {
        PasswordFile.store(passwordFile, url, credentials);
        preferences.setServer(new UserPreferences.SavedServer(withoutUser(url), credentials.user()));
    }

    /** {@code postgresql://user@host:port/db} for {@code url} and {@code user}. */
    public static String withUser(String url, String user) {
        URI u = uri(url);
        return u.getScheme() + "://" + user + "@" + u.getRawAuthority().replaceFirst("^[^@]*@", "")
                + u.getRawPath();
    }

    /** The address without any user. */
    public static String withoutUser(String url) {
        URI u = uri(url);
        return u.getScheme() + "://" + u.getRawAuthority().replaceFirst("^[^@]*@", "") + u.getRawPath();
    }

    /** The user named in the address, or null. */
    static String userOf(String url) {
        return uri(url).getUserInfo();
    }

    /** Whether two addresses name the same database of the same server (the port 5432 when none is written). */
    static boolean sameLedger(String a, String b) {
        try {
            URI x = uri(a);
            URI y = uri(b);
            return x.getHost() != null && x.getHost().equalsIgnoreCase(y.getHost()) && port(x) == port(y)
                    && x.getPath().equals(y.getPath());
        } catch (PersistenceException e) {
            return false;
        }
    }

    private static int port(URI u) {
        return u.getPort() < 0 ? 5432 : u.getPort();
    }

    private static URI uri(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw new PersistenceException(e, "db.error.server.badUrl", url.replaceAll("//[^@/]*@", "//"));
        }
    }

    /** For the window: a shared ledger's place as the title and status bar show it ({@code host:port/db}). */
    public static String shortLocation(Database db) {
        return db.location().replaceFirst("^postgres(ql)?://", "");
    }
}
