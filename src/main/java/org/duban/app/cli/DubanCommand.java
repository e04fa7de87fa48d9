package org.duban.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import org.duban.app.AppPaths;
import org.duban.app.LedgerOpener;
import org.duban.app.UserPreferences;
import org.duban.app.Version;
import org.duban.i18n.Messages;
import org.duban.persistence.Database;
import org.duban.persistence.PersistenceException;
import org.duban.persistence.postgresql.PasswordFile;
import org.duban.persistence.postgresql.PostgresOpening;
import org.duban.service.Services;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code duban [--db FILE] [--lang zh|en] [SUBCOMMAND]}: without a subcommand the window opens; with one, the
 * work is done headless and the process exits 0 on success, non-zero with one line on error.
 */
@Command(name = "duban", mixinStandardHelpOptions = true, versionProvider = DubanCommand.VersionProvider.class,
        resourceBundle = "org.duban.i18n.cli", sortOptions = false,
        subcommands = {InitCommand.class, SampleCommand.class, StatsCommand.class, BackupCommand.class,
                RestoreCommand.class, CheckCommand.class, ImportCommand.class, ExportCommand.class,
                ImportReturnsCommand.class, HandoutsCommand.class, ChartCommand.class, BulletinCommand.class,
                MeetingPackCommand.class, GenerateCommand.class, BenchCommand.class, UnitsCommand.class,
                DossierCommand.class, DueCommand.class, ChaseCommand.class, ScoreCommand.class,
                CopyToCommand.class})
public final class DubanCommand implements Callable<Integer> {

    /** System property that fixes "today" for the commands (tests): yyyy-MM-dd. */
    public static final String TODAY_PROPERTY = "duban.today";

    @Spec
    CommandLine.Model.CommandSpec spec;

    /** A database file, or a shared ledger's {@code postgresql://host:port/database}. */
    @Option(names = "--db", paramLabel = "FILE|URL", descriptionKey = "db", scope = CommandLine.ScopeType.INHERIT)
    String db;

    /** The saved start server's address, "" when there is none; read once ({@link #location()}). */
    private String startServer;

    @Option(names = "--lang", paramLabel = "LANG", descriptionKey = "lang", scope = CommandLine.ScopeType.INHERIT)
    String lang;

    /** What runs when no subcommand is given: the window. Set by the launcher. */
    private final GuiStarter gui;

    /** Starts the window on a database file or a shared ledger ({@code postgresql://…}). */
    @FunctionalInterface
    public interface GuiStarter {
        int start(String location);
    }

    public DubanCommand(GuiStarter gui) {
        this.gui = gui;
    }

    /**
     * The database file the user named, else the one chosen in the settings, else the data folder's duban.db.
     *
     * @throws PersistenceException when the commands work on a shared ledger ({@link #shared()}): what asks for a
     *                              file (restore) does not work on one, and says so
     */
    public Path database() {
        if (shared()) {
            throw new PersistenceException("db.error.server.fileOnly", sharedLocation());
        }
        return db != null ? Path.of(db) : AppPaths.preferredDatabase();
    }

    /**
     * Where the commands work, as the window would: {@code --db}; without it the shared ledger the window starts on
     * (a connection saved in the settings and chosen last), else {@code null}, the file of {@link #database()}. A
     * command run without {@code --db} on a seat of a shared ledger thus reads and writes the ledger the window
     * shows, not a stale local file.
     */
    String location() {
        if (db != null) {
            return db;
        }
        if (startServer == null) {
            startServer = UserPreferences.load().startServer().map(UserPreferences.SavedServer::url).orElse("");
        }
        return startServer.isEmpty() ? null : startServer;
    }

    /** True when the commands work on a shared ledger on a PostgreSQL server ({@link #location()}). */
    boolean shared() {
        return PostgresOpening.isServerUrl(location());
    }

    /** The shared ledger's address without its user, for messages. */
    private String sharedLocation() {
        return location().replaceAll("//[^@/]*@", "//");
    }

    /**
     * Opens the shared ledger at {@code url}, logging in with the connection saved in the settings when it is this
     * ledger (its user, and its password from the data folder's password file), else with the standard password
     * file's credentials ({@link PasswordFile}): never a password from the command line.
     */
    static Database connect(String url) {
        return Database.connect(url, org.duban.app.SharedLedgers.load().credentialsFor(url));
    }

    /**
     * Opens the database for writing (creating and migrating it if needed), takes the day's first backup and
     * prints warnings (network share, failed backup) to the error stream.
     */
    Database openDatabase() {
        return openDatabase(LedgerOpener.Creation.NEVER);
    }

    /** Like {@link #openDatabase()}, making the ledger where {@code creation} allows ({@code init}, {@code sample}). */
    Database openDatabase(LedgerOpener.Creation creation) {
        if (shared()) {
            return connect(location());
        }
        LedgerOpener.Opened opened = LedgerOpener.forWriting(database(), creation);
        warn(opened.warnings());
        return opened.db();
    }

    /** Opens an existing database for reading only: works while the window has it open. */
    Database openReadOnly() {
        if (shared()) {
            return connect(location());
        }
        Database db = Database.openReadOnly(database());
        warn(LedgerOpener.networkWarning(db.file()));
        warn(db.openingWarnings());
        return db;
    }

    /** Like {@link #openReadOnly()}, for {@code check}, which reports the opening's warnings among its findings. */
    Database openReadOnlyForCheck() {
        if (shared()) {
            return connect(location());
        }
        Database db = Database.openReadOnly(database());
        warn(LedgerOpener.networkWarning(db.file()));
        return db;
    }

    /**
     * For a command that only reads ({@code stats}, {@code chart}, {@code export ledger}, {@code handouts},
     * {@code bulletin --draft}): a WAL reader, so it runs while a window (or another command) writes. A ledger of an
     * older version cannot be read before its upgrade: it is opened for writing instead, which upgrades it (after a
     * backup), as these commands always did.
     */
    Database openForReading() {
        if (shared()) {
            return connect(location());
        }
        Database db = Database.openReadOnly(database());
        if (db.schemaVersion() < Database.latestSchemaVersion()) {
            db.close();
            return openDatabase();
        }
        warn(LedgerOpener.networkWarning(db.file()));
        warn(db.openingWarnings());
        return db;
    }

    /**
     * The services of an opened ledger: every command's, wired here and nowhere else. "Today" is the computer's, or
     * the day the system property {@value #TODAY_PROPERTY} names (yyyy-MM-dd): a test fixes it for every command
     * with one line.
     */
    Services services(Database db) {
        return Services.over(db, clock());
    }

    /** The commands' clock: the computer's, or noon of the day {@value #TODAY_PROPERTY} names. */
    Clock clock() {
        String today = System.getProperty(TODAY_PROPERTY);
        if (today == null || today.isBlank()) {
            return Services.systemClock();
        }
        ZoneId zone = ZoneId.systemDefault();
        return Clock.fixed(LocalDate.parse(today.strip()).atTime(12, 0).atZone(zone).toInstant(), zone);
    }

    /** Today by the commands' clock: the default day of options that take one. */
    LocalDate today() {
        return LocalDate.now(clock());
    }

    /** Prints each warning on the error stream, after {@code 警告：}. */
    void warn(List<String> warnings) {
        for (String w : warnings) {
            err().println(Messages.tr("cli.warning.prefix", w));
        }
        err().flush();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    @Override
    public Integer call() {
        return gui.start(shared() ? location() : database().toString());
    }

    /** {@code --version}: the program's version and the schema it writes. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"督办台 Duban Desk " + Version.current()
                    + " (schema " + Database.latestSchemaVersion() + ", Java " + System.getProperty("java.version") + ")"};
        }
    }
}
