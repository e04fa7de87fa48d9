package org.duban.ui.settings;

import java.nio.file.Path;

/** Moves the program to another database file (wired in {@code app}). */
public interface DatabaseSwitcher {
    /** What the user asked for: the file chooser they used. */
    enum Intent {
        /** "打开其他数据库…": the file must exist and be a Duban database. */
        OPEN_EXISTING,
        /** "新建数据库…": the file must not exist yet; it is made with the default roster. */
        CREATE_NEW,
        /** "使用默认位置": open the file, or make it if it is not there. */
        OPEN_OR_CREATE
    }

    /** The database file the program has open; null on a shared ledger, which has none. */
    Path current();

    /** Where the open ledger is, for the user: the file's path, or a shared ledger's address (no password). */
    default String currentLocation() {
        return String.valueOf(current());
    }

    /** True when the program has a shared ledger (on a server) open rather than a file. */
    default boolean onServer() {
        return current() == null;
    }

    /** {@code duban.db} in the data folder. */
    Path defaultFile();

    /**
     * Opens (or makes) {@code file} and remembers it for the next start. Runs in the background; a file that
     * cannot be used throws with a message for the user and changes nothing.
     *
     * @return the step that moves the window over to the new file, to run on the FX thread
     */
    Runnable open(Path file, Intent intent) throws Exception;
}
