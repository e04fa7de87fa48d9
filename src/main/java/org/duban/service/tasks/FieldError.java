package org.duban.service.tasks;

import org.duban.i18n.Messages;

/** What is wrong with one field, as a bundle key and arguments. */
public record FieldError(TaskField field, String key, Object... args) {
    public String message() {
        return Messages.tr(key, args);
    }
}
