package org.duban.service.handout;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Breaks cell text into lines that fit a width, the way Chinese typesetting does: a line may break between
 * any two Chinese characters, but never before closing punctuation (，。、；：）」” …) nor after opening
 * punctuation (（「“ …), and never inside a run of Latin letters or digits (COD, 95%, 2026) unless the
 * run alone is wider than the line. Numbered measures ("…；2.全面推广…") start each item on a new line, as
 * office tables set them.
 */
public final class LineBreaker {
    private static final String NO_LINE_START = "，。、；：？！）】》」』”’…—%‰·,.;:?!)]}>";
    private static final String NO_LINE_END = "（【《「『“‘([{<";
    private static final Pattern NUMBERED_ITEM = Pattern.compile("(?<=[；;。])\\s*(?=(?:\\d{1,2}[.．、]|[（(]\\d{1,2}[)）]))");

    private static final Pattern ITEM_NUMBER = Pattern.compile("[（(]?\\d{1,2}[.．、)）]");

    private final HandoutFonts fonts;

    public LineBreaker(HandoutFonts fonts) {
        this.fonts = fonts;
    }

    /** The lines of {@code text} (printable: see {@link HandoutFonts#printable}) within {@code width}. */
    public List<String> lines(String text, FontRole role, double size, double width) {
        return lines(text, role, size, width, 0);
    }

    /**
     * The same, with the first line of each paragraph starting {@code firstIndent} points in (a body paragraph of
     * an official document is indented by two characters).
     */
    public List<String> lines(String text, FontRole role, double size, double width, double firstIndent) {
        List<String> out = new ArrayList<>();
        String normal = NUMBERED_ITEM.matcher(text.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("\n");
        for (String paragraph : normal.split("\n", -1)) {
            String p = paragraph.strip();
            if (!p.isEmpty()) {
                breakParagraph(p, role, size, width, firstIndent, out);
            }
        }
        return out;
    }

    private void breakParagraph(String p, FontRole role, double size, double width, double firstIndent,
                                List<String> out) {
        List<String> clusters = clusters(p);
        StringBuilder line = new StringBuilder();
        double lineWidth = firstIndent;
        for (String c : clusters) {
            double w = fonts.width(role, c, size);
            if (lineWidth + w <= width + 1e-6) {
                line.append(c);
                lineWidth += w;
                continue;
            }
            if (line.length() > 0) {
                out.add(line.toString().stripTrailing());
                line.setLength(0);
                lineWidth = 0;
            }
            String rest = c.stripLeading();
            double restWidth = fonts.width(role, rest, size);
            if (restWidth <= width + 1e-6) {
                line.append(rest);
                lineWidth = restWidth;
            } else {
                // A cluster wider than the line (a long number, date or URL): break it by characters,
                // after a . / - where there is one (2026.9. | 30 rather than 2026.9.3 | 0).
                for (int i = 0; i < rest.length(); ) {
                    int cp = rest.codePointAt(i);
                    i += Character.charCount(cp);
                    double cw = fonts.advance(role, cp, size);
                    if (lineWidth + cw > width + 1e-6 && line.length() > 0) {
                        int cut = lastSoftBreak(line);
                        String carry = cut > 0 ? line.substring(cut) : "";
                        out.add(line.substring(0, cut > 0 ? cut : line.length()));
                        line.setLength(0);
                        line.append(carry);
                        lineWidth = fonts.width(role, carry, size);
                    }
                    line.appendCodePoint(cp);
                    lineWidth += cw;
                }
            }
        }
        if (line.length() > 0) {
            out.add(line.toString().stripTrailing());
        }
    }

    /** The index just after the last . / - of a line (0 when there is none). */
    private static int lastSoftBreak(CharSequence line) {
        for (int i = line.length() - 1; i > 0; i--) {
            char c = line.charAt(i - 1);
            if (c == '.' || c == '/' || c == '-') {
                return i;
            }
        }
        return 0;
    }

    /** Pieces that stay on one line: a Chinese character, a Latin word or number, with their punctuation. */
    static List<String> clusters(String p) {
        List<String> raw = new ArrayList<>();
        int i = 0;
        while (i < p.length()) {
            int cp = p.codePointAt(i);
            int start = i;
            i += Character.charCount(cp);
            if (isWordChar(cp)) {
                while (i < p.length() && isWordChar(p.codePointAt(i))) {
                    i += Character.charCount(p.codePointAt(i));
                }
            }
            raw.add(p.substring(start, i));
        }
        List<String> out = new ArrayList<>();
        StringBuilder pendingOpen = new StringBuilder();
        for (String piece : raw) {
            boolean closing = piece.length() == 1 && NO_LINE_START.indexOf(piece.charAt(0)) >= 0;
            boolean opening = piece.length() == 1 && NO_LINE_END.indexOf(piece.charAt(0)) >= 0;
            if (closing && !out.isEmpty() && pendingOpen.length() == 0) {
                out.set(out.size() - 1, out.get(out.size() - 1) + piece);
            } else if (opening) {
                pendingOpen.append(piece);
            } else {
                out.add(pendingOpen + piece);
                pendingOpen.setLength(0);
            }
        }
        if (pendingOpen.length() > 0) {
            out.add(pendingOpen.toString());
        }
        if (out.size() > 1 && ITEM_NUMBER.matcher(out.get(0)).matches()) {
            out.set(0, out.get(0) + out.remove(1)); // "1." stays with the first word of its item
        }
        return out;
    }

    private static boolean isWordChar(int cp) {
        return cp < 0x2E80 && (Character.isLetterOrDigit(cp) || cp == '.' || cp == '%' || cp == '-' || cp == '_'
                || cp == '/' || cp == '+' || cp == '°' || cp == '\'');
    }
}
