package org.duban.ui.welcome;

/** What the welcome hands over to the program (wired in {@code app}). */
public interface WelcomeActions {
    /** Creates the database with the chosen content. Runs in the background, never on the FX thread. */
    void create(WelcomeChoice choice) throws Exception;

    /** On the FX thread once the database is there: the program goes on to its main window. */
    void done();
}
