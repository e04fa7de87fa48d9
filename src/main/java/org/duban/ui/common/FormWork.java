package org.duban.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
import org.duban.i18n.LocalizedException;
import org.duban.i18n.Messages;

/**
 * Runs a form's change in the background: while it runs {@code saving} is true; a message for the user (a
 * {@link LocalizedException}: a wrong date, a missing field, a refused step) lands in the form's {@code error}
 * text, next to what was typed; anything else is shown as an error dialog.
 */
public final class FormWork {
    private FormWork() {
    }

    public static <T> void run(TaskRunner runner, DialogService dialogs, Callable<T> work, StringProperty error,
                               BooleanProperty saving, Consumer<T> then) {
        run(runner, dialogs, work, error, saving, then, e -> { });
    }

    /** As {@link #run(TaskRunner, DialogService, Callable, StringProperty, BooleanProperty, Consumer)}, and
     * {@code failed} runs after a failure has been shown (e.g. to read again what another seat changed). */
    public static <T> void run(TaskRunner runner, DialogService dialogs, Callable<T> work, StringProperty error,
                               BooleanProperty saving, Consumer<T> then, Consumer<Throwable> failed) {
        error.set("");
        saving.set(true);
        runner.run(work, result -> {
            saving.set(false);
            then.accept(result);
        }, e -> {
            saving.set(false);
            if (e instanceof LocalizedException le) {
                error.set(le.getLocalizedMessage());
            } else {
                dialogs.showError(Messages.tr("error.title"), DialogService.messageOf(e), e);
            }
            failed.accept(e);
        });
    }
}
