package org.duban.service.importer;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.duban.model.Task;
import org.duban.service.units.UnitResolver;

/**
 * What planning needs from the database, read once: the roster and the meeting's existing tasks by 序号.
 * Planning itself is pure, so the wizard can re-plan on every mapping change without touching the database.
 */
public record ImportContext(long meetingId, UnitResolver units, Map<Integer, Task> existingBySeq) {
    public ImportContext {
        existingBySeq = Map.copyOf(existingBySeq);
    }

    /** @param meetingId the meeting imported into, 0 for a meeting still to be created */
    public static ImportContext of(long meetingId, UnitResolver units, List<Task> existing) {
        return new ImportContext(meetingId, units, existing.stream().collect(Collectors.toMap(Task::seq, Function.identity(),
                (a, b) -> a)));
    }
}
