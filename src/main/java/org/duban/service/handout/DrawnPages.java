package org.duban.service.handout;

import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Pages of one PDF as PDFBox drew them: each page's content stream (compressed, as written) and the faces its
 * resource names stand for, with the characters the document printed in each face. Another document (the
 * combined book) takes these pages as they are instead of drawing them again: a Type 0 font with Identity-H
 * encoding writes glyph ids of the whole font into the content stream, and the subset keeps them (its
 * CIDToGIDMap), so the same bytes print the same glyphs with any subset that holds them.
 */
public final class DrawnPages {
    /** One page's content stream, Flate-compressed, and the face behind each of its font resource names. */
    record Content(byte[] flate, Map<String, FontFace> fonts) {
    }

    private final Map<LayoutPage, Content> pages;
    private final Map<FontFace, BitSet> codePoints;

    DrawnPages(Map<LayoutPage, Content> pages, Map<FontFace, BitSet> codePoints) {
        this.pages = new IdentityHashMap<>(pages);
        this.codePoints = Map.copyOf(codePoints);
    }

    /** The drawn content of this very page (by identity), or null. */
    Content content(LayoutPage page) {
        return pages.get(page);
    }

    /** The characters each face printed in the document these pages come from. */
    Map<FontFace, BitSet> codePoints() {
        return codePoints;
    }

    public int size() {
        return pages.size();
    }
}
