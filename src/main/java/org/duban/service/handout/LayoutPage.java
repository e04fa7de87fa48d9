package org.duban.service.handout;

import java.util.List;

/**
 * One laid-out page: the free text (title, unit line, meeting line, notice, 签收 block, footer) and the
 * table rows, all with their final positions. {@link #draw} hands them to a {@link PageCanvas}.
 *
 * @param number 1-based page number within the unit's handout
 * @param count  pages of the unit's handout
 */
public record LayoutPage(int number, int count, PageGeometry geometry, List<TextLine> texts, List<TableRow> rows,
                         List<Rule> rules) {
    /** Width of table rules in points (0.75 pt: a fine line that prints black on any printer). */
    public static final double RULE = 0.75;

    public LayoutPage {
        texts = List.copyOf(texts);
        rows = List.copyOf(rows);
        rules = List.copyOf(rules);
    }

    /** A free rule (the 签收 block's signature lines). */
    public record Rule(double x1, double y1, double x2, double y2, double width) {
    }

    /** A page of nothing, which lets the next unit start on a front side in duplex printing. */
    public static LayoutPage blank(PageGeometry geometry) {
        return new LayoutPage(0, 0, geometry, List.of(), List.of(), List.of());
    }

    public boolean isBlank() {
        return texts.isEmpty() && rows.isEmpty() && rules.isEmpty();
    }

    public void draw(PageCanvas canvas) {
        for (TableRow r : rows) {
            r.draw(canvas, RULE);
        }
        for (Rule r : rules) {
            canvas.line(r.x1(), r.y1(), r.x2(), r.y2(), r.width());
        }
        for (TextLine t : texts) {
            TableRow.drawLine(canvas, t);
        }
    }

    /** All text of the page in drawing order (for tests and search). */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (TextLine t : texts) {
            sb.append(t.text()).append('\n');
        }
        for (TableRow r : rows) {
            for (TableRow.Cell c : r.cells()) {
                sb.append(c.text()).append('\n');
            }
        }
        return sb.toString();
    }
}
