package org.duban.service.chart;

import java.util.Objects;

/**
 * A row or column key of a chart's dataset: the thing it stands for (a {@link org.duban.model.Unit}, a
 * {@link org.duban.model.TaskStatus}, a light, a source), the label drawn, and its place in the order. A click on a
 * bar hands back the key, so the window can tell which unit was meant.
 */
public record ChartKey(Object value, String label, int order) implements Comparable<ChartKey> {
    public ChartKey {
        Objects.requireNonNull(label, "label");
    }

    @Override
    public int compareTo(ChartKey o) {
        return Integer.compare(order, o.order);
    }

    @Override
    public String toString() {
        return label;
    }
}
