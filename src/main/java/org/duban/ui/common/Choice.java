package org.duban.ui.common;

import java.util.Objects;

/** An item of a filter or picker list: a value (null for "all") and the text the user sees. */
public record Choice<T>(T value, String label) {
    public Choice {
        Objects.requireNonNull(label, "label");
    }

    @Override
    public String toString() {
        return label;
    }
}
