package org.duban.service.importer;

import java.util.Arrays;
import org.duban.i18n.Messages;

/**
 * One thing wrong with the file: where (row as the spreadsheet numbers it, column letter and heading), the
 * cell's text, and why. Errors block the import; warnings are shown and do not.
 *
 * @param row    spreadsheet row number, 0 when the problem concerns the whole file
 * @param column column letter ("G"), "" when it concerns the whole row or file
 * @param header the column's heading as written, "" when none
 */
public record ImportProblem(Severity severity, int row, String column, String header, String value, String key,
                            Object... args) {

    public enum Severity { ERROR, WARNING }

    public ImportProblem {
        column = column == null ? "" : column;
        header = header == null ? "" : header;
        value = value == null ? "" : value;
        args = args.clone();
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The reason in the user's language. */
    public String message() {
        return Messages.tr(key, args);
    }

    @Override
    public String toString() {
        return severity + " row " + row + " " + column + " [" + value + "]: " + key + Arrays.toString(args);
    }
}
