package org.duban.service.handout;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One line of text placed on a page: left edge and baseline in points (origin top left), size in points,
 * and its runs; {@link #width()} is the measured width.
 */
public record TextLine(double x, double baseline, double size, FontRole role, List<Span> spans) {
    public TextLine {
        spans = List.copyOf(spans);
    }

    public String text() {
        return spans.stream().map(Span::text).collect(Collectors.joining());
    }

    public double width() {
        return spans.stream().mapToDouble(Span::width).sum();
    }

    /** The same line moved down by {@code dy}. */
    TextLine shifted(double dx, double dy) {
        return new TextLine(x + dx, baseline + dy, size, role, spans);
    }
}
