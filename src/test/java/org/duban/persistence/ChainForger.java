package org.duban.persistence;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Plays someone who has the file and knows how the chain is made (the code is public): changes rows with plain SQL,
 * then rebuilds the whole chain so that every hash matches again (and the heads kept with bulletins). Only a head printed earlier exposes it.
 */
public final class ChainForger {
    private ChainForger() {
    }

    /** Runs {@code sql} (triggers dropped first), then recomputes every hash and state and puts the triggers back. */
    public static void rewriteAndRechain(Path file, String... sql) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            for (String name : AuditChain.TRIGGERS.keySet()) {
                st.execute("DROP TRIGGER IF EXISTS " + name);
            }
            for (String s : sql) {
                st.execute(s);
            }
            AuditChain.sealExisting(c);
            // the heads kept with issued bulletins too: only paper keeps the old ones
            st.execute("UPDATE bulletin SET audit_hash = (SELECT hash FROM audit_log WHERE id = audit_row) "
                    + "WHERE audit_hash IS NOT NULL");
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
