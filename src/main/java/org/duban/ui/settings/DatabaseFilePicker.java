package org.duban.ui.settings;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/** Asks the user for a database file; tests stand in for the user's choice. */
public interface DatabaseFilePicker {
    /** An existing file to open, or empty when the user cancelled. */
    Optional<Path> chooseExisting(Window owner, Path folder);

    /** Where to make a new file, or empty when the user cancelled. */
    Optional<Path> chooseNew(Window owner, Path folder);
}
