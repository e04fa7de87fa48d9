package org.duban.persistence.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.duban.model.BackupReason;
import org.duban.persistence.AuditChain;
import org.duban.persistence.Database;
import org.duban.persistence.Migrations;
import org.duban.persistence.PersistenceException;
import org.duban.persistence.SqlWork;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a ledger's schema up to date with Flyway ({@link Migrations#SQLITE}).
 *
 * <ul>
 *   <li>A ledger from before Flyway (no {@code flyway_schema_history}) is adopted with a baseline at its
 *       {@code PRAGMA user_version}; a new (empty) one gets every migration from V1.</li>
 *   <li>All pending migrations run in one transaction ({@code group}), on a connection of their own with foreign
 *       keys off (SQLite's way to rebuild a table that others point at); every reference is checked before they
 *       commit, and a reference a migration broke rolls all of them back.</li>
 *   <li>An existing ledger is backed up before anything changes: the {@link BackupBeforeUpgrade} callback, on
 *       Flyway's first event that comes before a write (baseline or migrate). A failed backup stops the upgrade and
 *       leaves the file as it was.</li>
 *   <li>{@code PRAGMA user_version} and {@code application_id} follow every migration inside its transaction:
 *       what opening checks before anything else, and what older versions of the program read to refuse a newer
 *       ledger.</li>
 *   <li>Work in Java that a migration needs after its SQL (sealing the audit trail, {@code audit_hash_chain}) runs
 *       in the same transaction, keyed by the migration's name without its number.</li>
 * </ul>
 * A ledger whose history already holds the target version is not touched (and Flyway not started): the usual
 * opening.
 */
public final class FlywayMigrations {
    private static final Logger LOG = LoggerFactory.getLogger(FlywayMigrations.class);
    static final String HISTORY = Migrations.HISTORY;

    /** Java steps after a migration's SQL, by the migration's name without its number. */
    private static final Map<String, SqlWork<Void>> STEPS = Map.of(
            "audit_hash_chain", c -> {
                AuditChain.sealExisting(c);
                return null;
            });

    private FlywayMigrations() {
    }

    /**
     * Brings {@code db} to the last version of {@code plan} (a prefix of {@link Migrations#all()}, perhaps followed
     * by a test's own migrations).
     *
     * @param backupFirst back up an existing ledger before its schema changes (not a restore's private copy)
     */
    static void migrate(Database db, List<Migrations.Migration> plan, boolean backupFirst) {
        if (plan.isEmpty()) {
            return;
        }
        int current = db.schemaVersion();
        int target = plan.get(plan.size() - 1).version();
        boolean adopted = historyExists(db);
        if (adopted) {
            int recorded = historyVersion(db);
            if (recorded != current) { // kept equal in one transaction: someone else changed one of them
                throw new PersistenceException("db.error.generic", db.file(), "PRAGMA user_version " + current
                        + " ≠ " + HISTORY + " " + recorded);
            }
        }
        if (adopted && current >= target) {
            return; // the usual opening: nothing to do, nothing to write
        }
        boolean upgrade = current > 0 && current < target;
        Flyway flyway = Flyway.configure(FlywayMigrations.class.getClassLoader())
                .dataSource(SqliteDataSource.forMigrations(db.file()))
                .locations(Migrations.SQLITE)
                .javaMigrations(plan.stream().filter(m -> !m.onClassPath()).map(SqlMigration::new)
                        .toArray(JavaMigration[]::new))
                .target(MigrationVersion.fromVersion(Integer.toString(Math.max(target, current))))
                .baselineOnMigrate(true)
                .baselineVersion(Integer.toString(current))
                .baselineDescription("adopted at PRAGMA user_version " + current)
                .group(true)
                .placeholderReplacement(false) // our SQL has no ${…}; reading scripts through it was most of the time
                .callbacks(new BackupBeforeUpgrade(db, backupFirst && upgrade), new AfterEachMigration())
                .load();
        try {
            flyway.migrate();
        } catch (FlywayException e) {
            throw translate(e, db);
        }
    }

    /** Whether the ledger has Flyway's history table (false for a ledger from before Flyway, and a new one). */
    static boolean historyExists(Database db) {
        return db.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '" + HISTORY + "'")) {
                return rs.next() && rs.getInt(1) > 0;
            }
        });
    }

    /** The last version the history records as applied (or adopted). */
    static int historyVersion(Database db) {
        return db.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT version FROM " + HISTORY
                    + " WHERE success = 1 AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
                return rs.next() ? Integer.parseInt(rs.getString(1)) : 0;
            }
        });
    }

    /** Our own message when one of our steps said no; SQLite's error in the user's words; else Flyway's. */
    private static PersistenceException translate(FlywayException e, Database db) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PersistenceException pe) {
                return pe;
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException se) {
                LOG.warn("Upgrading the schema of {} failed", db.file(), e);
                return SqlErrors.translate(se, db.file());
            }
        }
        LOG.warn("Upgrading the schema of {} failed", db.file(), e);
        return new PersistenceException(e, "db.error.generic", db.file(), e.getMessage());
    }

    /**
     * The backup of an existing ledger before its schema changes, on the ledger's own connection (Flyway works on
     * another): at {@code beforeBaseline} when a ledger from before Flyway is adopted, else at
     * {@code beforeMigrate}; once.
     */
    static final class BackupBeforeUpgrade implements Callback {
        private final Database db;
        private boolean pending;

        BackupBeforeUpgrade(Database db, boolean wanted) {
            this.db = db;
            this.pending = wanted;
        }

        @Override
        public boolean supports(Event event, Context context) {
            return pending && (event == Event.BEFORE_BASELINE || event == Event.BEFORE_MIGRATE);
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return false; // a copy of the file cannot be taken inside a transaction
        }

        @Override
        public void handle(Event event, Context context) {
            if (!pending) {
                return;
            }
            pending = false;
            try {
                BackupFolder.besides(db.file()).write(db, BackupReason.MIGRATION);
            } catch (PersistenceException e) {
                throw new PersistenceException(e, "db.error.backupBeforeMigration", db.file(),
                        e.getLocalizedMessage());
            }
        }

        @Override
        public String getCallbackName() {
            return "backupBeforeUpgrade";
        }
    }

    /**
     * Inside each migration's transaction, after its SQL: its Java step, the references check, and
     * {@code user_version} / {@code application_id}.
     */
    static final class AfterEachMigration implements Callback {
        /** References that were dangling before the first migration (another tool's rows): not the migrations'. */
        private Set<String> danglingBefore;

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            Connection c = context.getConnection();
            MigrationInfo info = context.getMigrationInfo();
            try {
                if (event == Event.BEFORE_EACH_MIGRATE) {
                    if (danglingBefore == null) {
                        danglingBefore = danglingReferences(c);
                    }
                    LOG.info("Applying migration {}", info.getScript());
                    return;
                }
                String name = info.getScript();
                Migrations.Migration m = new Migrations.Migration(0, name, null);
                SqlWork<Void> step = STEPS.get(m.what());
                if (step != null) {
                    step.run(c);
                }
                Set<String> broken = danglingReferences(c);
                broken.removeAll(danglingBefore == null ? Set.of() : danglingBefore);
                if (!broken.isEmpty()) {
                    throw new SQLException("Migration " + name + " left dangling references: " + broken);
                }
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA application_id=" + Database.APPLICATION_ID);
                    st.execute("PRAGMA user_version=" + Integer.parseInt(info.getVersion().getVersion()));
                }
            } catch (SQLException e) {
                throw new FlywayException(e.getMessage(), e);
            }
        }

        @Override
        public String getCallbackName() {
            return "ledgerAfterEachMigration";
        }
    }

    private static Set<String> danglingReferences(Connection c) throws SQLException {
        Set<String> set = new HashSet<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA foreign_key_check")) {
            while (rs.next()) {
                set.add(rs.getString(1) + "#" + rs.getLong(2) + "->" + rs.getString(3));
            }
        }
        return set;
    }

    /** A test's own migration (its SQL given in the code), run after the class path's. */
    private static final class SqlMigration implements JavaMigration {
        private final Migrations.Migration m;

        SqlMigration(Migrations.Migration m) {
            this.m = m;
        }

        @Override
        public MigrationVersion getVersion() {
            return MigrationVersion.fromVersion(Integer.toString(m.version()));
        }

        @Override
        public String getDescription() {
            return m.what();
        }

        @Override
        public Integer getChecksum() {
            return m.sql().hashCode();
        }

        @Override
        public boolean canExecuteInTransaction() {
            return true;
        }

        @Override
        public void migrate(org.flywaydb.core.api.migration.Context context) throws Exception {
            try (Statement st = context.getConnection().createStatement()) {
                st.executeUpdate(m.sql());
            }
        }
    }
}
