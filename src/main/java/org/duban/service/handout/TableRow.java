package org.duban.service.handout;

import java.util.List;

/**
 * A table row placed on a page: its kind, the task's 序号 (0 for header and section rows), its top and
 * height in points, and its cells. A task taller than a page is split into parts: {@code continued} marks a
 * part that goes on from the previous page (printed with "(续)"), {@code continues} one that goes on overleaf.
 */
public record TableRow(RowKind kind, int seq, double top, double height, List<Cell> cells, boolean continued,
                       boolean continues) {
    public TableRow {
        cells = List.copyOf(cells);
    }

    /** A cell: left edge and width in points, and its lines. */
    public record Cell(double left, double width, List<TextLine> lines) {
        public Cell {
            lines = List.copyOf(lines);
        }

        public String text() {
            StringBuilder sb = new StringBuilder();
            for (TextLine l : lines) {
                sb.append(l.text());
            }
            return sb.toString();
        }
    }

    public double bottom() {
        return top + height;
    }

    /** Draws the cell borders and text. */
    void draw(PageCanvas canvas, double rule) {
        double left = cells.get(0).left();
        Cell last = cells.get(cells.size() - 1);
        double right = last.left() + last.width();
        canvas.line(left, top, right, top, rule);
        canvas.line(left, bottom(), right, bottom(), rule);
        canvas.line(left, top, left, bottom(), rule);
        for (Cell c : cells) {
            double r = c.left() + c.width();
            canvas.line(r, top, r, bottom(), rule);
            for (TextLine l : c.lines()) {
                drawLine(canvas, l);
            }
        }
    }

    static void drawLine(PageCanvas canvas, TextLine l) {
        double x = l.x();
        for (Span s : l.spans()) {
            canvas.text(s, x, l.baseline(), l.size());
            x += s.width();
        }
    }
}
