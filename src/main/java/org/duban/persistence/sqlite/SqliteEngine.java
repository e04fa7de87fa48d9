package org.duban.persistence.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.duban.i18n.Messages;
import org.duban.persistence.LedgerEngine;
import org.duban.persistence.PersistenceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQLite file of one seat as {@link org.duban.persistence.Database}'s engine: its PRAGMAs, its checkpoint, its
 * result codes, and the writer lock it holds until the ledger closes.
 */
public final class SqliteEngine implements LedgerEngine {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteEngine.class);

    private final Path file;
    private final List<String> warnings = new ArrayList<>();
    private WriterLock writerLock;
    /** {@code PRAGMA temp_store} before a bulk change ({@link #beginBulkWrite}), to go back to. */
    private int tempStoreBefore;
    /** A restore's staged copy: its lock files go with it. */
    private boolean privateCopy;

    SqliteEngine(Path file) {
        this.file = file;
    }

    /** Holds the writer lock from now on; a restore's staged copy ({@code privateCopy}) takes its lock files along. */
    void hold(WriterLock lock, boolean privateCopy) {
        this.writerLock = lock;
        this.privateCopy = privateCopy;
    }

    void noteDroppedLog(WalRecovery.Report r) {
        warnings.add(Messages.tr(r.savedWorkLost() ? "db.warning.walLost" : "db.warning.walUnfinished", file,
                r.lostCommits(), r.dropped(), r.copy(), WalRecovery.walOf(r.copy()).getFileName()));
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public String location() {
        return file.toString();
    }

    @Override
    public int schemaVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            return intPragma(st, "user_version");
        }
    }

    @Override
    public void checkpoint(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
            if (rs.next() && rs.getInt(1) != 0) {
                LOG.info("Checkpoint of {} left frames for a reader: {} of {} copied", file, rs.getInt(3),
                        rs.getInt(2));
            }
        }
    }

    @Override
    public void limitPageCache(Connection c, int kib) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA cache_size=-" + kib);
            st.execute("PRAGMA shrink_memory");
        }
    }

    /**
     * Statement journals in memory for the bulk change: each statement of a transaction that may fail halfway (a
     * trigger's {@code RAISE(ABORT)}, a foreign key) journals the pages it changes, so that it alone can be undone.
     * SQLite keeps that journal in memory up to 64 KiB, then in a temporary file, which stays for the rest of the
     * transaction: after one multi-row insert of long tasks spilled it, every one of the 38,000 audit rows of a
     * 10,000-task import wrote its pages there (the audit insert took 3 times the CPU it takes without, issue 24).
     * In memory it holds one statement's pages at a time (it is emptied after each). It is never needed after a
     * crash (the log makes the transaction whole or absent), so nothing of the ledger's safety changes. Not for the
     * whole connection: {@code temp_store} also decides where large sorts go, which would then all be held in memory.
     */
    @Override
    public void beginBulkWrite(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            tempStoreBefore = intPragma(st, "temp_store");
            st.execute("PRAGMA temp_store = MEMORY");
        }
    }

    @Override
    public void endBulkWrite(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA temp_store = " + tempStoreBefore);
        }
    }

    @Override
    public List<String> integrityCheck(Connection c) throws SQLException {
        return check(c, "integrity_check");
    }

    /** The problems {@code PRAGMA integrity_check} or {@code quick_check} lists; none when the file is sound. */
    static List<String> check(Connection c, String pragma) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + pragma)) {
            while (rs.next()) {
                String line = rs.getString(1);
                if (!"ok".equals(line)) {
                    problems.add(line);
                }
            }
        }
        return problems;
    }

    @Override
    public long changeCount(Connection c, long commits) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT total_changes()")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    @Override
    public PersistenceException translate(SQLException e) {
        return SqlErrors.translate(e, file);
    }

    @Override
    public List<String> openingWarnings() {
        return List.copyOf(warnings);
    }

    @Override
    public void close() {
        if (writerLock != null) {
            if (privateCopy) {
                writerLock.closeAndRemoveAll();
            } else {
                writerLock.close();
            }
            writerLock = null;
        }
    }

    static int intPragma(Statement st, String pragma) throws SQLException {
        try (ResultSet rs = st.executeQuery("PRAGMA " + pragma)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
