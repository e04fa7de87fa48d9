package org.duban.service.importer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.duban.model.Task;
import org.duban.model.Term;
import org.duban.model.WithdrawnShare;
import org.duban.persistence.AssignmentRecords;
import org.duban.service.units.UnitResolver;
import org.duban.service.vocabulary.TermMatcher;

/**
 * What planning needs from the database, read once: the roster, the meeting's existing tasks by 序号 (with their
 * active shares), their withdrawn shares, and how many tracking records each share holds. Planning itself is pure,
 * so the wizard can re-plan on every mapping change without touching the database.
 *
 * @param withdrawnByTask the withdrawn shares of the meeting's tasks, by task id
 * @param records         tracking records per share (assignment id); a share missing here holds none
 */
public record ImportContext(long meetingId, UnitResolver units, Map<Integer, Task> existingBySeq,
                            Map<Long, List<WithdrawnShare>> withdrawnByTask, Map<Long, AssignmentRecords.Counts> records,
                            TermMatcher sources, TermMatcher categories) {
    public ImportContext {
        existingBySeq = Map.copyOf(existingBySeq);
        withdrawnByTask = Map.copyOf(withdrawnByTask);
        records = Map.copyOf(records);
        sources = sources == null ? new TermMatcher(Term.Kind.SOURCE, List.of()) : sources;
        categories = categories == null ? new TermMatcher(Term.Kind.CATEGORY, List.of()) : categories;
    }

    /** The same context with the office's names of sources and categories to match against. */
    public ImportContext withVocabulary(List<Term> terms) {
        return new ImportContext(meetingId, units, existingBySeq, withdrawnByTask, records,
                new TermMatcher(Term.Kind.SOURCE, terms), new TermMatcher(Term.Kind.CATEGORY, terms));
    }

    /** The same context with another roster (the units an import would add read as known). */
    public ImportContext withUnits(UnitResolver roster) {
        return new ImportContext(meetingId, roster, existingBySeq, withdrawnByTask, records, sources, categories);
    }

    public TermMatcher matcher(Term.Kind kind) {
        return kind == Term.Kind.SOURCE ? sources : categories;
    }

    /** @param meetingId the meeting imported into, 0 for a meeting still to be created */
    public static ImportContext of(long meetingId, UnitResolver units, List<Task> existing) {
        return of(meetingId, units, existing, List.of(), Map.of());
    }

    public static ImportContext of(long meetingId, UnitResolver units, List<Task> existing, List<WithdrawnShare> withdrawn,
                                   Map<Long, AssignmentRecords.Counts> records) {
        Map<Long, List<WithdrawnShare>> byTask = new HashMap<>();
        for (WithdrawnShare w : withdrawn) {
            byTask.computeIfAbsent(w.taskId(), k -> new java.util.ArrayList<>()).add(w);
        }
        return new ImportContext(meetingId, units, existing.stream().collect(Collectors.toMap(Task::seq,
                Function.identity(), (a, b) -> a)), byTask, records, null, null);
    }

    public List<WithdrawnShare> withdrawnOf(long taskId) {
        return withdrawnByTask.getOrDefault(taskId, List.of());
    }

    public AssignmentRecords.Counts recordsOf(long assignmentId) {
        return records.getOrDefault(assignmentId, AssignmentRecords.Counts.NONE);
    }
}
