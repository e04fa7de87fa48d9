package org.duban.ui.settings;

import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * What a settings section's fields held when last loaded or saved: the section is dirty while its fields differ
 * from it (the settings screen's one rule for unsaved changes).
 *
 * @param <T> the fields' values together, a record whose {@code equals} compares them
 */
final class Stored<T> {
    private final Supplier<T> current;
    private T stored;
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);

    /** @param current the fields' values now; {@code fields}: where a change is heard */
    Stored(Supplier<T> current, Observable... fields) {
        this.current = current;
        this.stored = current.get();
        for (Observable f : fields) {
            f.addListener(o -> recheck());
        }
    }

    /** The fields as they are now are what the ledger holds (after loading or saving). */
    void mark() {
        stored = current.get();
        recheck();
    }

    /** The values last loaded or saved. */
    T values() {
        return stored;
    }

    private void recheck() {
        dirty.set(!Objects.equals(stored, current.get()));
    }

    ReadOnlyBooleanProperty dirty() {
        return dirty.getReadOnlyProperty();
    }
}
