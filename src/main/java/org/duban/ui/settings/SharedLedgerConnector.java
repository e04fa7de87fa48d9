package org.duban.ui.settings;

import java.util.Optional;

/** Connects the program to a shared ledger on a PostgreSQL server (wired in {@code app}). */
public interface SharedLedgerConnector {
    /** A server login as typed in the settings, without its password. */
    record Server(String host, int port, String database, String user) {
        /** {@code postgresql://host:port/database}: no user, no password. */
        public String url() {
            String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
            return "postgresql://" + h + ":" + port + "/" + database;
        }
    }

    /** The connection saved on this computer, to fill in the fields (never its password). */
    Optional<Server> saved();

    /**
     * Logs in and looks at the database without changing anything, off the FX thread.
     *
     * @return what was found, in a sentence for the user
     * @throws Exception with a message for the user (wrong password, no answer, no such database, not a ledger ...)
     */
    String test(Server server, String password) throws Exception;

    /**
     * Logs in, opens the ledger (making or upgrading its schema as needed), saves the connection for this computer
     * and for the next starts, off the FX thread. A failure saves nothing.
     *
     * @return the step that moves the window over to the shared ledger, to run on the FX thread
     */
    Runnable connect(Server server, String password) throws Exception;
}
