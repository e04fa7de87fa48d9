package org.duban.service.handout;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Lays a unit's handout out in pages, once; the PDF writer and the printer draw the result. The title block
 * opens the first page; the header row opens every page; a section heading never stands alone at the foot of
 * a page; a task row is never split across pages unless it alone is taller than a page, and then it goes on
 * overleaf marked "(续)"; every page ends with the unit name and "第 X 页 共 Y 页"; the optional 签收 block
 * follows the table.
 */
public final class HandoutPaginator {
    static final double LINE_SPACING = 1.4;
    static final double PAD_X = 4;
    static final double PAD_Y = 4;
    /** Where the baseline sits in a line box, for CJK faces (ideographic em box: 0.88 above the baseline). */
    static final double ASCENT = 0.88;
    static final double FOOTER_SIZE = 10.5;

    private final HandoutFonts fonts;
    private final LineBreaker breaker;

    public HandoutPaginator(HandoutFonts fonts) {
        this.fonts = fonts;
        this.breaker = new LineBreaker(fonts);
    }

    public HandoutLayout layout(HandoutContent content, HandoutSettings settings) {
        List<PageDraft> drafts = new ArrayList<>();
        Run run = new Run(content, settings, drafts::add);
        run.layout();
        List<LayoutPage> out = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            out.add(run.finalPage(drafts.get(i), i, drafts.size()));
        }
        return new HandoutLayout(content.unitName(), content.title(), run.g, out);
    }

    /**
     * The same pages as {@link #layout(HandoutContent, HandoutSettings)}, handed to {@code sink} one at a time and
     * not kept: a large unit's handout is never held in memory whole. The footers say "第 X 页 共 Y 页", so the
     * pages are counted by laying them out once without keeping them, then laid out again; returns the count.
     */
    public int layout(HandoutContent content, HandoutSettings settings, Consumer<LayoutPage> sink) {
        int[] count = {0};
        new Run(content, settings, d -> count[0]++).layout();
        int[] index = {0};
        Run[] run = new Run[1];
        run[0] = new Run(content, settings, d -> sink.accept(run[0].finalPage(d, index[0]++, count[0])));
        run[0].layout();
        if (index[0] != count[0]) {
            // a unit read a piece at a time is read for each pass: its tasks changed in between
            throw new org.duban.i18n.LocalizedException("handout.error.changed", content.unitName());
        }
        return count[0];
    }

    /** A row measured but not yet placed: lines per cell, relative to the row. */
    private record Measured(RowKind kind, int seq, List<List<String>> cellLines, FontRole role) {
        int lineCount() {
            return cellLines.stream().mapToInt(List::size).max().orElse(1);
        }
    }

    private final class Run {
        final HandoutContent content;
        final HandoutSettings settings;
        final PageGeometry g;
        final double size;
        final double lineHeight;
        final double[] colLeft;
        final double[] colWidth;
        /** Hears of each page when it is full (when the next one starts, or at the end). */
        final Consumer<PageDraft> done;
        PageDraft page;
        double y;
        /** The cursor just below the header row of the current page. */
        double freshTop;
        final Measured header;

        Run(HandoutContent content, HandoutSettings settings, Consumer<PageDraft> done) {
            this.done = done;
            this.content = content;
            this.settings = settings;
            this.g = settings.page();
            this.size = settings.margins().bodySize(settings.orientation());
            this.lineHeight = size * LINE_SPACING;
            List<ColumnSpec> cols = settings.columns();
            colWidth = columnWidths(cols);
            colLeft = new double[cols.size()];
            double x = g.contentLeft();
            for (int i = 0; i < cols.size(); i++) {
                colLeft[i] = x;
                x += colWidth[i];
            }
            List<List<String>> heads = new ArrayList<>();
            for (int i = 0; i < cols.size(); i++) {
                heads.add(wrap(cols.get(i).column().heading(), FontRole.HEADING, colWidth[i]));
            }
            header = new Measured(RowKind.HEADER, 0, heads, FontRole.HEADING);
        }

        /**
         * Widths in proportion to the weights, except that no column is narrower than its heading on one
         * line (a narrow 序号 column on a portrait sheet would otherwise print 序 above 号); the others share
         * what is left in proportion.
         */
        double[] columnWidths(List<ColumnSpec> cols) {
            int n = cols.size();
            double[] min = new double[n];
            for (int i = 0; i < n; i++) {
                String heading = fonts.printable(FontRole.HEADING, cols.get(i).column().heading());
                min[i] = fonts.width(FontRole.HEADING, heading, size) + 2 * PAD_X + 1;
            }
            double[] w = new double[n];
            boolean[] fixed = new boolean[n];
            for (int round = 0; round <= n; round++) {
                double fixedWidth = 0;
                double freeWeight = 0;
                for (int i = 0; i < n; i++) {
                    if (fixed[i]) {
                        fixedWidth += min[i];
                    } else {
                        freeWeight += cols.get(i).weight();
                    }
                }
                boolean changed = false;
                for (int i = 0; i < n; i++) {
                    w[i] = fixed[i] ? min[i] : (g.contentWidth() - fixedWidth) * cols.get(i).weight() / freeWeight;
                    if (!fixed[i] && w[i] < min[i] && fixedWidth + min[i] < g.contentWidth()) {
                        fixed[i] = true;
                        changed = true;
                    }
                }
                if (!changed) {
                    break;
                }
            }
            return w;
        }

        void layout() {
            newPage(true);
            for (HandoutContent.Section section : content.sections()) {
                Measured heading = new Measured(RowKind.SECTION, 0,
                        List.of(wrap(section.heading(), FontRole.HEADING, g.contentWidth())), FontRole.HEADING);
                // each row measured when it is placed: a section of thousands of tasks held as wrapped lines took
                // a million strings (issue 24)
                List<HandoutEntry> entries = section.entries();
                Measured firstRow = entries.isEmpty() ? null : measure(entries.get(0));
                // A heading keeps its first task with it: all of it, or (a task that will be split anyway)
                // its first two lines.
                double below = fresh() - height(heading);
                double first = firstRow == null ? 0 : height(firstRow);
                double keep = height(heading) + (first <= below ? first : 2 * lineHeight + 2 * PAD_Y);
                if (y + keep > g.contentBottom() + 1e-6) {
                    newPage(false);
                }
                place(heading, 0, heading.lineCount(), false);
                for (int i = 0; i < entries.size(); i++) {
                    placeTask(i == 0 ? firstRow : measure(entries.get(i)), i == 0 ? height(heading) : 0);
                }
            }
            if (settings.signOff()) {
                placeSignOff();
            }
            done.accept(page);
            page = null;
        }

        Measured measure(HandoutEntry e) {
            List<List<String>> cells = new ArrayList<>();
            List<ColumnSpec> cols = settings.columns();
            for (int i = 0; i < cols.size(); i++) {
                cells.add(wrap(cols.get(i).column().text(e), FontRole.BODY, colWidth[i]));
            }
            return new Measured(RowKind.TASK, e.task().seq(), cells, FontRole.BODY);
        }

        List<String> wrap(String text, FontRole role, double cellWidth) {
            return breaker.lines(fonts.printable(role, text), role, size, cellWidth - 2 * PAD_X);
        }

        double height(Measured m) {
            return m.lineCount() * lineHeight + 2 * PAD_Y;
        }

        /** Room for rows on a page after the first: below the header row. */
        double fresh() {
            return g.contentHeight() - height(header);
        }

        /**
         * Places a task row: here if it fits, else on the next page, else (taller than a page, or than the room
         * below its section heading, which it must not leave alone) split across pages.
         */
        void placeTask(Measured row, double heading) {
            double h = height(row);
            if (y + h <= g.contentBottom() + 1e-6) {
                place(row, 0, row.lineCount(), false);
                return;
            }
            if (h <= fresh() - heading + 1e-6) {
                newPage(false);
                place(row, 0, row.lineCount(), false);
                return;
            }
            // Taller than a page: fill pages with as many lines as fit, each part after the first marked (续).
            int from = 0;
            int total = row.lineCount();
            while (from < total) {
                boolean continued = from > 0;
                int extra = continued && !hasSeqColumn() ? 1 : 0; // the (续) line of a table without 序号
                int need = continued && hasSeqColumn() ? 2 : 1;   // 序号 and (续) stack in the first cell
                int fit = (int) Math.floor((g.contentBottom() - y - 2 * PAD_Y) / lineHeight + 1e-6) - extra;
                if (fit < need) {
                    if (y > freshTop + 1e-6) {
                        newPage(false);
                        continue;
                    }
                    fit = need; // a page too small for even this: print it anyway rather than loop
                }
                int to = Math.min(total, from + fit);
                place(row, from, to, continued);
                from = to;
                if (from < total) {
                    newPage(false);
                }
            }
        }

        boolean hasSeqColumn() {
            return settings.columns().get(0).column() == HandoutColumn.SEQ;
        }

        /** Places lines [from, to) of a measured row at the cursor. */
        void place(Measured m, int from, int to, boolean continued) {
            boolean split = from > 0 || to < m.lineCount();
            List<List<String>> parts = new ArrayList<>();
            for (int c = 0; c < m.cellLines().size(); c++) {
                List<String> lines = m.cellLines().get(c);
                List<String> part = new ArrayList<>(lines.subList(Math.min(from, lines.size()), Math.min(to, lines.size())));
                if (continued && c == 0) {
                    if (hasSeqColumn()) {
                        part = new ArrayList<>(List.of(String.valueOf(m.seq()), HandoutText.tr("handout.doc.continued")));
                    } else {
                        part.add(0, HandoutText.tr("handout.doc.continued"));
                    }
                }
                parts.add(part);
            }
            int lines = parts.stream().mapToInt(List::size).max().orElse(1);
            lines = Math.max(lines, 1);
            double h = lines * lineHeight + 2 * PAD_Y;
            List<TableRow.Cell> cells = new ArrayList<>();
            if (m.kind() == RowKind.SECTION) {
                cells.add(cell(parts.get(0), m.role(), g.contentLeft(), g.contentWidth(), h, false, false));
            } else {
                for (int c = 0; c < parts.size(); c++) {
                    boolean centred = m.kind() == RowKind.HEADER || settings.columns().get(c).column().centred();
                    cells.add(cell(parts.get(c), m.role(), colLeft[c], colWidth[c], h, centred, !split));
                }
            }
            page.rows.add(new TableRow(m.kind(), m.seq(), y, h, cells, continued, to < m.lineCount()));
            y += h;
        }

        TableRow.Cell cell(List<String> lines, FontRole role, double left, double width, double rowHeight,
                           boolean centred, boolean middle) {
            double block = lines.size() * lineHeight;
            double top = y + (middle ? (rowHeight - block) / 2 : PAD_Y);
            List<TextLine> placed = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                List<Span> spans = fonts.spans(role, lines.get(i), size);
                double w = spans.stream().mapToDouble(Span::width).sum();
                double x = centred ? left + (width - w) / 2 : left + PAD_X;
                placed.add(new TextLine(x, baseline(top + i * lineHeight, lineHeight, size), size, role, spans));
            }
            return new TableRow.Cell(left, width, placed);
        }

        void newPage(boolean first) {
            startPage();
            y = g.contentTop();
            if (first) {
                titleBlock();
            }
            place(header, 0, header.lineCount(), false);
            freshTop = y;
        }

        void titleBlock() {
            double titleSize = settings.margins().titleSize();
            for (String line : breaker.lines(fonts.printable(FontRole.TITLE, content.title()), FontRole.TITLE,
                    titleSize, g.contentWidth())) {
                y = centred(line, FontRole.TITLE, titleSize, titleSize * 1.5);
            }
            double unitSize = 16;
            y = centred(content.unitLine(), FontRole.SUBTITLE, unitSize, unitSize * 1.6);
            if (!content.meetingLine().isBlank()) {
                y = centred(content.meetingLine(), FontRole.BODY, size, size * 1.6);
            }
            y += size * 0.6;
        }

        /** A centred line in a box of {@code box} height at the cursor; returns the new cursor. */
        double centred(String text, FontRole role, double textSize, double box) {
            List<Span> spans = fonts.spans(role, fonts.printable(role, text), textSize);
            double w = spans.stream().mapToDouble(Span::width).sum();
            page.texts.add(new TextLine(g.contentLeft() + (g.contentWidth() - w) / 2, baseline(y, box, textSize),
                    textSize, role, spans));
            return y + box;
        }

        void placeSignOff() {
            double box = size * 2.4;
            double gap = size * 1.5;
            if (y + gap + box > g.contentBottom() + 1e-6) {
                startPage();
                y = g.contentTop();
            } else {
                y += gap;
            }
            String[] labels = {HandoutText.tr("handout.doc.signOff.unit"), HandoutText.tr("handout.doc.signOff.person"),
                    HandoutText.tr("handout.doc.signOff.date")};
            double[] share = {0.42, 0.28, 0.30};
            double x = g.contentLeft();
            double base = baseline(y, box, size);
            for (int i = 0; i < labels.length; i++) {
                double slot = g.contentWidth() * share[i];
                List<Span> spans = fonts.spans(FontRole.HEADING, labels[i], size);
                double w = spans.stream().mapToDouble(Span::width).sum();
                page.texts.add(new TextLine(x, base, size, FontRole.HEADING, spans));
                double lineEnd = x + slot - size * 1.5;
                if (lineEnd > x + w + size) {
                    page.rules.add(new LayoutPage.Rule(x + w + 2, base + 3, lineEnd, base + 3, 0.6));
                }
                if (i == 2) {
                    // 日期：____年__月__日 — the year, month and day marks sit on the line
                    String marks = HandoutText.tr("handout.doc.signOff.dateMarks");
                    List<Span> m = fonts.spans(FontRole.BODY, marks, size);
                    double mw = m.stream().mapToDouble(Span::width).sum();
                    page.texts.add(new TextLine(lineEnd - mw, base, size, FontRole.BODY, m));
                }
                x += slot;
            }
            y += box;
        }

        void startPage() {
            if (page != null) {
                done.accept(page);
            }
            page = new PageDraft();
        }

        /** A full page with its footer: page {@code i} (from 0) of {@code count}. */
        LayoutPage finalPage(PageDraft d, int i, int count) {
            List<TextLine> texts = new ArrayList<>(d.texts);
            double footerBase = g.contentBottom() + PageGeometry.mm(7) + FOOTER_SIZE;
            String number = HandoutText.tr("handout.doc.pageOf", i + 1, count);
            List<Span> n = fonts.spans(FontRole.BODY, number, FOOTER_SIZE);
            double nw = n.stream().mapToDouble(Span::width).sum();
            texts.add(new TextLine(g.contentLeft() + (g.contentWidth() - nw) / 2, footerBase, FOOTER_SIZE,
                    FontRole.BODY, n));
            texts.add(new TextLine(g.contentLeft(), footerBase, FOOTER_SIZE, FontRole.BODY,
                    fonts.spans(FontRole.BODY, fonts.printable(FontRole.BODY, content.unitName()), FOOTER_SIZE)));
            if (!content.auditNote().isBlank()) {
                double noteSize = FOOTER_SIZE - 1.5;
                List<Span> a = fonts.spans(FontRole.BODY, fonts.printable(FontRole.BODY, content.auditNote()),
                        noteSize);
                double aw = a.stream().mapToDouble(Span::width).sum();
                double numberEnd = g.contentLeft() + (g.contentWidth() + nw) / 2;
                // beside the page number when there is room (landscape), else on a line of its own below it
                double base = g.contentRight() - aw >= numberEnd + FOOTER_SIZE * 3 ? footerBase
                        : footerBase + FOOTER_SIZE * 1.4;
                texts.add(new TextLine(g.contentRight() - aw, base, noteSize, FontRole.BODY, a));
            }
            if (!settings.notice().isBlank()) {
                double noticeSize = Math.max(size, 12);
                List<Span> s = fonts.spans(FontRole.HEADING, fonts.printable(FontRole.HEADING, settings.notice()),
                        noticeSize);
                double sw = s.stream().mapToDouble(Span::width).sum();
                texts.add(new TextLine(g.contentRight() - sw, g.contentTop() - noticeSize * 0.9, noticeSize,
                        FontRole.HEADING, s));
            }
            return new LayoutPage(i + 1, count, g, texts, d.rows, d.rules);
        }
    }

    static double baseline(double boxTop, double boxHeight, double size) {
        return boxTop + (boxHeight - size) / 2 + ASCENT * size;
    }

    private static final class PageDraft {
        final List<TextLine> texts = new ArrayList<>();
        final List<TableRow> rows = new ArrayList<>();
        final List<LayoutPage.Rule> rules = new ArrayList<>();
    }
}
