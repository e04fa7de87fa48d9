package org.duban.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.duban.ui.common.TaskRunner;

/**
 * A runner that holds the work handed to it until the test lets it go: for seeing a screen while its data is
 * still being read. {@link #release()} runs the held work, and what it hands on, on the calling thread.
 */
public final class HeldRunner implements TaskRunner {
    private final List<Runnable> held = new ArrayList<>();
    private final SimpleBooleanProperty busy = new SimpleBooleanProperty(false);

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        held.add(() -> TaskRunner.direct().run(work, onSuccess, onError));
        busy.set(true);
    }

    /** Runs the work held so far (and any it starts), in order. */
    public void release() {
        while (!held.isEmpty()) {
            held.remove(0).run();
        }
        busy.set(false);
    }

    public int heldCount() {
        return held.size();
    }

    @Override
    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }
}
