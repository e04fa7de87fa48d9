package org.duban.service.bulletin;

import java.util.List;

/**
 * A bulletin as a sequence of blocks, the same for the PDF and the Word file, so that both say the same words in
 * the same order. The wording is made by {@link BulletinText}; the writers only set it.
 */
public record BulletinDocument(String title, List<Block> blocks) {
    public BulletinDocument {
        blocks = List.copyOf(blocks);
    }

    /** One piece of the document. */
    public sealed interface Block permits Title, Centered, Masthead, Rule, Heading, Paragraph, Addressee, Table, Figure,
            Signature, Note {
        /** The block's words. */
        String text();
    }

    /** The title (方正小标宋, centred), its lines separated by a line feed; a long line wraps. */
    public record Title(String text) implements Block {
    }

    /** A centred line in 楷体 under the title (第3期). */
    public record Centered(String text) implements Block {
    }

    /** The line above the rule: the issuer on the left, the date on the right. */
    public record Masthead(String left, String right) implements Block {
        @Override
        public String text() {
            return left + " " + right;
        }
    }

    /** The rule (red in print) that separates the masthead from the text. */
    public record Rule() implements Block {
        @Override
        public String text() {
            return "";
        }
    }

    /** A first-level heading in 黑体 (一、总体情况). */
    public record Heading(String text) implements Block {
    }

    /** A body paragraph in 仿宋, the first line indented by two characters. */
    public record Paragraph(String text) implements Block {
    }

    /** The 主送机关 line of a notice ("蕉城区人民政府："): 仿宋, flush left, not indented. */
    public record Addressee(String text) implements Block {
    }

    /**
     * A table with a header row repeated on every page.
     *
     * @param weights relative column widths
     * @param centred columns whose cells are centred (numbers, ranks)
     */
    public record Table(List<String> header, List<Double> weights, List<Boolean> centred, List<List<String>> rows)
            implements Block {
        public Table {
            header = List.copyOf(header);
            weights = List.copyOf(weights);
            centred = List.copyOf(centred);
            rows = rows.stream().map(List::copyOf).toList();
        }

        @Override
        public String text() {
            StringBuilder sb = new StringBuilder(String.join("|", header));
            rows.forEach(r -> sb.append('\n').append(String.join("|", r)));
            return sb.toString();
        }
    }

    /** A picture (a chart) across the text width, with its caption below. */
    public record Figure(Picture picture, double widthToHeight, String caption) implements Block {
        @Override
        public String text() {
            return caption;
        }
    }

    /** Lines set flush right at the end (the issuer and the date). */
    public record Signature(List<String> lines) implements Block {
        public Signature {
            lines = List.copyOf(lines);
        }

        @Override
        public String text() {
            return String.join("\n", lines);
        }
    }

    /** A small line flush left after the text: the audit trail's head (留痕校验) the document was made at. */
    public record Note(String text) implements Block {
    }

    /** Every word of the document in order (for tests and search). */
    public String text() {
        StringBuilder sb = new StringBuilder(title).append('\n');
        for (Block b : blocks) {
            sb.append(b.text()).append('\n');
        }
        return sb.toString();
    }
}
