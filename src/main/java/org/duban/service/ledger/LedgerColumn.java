package org.duban.service.ledger;

import java.util.function.Function;

/**
 * One column of the exported ledger.
 *
 * @param headerKey bundle key of the heading (the importer must know the heading, or ignore it on purpose)
 * @param width     width in characters
 * @param value     the cell for a row
 */
public record LedgerColumn(String headerKey, int width, Function<LedgerRow, Cell> value) {

    /**
     * A cell's text and, optionally, its fill (RGB, e.g. a warning light's colour; -1 for none).
     */
    public record Cell(String text, int fill, boolean centered) {
        public static Cell of(String text) {
            return new Cell(text, -1, false);
        }

        public static Cell centered(String text) {
            return new Cell(text, -1, true);
        }

        public static Cell filled(String text, int rgb) {
            return new Cell(text, rgb, true);
        }
    }
}
