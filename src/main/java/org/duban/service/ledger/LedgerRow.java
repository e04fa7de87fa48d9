package org.duban.service.ledger;

import java.util.List;
import java.util.Map;
import org.duban.model.Task;
import org.duban.model.TaskStatus;
import org.duban.model.Unit;

/**
 * Everything the ledger knows about one task. When tracking lands (warning light, latest progress,
 * close-out dates), add what it needs here and a column in {@link LedgerColumns}.
 *
 * @param units          responsible units in roster order
 * @param unitStatuses   each unit's own status, in the same order
 * @param leadUnit       the 牵头单位, or null for none
 */
public record LedgerRow(Task task, List<Unit> units, Map<Unit, TaskStatus> unitStatuses, Unit leadUnit) {
    public LedgerRow {
        units = List.copyOf(units);
        unitStatuses = Map.copyOf(unitStatuses);
    }

    public LedgerRow(Task task, List<Unit> units, Map<Unit, TaskStatus> unitStatuses) {
        this(task, units, unitStatuses, null);
    }

    /** The lead unit's name (牵头单位), "" for none. */
    public String leadUnitName() {
        return leadUnit == null ? "" : leadUnit.name();
    }
}
