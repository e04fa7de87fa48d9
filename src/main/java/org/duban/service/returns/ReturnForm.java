package org.duban.service.returns;

/** The layout of a return form (进展报送表), shared by the writer and the reader. */
final class ReturnForm {
    /** The program's notes sheet (very hidden): form version, meeting, unit, and each row's assignment. */
    static final String META_SHEET = "_duban";
    static final String MAGIC = "duban-returns";
    static final String VERSION = "1";
    static final int HEADER_ROW = 2;

    // Column headings (bundle keys); the reader finds columns by these headings.
    static final String SEQ = "task.field.seq";
    static final String PROBLEM = "task.field.problem";
    static final String TARGET = "task.field.target";
    static final String DEADLINE = "task.field.deadline";
    static final String STATUS = "returns.column.status";
    static final String PROGRESS = "returns.column.progress";
    static final String PERCENT = "returns.column.percent";
    static final String REPORTER = "returns.column.reporter";
    static final String DATE = "returns.column.date";
    static final String[] COLUMNS = {SEQ, PROBLEM, TARGET, DEADLINE, STATUS, PROGRESS, PERCENT, REPORTER, DATE};
    static final int[] WIDTHS = {6, 40, 30, 14, 12, 44, 10, 10, 12};
    static final int FIRST_INPUT = 5;

    private ReturnForm() {
    }
}
