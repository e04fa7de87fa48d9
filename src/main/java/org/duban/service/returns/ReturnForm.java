package org.duban.service.returns;

import java.util.List;
import java.util.Optional;

/**
 * The layout of a return form (进展报送表), shared by the writer and the reader. The notes sheet says which layout a
 * form has: forms written by an older version come back for weeks after a new one is installed, so every layout
 * that was ever written is still read.
 */
final class ReturnForm {
    /** The program's notes sheet (very hidden): form version, meeting, unit, and each row's assignment. */
    static final String META_SHEET = "_duban";
    static final String MAGIC = "duban-returns";
    static final int HEADER_ROW = 2;

    // Column headings (bundle keys); the reader finds columns by these headings.
    static final String SEQ = "task.field.seq";
    static final String PROBLEM = "task.field.problem";
    static final String TARGET = "task.field.target";
    static final String DEADLINE = "task.field.deadline";
    static final String LEAD_UNIT = "task.field.leadUnit";
    static final String STATUS = "returns.column.status";
    static final String PROGRESS = "returns.column.progress";
    static final String PERCENT = "returns.column.percent";
    static final String REPORTER = "returns.column.reporter";
    static final String DATE = "returns.column.date";

    /**
     * One layout: the columns in order (bundle keys), their widths, and the first column the unit fills in.
     *
     * @param version as written in the notes sheet
     */
    record Layout(String version, List<String> columns, int[] widths, int firstInput) {
        int last() {
            return columns.size() - 1;
        }

        int indexOf(String key) {
            return columns.indexOf(key);
        }
    }

    /** Version 1 (until issue 14): no lead unit. Still read. */
    static final Layout V1 = new Layout("1", List.of(SEQ, PROBLEM, TARGET, DEADLINE, STATUS, PROGRESS, PERCENT,
            REPORTER, DATE), new int[] {6, 40, 30, 14, 12, 44, 10, 10, 12}, 5);
    /** Version 2 (issue 14): the task's 牵头单位 beside its deadline, so the unit knows whom the task reports to. */
    static final Layout V2 = new Layout("2", List.of(SEQ, PROBLEM, TARGET, DEADLINE, LEAD_UNIT, STATUS, PROGRESS,
            PERCENT, REPORTER, DATE), new int[] {6, 38, 28, 14, 14, 12, 42, 10, 10, 12}, 6);
    /** What the writer writes. */
    static final Layout CURRENT = V2;

    /** The layout a form's notes sheet names; empty for a version this program does not know (a newer one). */
    static Optional<Layout> layout(String version) {
        String v = version == null ? "" : version.strip();
        if (v.endsWith(".0")) {
            v = v.substring(0, v.length() - 2); // a number cell read back as 1.0
        }
        for (Layout l : List.of(V1, V2)) {
            if (l.version().equals(v)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    private ReturnForm() {
    }
}
