package org.duban.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Runs work off the FX thread and lands its result on it. Views never touch the database, files or PDFs
 * directly: they hand the work here. Tests use {@link #direct()}, which runs the work at once on the
 * calling thread, so a test sees the result without waiting.
 */
public interface TaskRunner {

    /** Runs {@code work} in the background; {@code onSuccess} or {@code onError} then run on the FX thread. */
    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError);

    /** True while any work is under way (for the footer's progress bar). */
    ReadOnlyBooleanProperty busyProperty();

    /** Runs work at once on the calling thread: for tests. */
    static TaskRunner direct() {
        SimpleBooleanProperty busy = new SimpleBooleanProperty(false);
        return new TaskRunner() {
            @Override
            public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
                T result;
                try {
                    result = work.call();
                } catch (Exception | Error e) {
                    onError.accept(e);
                    return;
                }
                onSuccess.accept(result);
            }

            @Override
            public ReadOnlyBooleanProperty busyProperty() {
                return busy;
            }
        };
    }
}
