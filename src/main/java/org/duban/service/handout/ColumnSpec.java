package org.duban.service.handout;

import java.util.Objects;

/** A printed column and its relative width (the widths of all columns share the text width). */
public record ColumnSpec(HandoutColumn column, double weight) {
    public ColumnSpec {
        Objects.requireNonNull(column, "column");
        if (!(weight > 0)) {
            throw new IllegalArgumentException("weight must be positive: " + weight);
        }
    }

    public static ColumnSpec of(HandoutColumn column) {
        return new ColumnSpec(column, column.defaultWeight());
    }
}
