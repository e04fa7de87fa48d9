package org.duban.ui.settings;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.duban.i18n.Messages;

/** {@link DatabaseFilePicker} with the system's file dialogs. */
public final class FxDatabaseFilePicker implements DatabaseFilePicker {
    static final String EXTENSION = ".db";

    @Override
    public Optional<Path> chooseExisting(Window owner, Path folder) {
        FileChooser chooser = chooser("settings.database.chooseOpen", folder);
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseNew(Window owner, Path folder) {
        FileChooser chooser = chooser("settings.database.chooseNew", folder);
        chooser.setInitialFileName(Messages.tr("settings.database.newFileName"));
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath).map(FxDatabaseFilePicker::withExtension);
    }

    /** A name typed without an extension gets {@code .db}, so the file shows in the open dialog's filter. */
    static Path withExtension(Path file) {
        String name = file.getFileName().toString();
        return name.contains(".") ? file : file.resolveSibling(name + EXTENSION);
    }

    private static FileChooser chooser(String titleKey, Path folder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.tr(titleKey));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(Messages.tr("settings.database.filter"), "*" + EXTENSION),
                new FileChooser.ExtensionFilter(Messages.tr("settings.database.filterAll"), "*"));
        if (folder != null && Files.isDirectory(folder)) {
            chooser.setInitialDirectory(folder.toFile());
        }
        return chooser;
    }
}
