package org.duban.service.tasks;

/** The fields of the task form and of task rows in files; each has a label key {@code task.field.<name>}. */
public enum TaskField {
    SEQ, SOURCE, CATEGORY, PROBLEM, TARGET, MEASURES, UNITS, SUPPORTING_UNITS, LEADER, DEADLINE, REMARKS,
    /** 牵头单位: one unit of the roster that leads the task (issue 14). */
    LEAD_UNIT;

    /** The bundle key of the field's label, e.g. {@code task.field.deadline}. */
    public String labelKey() {
        return "task.field." + switch (this) {
            case SEQ -> "seq";
            case SOURCE -> "source";
            case CATEGORY -> "category";
            case PROBLEM -> "problem";
            case TARGET -> "target";
            case MEASURES -> "measures";
            case UNITS -> "units";
            case SUPPORTING_UNITS -> "supportingUnits";
            case LEADER -> "leader";
            case DEADLINE -> "deadline";
            case REMARKS -> "remarks";
            case LEAD_UNIT -> "leadUnit";
        };
    }
}
