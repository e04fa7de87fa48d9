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
        String normal = text.replace("\r\n", "\n").replace('\r', '\n');
        if (hasNumberedItem(normal)) {
            normal = NUMBERED_ITEM.matcher(normal).replaceAll("\n");
        }
        for (String paragraph : normal.split("\n", -1)) {
            String p = paragraph.strip();
            if (!p.isEmpty()) {
                breakParagraph(p, role, size, width, firstIndent, out);
            }
        }
        return out;
    }

    /**
     * Whether {@link #NUMBERED_ITEM} can match: a ；/;/。 followed (after white space) by 1. or （1）. Most cells have
     * none, and the look-behind pattern is costly to run over every cell.
     */
    private static boolean hasNumberedItem(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c != '；' && c != ';' && c != '。') {
                continue;
            }
            int j = i + 1;
            while (j < t.length() && " \t\n\u000B\f\r".indexOf(t.charAt(j)) >= 0) {
                j++;
            }
            if (j < t.length() && (isAsciiDigit(t.charAt(j)) || t.charAt(j) == '（' || t.charAt(j) == '(')) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void breakParagraph(String p, FontRole role, double size, double width, double firstIndent,
                                List<String> out) {
        int[] ends = clusterEnds(p);
        StringBuilder line = new StringBuilder();
        double lineWidth = firstIndent;
        for (int k = 0, start = 0; k < ends.length; start = ends[k++]) {
            int end = ends[k];
            double w = width(p, start, end, role, size);
            if (lineWidth + w <= width + 1e-6) {
                line.append(p, start, end);
                lineWidth += w;
                continue;
            }
            if (line.length() > 0) {
                out.add(line.toString().stripTrailing());
                line.setLength(0);
                lineWidth = 0;
            }
            int from = skipWhitespace(p, start, end);
            double restWidth = width(p, from, end, role, size);
            if (restWidth <= width + 1e-6) {
                line.append(p, from, end);
                lineWidth = restWidth;
            } else {
                // A cluster wider than the line (a long number, date or URL): break it by characters,
                // after a . / - where there is one (2026.9. | 30 rather than 2026.9.3 | 0).
                for (int i = from; i < end; ) {
                    int cp = p.codePointAt(i);
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

    /** The width of {@code p} from {@code start} to {@code end}, as {@link HandoutFonts#width} measures it. */
    private double width(String p, int start, int end, FontRole role, double size) {
        double w = 0;
        for (int i = start; i < end; ) {
            int cp = p.codePointAt(i);
            w += fonts.advance(role, cp, size);
            i += Character.charCount(cp);
        }
        return w;
    }

    /** Where {@code String.stripLeading} would start the piece {@code start}–{@code end}. */
    private static int skipWhitespace(String p, int start, int end) {
        int i = start;
        while (i < end) {
            int cp = p.codePointAt(i);
            if (!Character.isWhitespace(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        return i;
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
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int end : clusterEnds(p)) {
            out.add(p.substring(start, end));
            start = end;
        }
        return out;
    }

    /**
     * The clusters of {@link #clusters} as the index just after each: a cluster is always a run of the text (a piece
     * with the closing punctuation after it, or the opening punctuation before it), so the line breaker measures and
     * copies runs of the paragraph instead of making a string of each.
     */
    private static int[] clusterEnds(String p) {
        int[] ends = new int[Math.max(1, p.length())];
        int count = 0;
        int pendingOpen = -1; // where opening punctuation waiting for the next piece starts
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
            boolean single = i - start == 1;
            boolean closing = single && NO_LINE_START.indexOf(p.charAt(start)) >= 0;
            boolean opening = single && NO_LINE_END.indexOf(p.charAt(start)) >= 0;
            if (closing && count > 0 && pendingOpen < 0) {
                ends[count - 1] = i; // joins the cluster before it
            } else if (opening) {
                if (pendingOpen < 0) {
                    pendingOpen = start;
                }
            } else {
                ends[count++] = i;
                pendingOpen = -1;
            }
        }
        if (pendingOpen >= 0) {
            ends[count++] = p.length();
        }
        if (count > 1 && ends[0] <= 4 && ITEM_NUMBER.matcher(p.substring(0, ends[0])).matches()) {
            System.arraycopy(ends, 1, ends, 0, --count); // "1." stays with the first word of its item
        }
        return java.util.Arrays.copyOf(ends, count);
    }

    private static boolean isWordChar(int cp) {
        return cp < 0x2E80 && (Character.isLetterOrDigit(cp) || cp == '.' || cp == '%' || cp == '-' || cp == '_'
                || cp == '/' || cp == '+' || cp == '°' || cp == '\'');
    }
}
