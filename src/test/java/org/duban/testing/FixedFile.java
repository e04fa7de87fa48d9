package org.duban.testing;

import java.nio.file.Path;
import org.duban.ui.settings.DatabaseSwitcher;

/** A window's ledger file with no move to another: for views that show the file but are not asked to switch. */
public record FixedFile(Path file) implements DatabaseSwitcher {
    @Override
    public Path current() {
        return file;
    }

    @Override
    public Path defaultFile() {
        return file;
    }

    @Override
    public Runnable open(Path other, Intent intent) {
        throw new UnsupportedOperationException("no other ledger in this test");
    }
}
