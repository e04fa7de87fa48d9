package org.duban.service.handout;

/** A run of text in one face, with its measured width in points. */
public record Span(FontFace face, String text, double width) {
}
