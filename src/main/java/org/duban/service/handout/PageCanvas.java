package org.duban.service.handout;

/**
 * What a page is drawn onto: the PDF writer and the print preview each implement these two primitives, so
 * both draw exactly the layout that pagination computed. Coordinates are points, origin top left.
 */
public interface PageCanvas {
    /** Draws one run of text with its left end at {@code x} on the baseline {@code baseline}. */
    void text(Span span, double x, double baseline, double size);

    /** Draws a straight rule. */
    void line(double x1, double y1, double x2, double y2, double width);
}
