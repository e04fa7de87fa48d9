package org.duban.service.excel;

/**
 * Why the text read from a cell cannot be trusted: a formula whose result is an error ({@code #REF!}), or one
 * that the file holds without its result and that could not be worked out here.
 *
 * @param column 0 = column A
 * @param detail the error as Excel shows it ({@code #REF!}) or the formula ({@code =[预算.xlsx]表1!B2})
 */
public record CellIssue(int column, Kind kind, String detail) {

    public enum Kind {
        /** The formula's result is an error value such as #REF! or #N/A. */
        FORMULA_ERROR,
        /** The file keeps no result for the formula and it could not be calculated (another file, an unknown function). */
        FORMULA_NOT_CALCULATED
    }
}
