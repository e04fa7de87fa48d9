package org.duban.persistence;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;

/**
 * Which ledger a file holds: an id made once, the first time the ledger is opened for writing, kept in its settings
 * and carried by every backup and copy of it. A restore compares the ids, so that replacing one office's ledger with
 * another's backup is asked first. Ledgers and backups from before the id existed have none; a restore cannot tell
 * then, and the restored ledger keeps the id of the one it replaced.
 */
public final class LedgerIdentity {
    /** The setting that holds the id; {@link ContentDigest} leaves it out (it names the file, it is not content). */
    static final String KEY = "ledger.id";

    /**
     * A ledger in short, for a question that names two of them.
     *
     * @param latestMeeting the newest meeting's date and title, {@code ""} when there is none
     */
    public record Summary(Path file, Optional<String> id, String latestMeeting, long tasks) {
    }

    private LedgerIdentity() {
    }

    public static Optional<String> of(Database db) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM setting WHERE key = ?")) {
                ps.setString(1, KEY);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Gives the ledger its id if it has none yet. */
    public static void ensure(Database db) {
        if (of(db).isEmpty()) {
            set(db, UUID.randomUUID().toString());
        }
    }

    public static void set(Database db, String id) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO setting (key, value) VALUES (?, ?) "
                    + "ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
                ps.setString(1, KEY);
                ps.setString(2, id);
                return ps.executeUpdate();
            }
        });
    }

    /** The id and what the user would recognise the ledger by. */
    public static Summary describe(Database db) {
        Optional<String> id = of(db);
        return db.read(c -> {
            try (Statement st = c.createStatement()) {
                String latest = "";
                try (ResultSet rs = st.executeQuery(
                        "SELECT held_on, title FROM meeting ORDER BY held_on DESC, id DESC LIMIT 1")) {
                    if (rs.next()) {
                        latest = rs.getString(1) + " " + rs.getString(2);
                    }
                }
                long tasks;
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM task")) {
                    tasks = rs.next() ? rs.getLong(1) : 0;
                }
                return new Summary(db.file(), id, latest, tasks);
            }
        });
    }
}
