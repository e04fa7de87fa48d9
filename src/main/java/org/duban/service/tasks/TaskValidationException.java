package org.duban.service.tasks;

import java.util.List;
import java.util.stream.Collectors;
import org.duban.i18n.LocalizedException;

/** A task that cannot be saved, with what is wrong at each field. */
public final class TaskValidationException extends LocalizedException {
    private static final long serialVersionUID = 1L;
    private final transient List<FieldError> errors;

    public TaskValidationException(List<FieldError> errors) {
        super("task.error.invalid", errors.stream()
                .map(e -> org.duban.i18n.Messages.tr(e.field().labelKey()) + ": " + e.message())
                .collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
