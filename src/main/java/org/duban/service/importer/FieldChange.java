package org.duban.service.importer;

import org.duban.service.tasks.TaskField;

/** One field of an existing task that the file changes: what it was and what it becomes. */
public record FieldChange(TaskField field, String before, String after) {
}
