package org.duban.service.importer;

import java.util.List;
import org.duban.model.Task;
import org.duban.model.Unit;
import org.duban.service.tasks.TaskInput;

/**
 * A task row of the file and what importing it would do.
 *
 * @param rowNumber  the spreadsheet row
 * @param input      the row as text (after sections and defaults were applied)
 * @param task       the checked task (its id is the existing task's when it updates one), null when the row
 *                   has errors
 * @param units      the responsible units read from the row (roster order)
 * @param supervised whether 备注 puts the task under 挂牌督办
 * @param change     added, updated or unchanged (null when the row has errors)
 * @param changes    for an update, the fields that change
 */
public record PlannedRow(int rowNumber, TaskInput input, Task task, List<Unit> units, boolean supervised,
                         Change change, List<FieldChange> changes) {

    public enum Change { ADDED, UPDATED, UNCHANGED }

    public PlannedRow {
        units = List.copyOf(units);
        changes = List.copyOf(changes);
    }

    public boolean ok() {
        return task != null;
    }
}
