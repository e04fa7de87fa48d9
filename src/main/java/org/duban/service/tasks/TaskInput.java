package org.duban.service.tasks;

import java.util.EnumMap;
import java.util.Map;

/**
 * A task as text, the way the form and files give it: nothing is trusted until
 * {@link TaskValidator#validate} turns it into a {@link org.duban.model.Task}.
 */
public record TaskInput(
        String seq,
        String source,
        String category,
        String problem,
        String target,
        String measures,
        String units,
        String supportingUnits,
        String leader,
        String deadline,
        String remarks,
        String leadUnit) {

    /** An input without a lead unit (牵头单位). */
    public TaskInput(String seq, String source, String category, String problem, String target, String measures,
                     String units, String supportingUnits, String leader, String deadline, String remarks) {
        this(seq, source, category, problem, target, measures, units, supportingUnits, leader, deadline, remarks, "");
    }

    public TaskInput {
        seq = nz(seq);
        source = nz(source);
        category = nz(category);
        problem = nz(problem);
        target = nz(target);
        measures = nz(measures);
        units = nz(units);
        supportingUnits = nz(supportingUnits);
        leader = nz(leader);
        deadline = nz(deadline);
        remarks = nz(remarks);
        leadUnit = nz(leadUnit);
    }

    private static String nz(String s) {
        return s == null ? "" : s.strip();
    }

    /** Builds an input from field values (missing fields are empty). */
    public static TaskInput of(Map<TaskField, String> values) {
        Map<TaskField, String> v = new EnumMap<>(TaskField.class);
        v.putAll(values);
        return new TaskInput(v.get(TaskField.SEQ), v.get(TaskField.SOURCE), v.get(TaskField.CATEGORY),
                v.get(TaskField.PROBLEM), v.get(TaskField.TARGET), v.get(TaskField.MEASURES), v.get(TaskField.UNITS),
                v.get(TaskField.SUPPORTING_UNITS), v.get(TaskField.LEADER), v.get(TaskField.DEADLINE),
                v.get(TaskField.REMARKS), v.get(TaskField.LEAD_UNIT));
    }

    public String get(TaskField field) {
        return switch (field) {
            case SEQ -> seq;
            case SOURCE -> source;
            case CATEGORY -> category;
            case PROBLEM -> problem;
            case TARGET -> target;
            case MEASURES -> measures;
            case UNITS -> units;
            case SUPPORTING_UNITS -> supportingUnits;
            case LEADER -> leader;
            case DEADLINE -> deadline;
            case REMARKS -> remarks;
            case LEAD_UNIT -> leadUnit;
        };
    }
}
