package org.duban.service.handout;

import java.util.List;

/**
 * The bundled Chinese faces come in two files each: the full font, and its common face ({@code *.common.ttf}), the
 * same font without the outlines of characters a handout seldom prints (made by {@code CommonFaceTool} in the tests;
 * {@code assets/fonts/README.md}). The common face has every glyph id, width and character mapping of the full font,
 * so text is measured, broken into lines and encoded with it alone, and a PDF subset made from it is the very subset
 * the full font gives. A character whose outline it lacks is printed from the full font, read only then
 * ({@link FontFace#printing}). FontBox holds a font's whole file and again its outlines in memory: the four full
 * faces took some 130 MB, their common faces a fifth of that.
 */
final class CommonFaces {
    /** The private table of a common face: a version (1), the number of glyphs, and a bit per glyph (first glyph in
     * the high bit of the first byte) set where the outline was left out. */
    static final String OMITTED_TAG = "DUBo";

    /** The bundled faces that have a common face. */
    static final List<String> FACES = List.of(HandoutFonts.SERIF_REGULAR, HandoutFonts.SERIF_BOLD,
            HandoutFonts.SANS_REGULAR, HandoutFonts.SANS_BOLD);

    private CommonFaces() {
    }

    /** The file name of a face's common face: {@code NotoSansSC-Regular.ttf} → {@code NotoSansSC-Regular.common.ttf}. */
    static String commonName(String fullName) {
        return fullName.replaceFirst("\\.ttf$", ".common.ttf");
    }
}
