package org.duban.service.bulletin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.duban.service.handout.FontRole;
import org.duban.service.handout.HandoutFonts;
import org.duban.service.handout.LayoutPage;
import org.duban.service.handout.LineBreaker;
import org.duban.service.handout.MarginPreset;
import org.duban.service.handout.PageGeometry;
import org.duban.service.handout.PageOrientation;
import org.duban.service.handout.PdfHandoutWriter;
import org.duban.service.handout.RowKind;
import org.duban.service.handout.TableRow;
import org.duban.service.handout.TextLine;

/**
 * Sets a bulletin on A4 portrait pages as 党政机关公文 are set (GB/T 9704: margins 37/35/28/26 mm, title in 二号
 * 小标宋, text in 三号 仿宋 on a 28 pt line, headings in 黑体, page numbers "— 1 —"), with the handouts' fonts, and
 * writes the PDF through the handouts' writer (fonts embedded as subsets). Charts are drawn as vector graphics.
 */
public final class BulletinPdfWriter {
    static final double TITLE_SIZE = 22;
    static final double TEXT_SIZE = 16;
    static final double LINE = 28;
    static final double TABLE_SIZE = 10.5;
    static final double CAPTION_SIZE = 14;
    static final double PAGE_NUMBER_SIZE = 14;
    static final double PAD_X = 4;
    static final double PAD_Y = 4;
    private static final double ASCENT = 0.88;

    private final HandoutFonts fonts;
    private final LineBreaker breaker;

    public BulletinPdfWriter(HandoutFonts fonts) {
        this.fonts = fonts;
        this.breaker = new LineBreaker(fonts);
    }

    /** Where a picture goes: page index, top left and size in points (origin top left). */
    record Placement(int page, double x, double top, double width, double height, Picture picture) {
    }

    /** The pages of a document, with the places of its pictures. */
    record Layout(List<LayoutPage> pages, List<Placement> pictures) {
        String text() {
            StringBuilder sb = new StringBuilder();
            pages.forEach(p -> sb.append(p.text()));
            return sb.toString();
        }
    }

    /** Writes the document to {@code target} (written beside it and moved into place). */
    public void write(BulletinDocument doc, Path target) {
        Layout layout = layout(doc);
        PdfHandoutWriter.write(layout.pages(), doc.title(), false, target, (pdf, cs, index, g) -> {
            for (Placement p : layout.pictures()) {
                if (p.page() == index) {
                    p.picture().drawPdf(pdf, cs, (float) p.x(), (float) (g.height() - p.top() - p.height()),
                            (float) p.width(), (float) p.height());
                }
            }
        });
    }

    Layout layout(BulletinDocument doc) {
        return new Run().layout(doc);
    }

    /**
     * Writes several documents into one PDF for duplex printing: each starts on a front side (a blank page follows
     * one with an odd number of pages), each keeps its own page numbers.
     */
    public void writeCombined(List<BulletinDocument> docs, String title, Path target) {
        List<LayoutPage> pages = new ArrayList<>();
        List<Placement> pictures = new ArrayList<>();
        for (BulletinDocument doc : docs) {
            Layout l = layout(doc);
            int offset = pages.size();
            l.pictures().forEach(p -> pictures.add(new Placement(p.page() + offset, p.x(), p.top(), p.width(),
                    p.height(), p.picture())));
            pages.addAll(l.pages());
            if (l.pages().size() % 2 == 1) {
                pages.add(LayoutPage.blank(l.pages().get(0).geometry()));
            }
        }
        PdfHandoutWriter.write(pages, title, true, target, (pdf, cs, index, g) -> {
            for (Placement p : pictures) {
                if (p.page() == index) {
                    p.picture().drawPdf(pdf, cs, (float) p.x(), (float) (g.height() - p.top() - p.height()),
                            (float) p.width(), (float) p.height());
                }
            }
        });
    }

    private final class Run {
        final PageGeometry g = PageGeometry.a4(PageOrientation.PORTRAIT, MarginPreset.GB_T_9704);
        final List<Draft> drafts = new ArrayList<>();
        final List<Placement> pictures = new ArrayList<>();
        Draft page;
        double y;

        /** A page being filled. */
        final class Draft {
            final List<TextLine> texts = new ArrayList<>();
            final List<TableRow> rows = new ArrayList<>();
            final List<LayoutPage.Rule> rules = new ArrayList<>();
        }

        Layout layout(BulletinDocument doc) {
            newPage();
            for (BulletinDocument.Block b : doc.blocks()) {
                if (b instanceof BulletinDocument.Title t) {
                    centred(t.text(), FontRole.TITLE, TITLE_SIZE, TITLE_SIZE * 1.5);
                    y += TITLE_SIZE * 0.5;
                } else if (b instanceof BulletinDocument.Centered c) {
                    centred(c.text(), FontRole.SUBTITLE, TEXT_SIZE, LINE);
                } else if (b instanceof BulletinDocument.Masthead m) {
                    masthead(m);
                } else if (b instanceof BulletinDocument.Rule) {
                    room(6);
                    page.rules.add(new LayoutPage.Rule(g.contentLeft(), y + 2, g.contentRight(), y + 2, 1.5));
                    y += 10;
                } else if (b instanceof BulletinDocument.Heading h) {
                    // a heading keeps the first two lines of what follows with it
                    paragraph(h.text(), FontRole.HEADING, 0, 2 * LINE);
                } else if (b instanceof BulletinDocument.Paragraph p) {
                    paragraph(p.text(), FontRole.BODY, 2 * TEXT_SIZE, 0);
                } else if (b instanceof BulletinDocument.Addressee a) {
                    paragraph(a.text(), FontRole.BODY, 0, 0);
                } else if (b instanceof BulletinDocument.Table t) {
                    table(t);
                } else if (b instanceof BulletinDocument.Figure f) {
                    figure(f);
                } else if (b instanceof BulletinDocument.Note n) {
                    y += LINE / 2;
                    for (String l : breaker.lines(fonts.printable(FontRole.SUBTITLE, n.text()), FontRole.SUBTITLE,
                            TABLE_SIZE, g.contentWidth())) {
                        room(TABLE_SIZE * 1.6);
                        page.texts.add(line(l, FontRole.SUBTITLE, TABLE_SIZE, g.contentLeft(), y, TABLE_SIZE * 1.6));
                        y += TABLE_SIZE * 1.6;
                    }
                } else if (b instanceof BulletinDocument.Signature s) {
                    y += LINE;
                    for (String line : s.lines()) {
                        String text = fonts.printable(FontRole.BODY, line);
                        room(LINE);
                        double w = fonts.width(FontRole.BODY, text, TEXT_SIZE);
                        page.texts.add(line(text, FontRole.BODY, TEXT_SIZE, g.contentRight() - 2 * TEXT_SIZE - w,
                                y, LINE));
                        y += LINE;
                    }
                }
            }
            return finish();
        }

        void newPage() {
            page = new Draft();
            drafts.add(page);
            y = g.contentTop();
        }

        /** Starts a new page unless {@code height} more points fit on this one. */
        void room(double height) {
            if (y + height > g.contentBottom() + 1e-6 && y > g.contentTop() + 1e-6) {
                newPage();
            }
        }

        TextLine line(String printable, FontRole role, double size, double x, double top, double lineHeight) {
            double baseline = top + (lineHeight - size) / 2 + size * ASCENT;
            return new TextLine(x, baseline, size, role, fonts.spans(role, printable, size));
        }

        void centred(String text, FontRole role, double size, double lineHeight) {
            for (String l : breaker.lines(fonts.printable(role, text), role, size, g.contentWidth())) {
                room(lineHeight);
                double w = fonts.width(role, l, size);
                page.texts.add(line(l, role, size, g.contentLeft() + (g.contentWidth() - w) / 2, y, lineHeight));
                y += lineHeight;
            }
        }

        void masthead(BulletinDocument.Masthead m) {
            room(LINE);
            String left = fonts.printable(FontRole.SUBTITLE, m.left());
            String right = fonts.printable(FontRole.SUBTITLE, m.right());
            double size = TEXT_SIZE * 0.875; // 四号: smaller than the text, as mastheads are set
            page.texts.add(line(left, FontRole.SUBTITLE, size, g.contentLeft() + size, y, LINE));
            double w = fonts.width(FontRole.SUBTITLE, right, size);
            page.texts.add(line(right, FontRole.SUBTITLE, size, g.contentRight() - size - w, y, LINE));
            y += LINE;
        }

        void paragraph(String text, FontRole role, double indent, double keepWithNext) {
            List<String> lines = breaker.lines(fonts.printable(role, text), role, TEXT_SIZE, g.contentWidth(), indent);
            room(Math.min(lines.size(), 2) * LINE + keepWithNext);
            for (int i = 0; i < lines.size(); i++) {
                room(LINE);
                double x = g.contentLeft() + (i == 0 ? indent : 0);
                page.texts.add(line(lines.get(i), role, TEXT_SIZE, x, y, LINE));
                y += LINE;
            }
        }

        void table(BulletinDocument.Table t) {
            int n = t.header().size();
            double total = t.weights().stream().mapToDouble(Double::doubleValue).sum();
            double[] left = new double[n];
            double[] width = new double[n];
            double x = g.contentLeft();
            for (int i = 0; i < n; i++) {
                left[i] = x;
                width[i] = g.contentWidth() * t.weights().get(i) / total;
                x += width[i];
            }
            y += 4;
            List<List<String>> header = cells(t.header(), FontRole.HEADING, width);
            double headerHeight = height(header);
            room(headerHeight + (t.rows().isEmpty() ? 0 : height(cells(t.rows().get(0), FontRole.BODY, width))));
            placeRow(header, RowKind.HEADER, FontRole.HEADING, left, width, t, true);
            for (List<String> r : t.rows()) {
                List<List<String>> cells = cells(r, FontRole.BODY, width);
                if (y + height(cells) > g.contentBottom() + 1e-6) {
                    newPage();
                    placeRow(header, RowKind.HEADER, FontRole.HEADING, left, width, t, true);
                }
                placeRow(cells, RowKind.TASK, FontRole.BODY, left, width, t, false);
            }
            y += 8;
        }

        List<List<String>> cells(List<String> texts, FontRole role, double[] width) {
            List<List<String>> out = new ArrayList<>();
            for (int i = 0; i < width.length; i++) {
                String text = i < texts.size() ? texts.get(i) : "";
                out.add(breaker.lines(fonts.printable(role, text), role, TABLE_SIZE, width[i] - 2 * PAD_X));
            }
            return out;
        }

        double height(List<List<String>> cells) {
            int lines = Math.max(1, cells.stream().mapToInt(List::size).max().orElse(1));
            return lines * TABLE_SIZE * 1.4 + 2 * PAD_Y;
        }

        void placeRow(List<List<String>> cells, RowKind kind, FontRole role, double[] left, double[] width,
                      BulletinDocument.Table t, boolean header) {
            double h = height(cells);
            double lineHeight = TABLE_SIZE * 1.4;
            List<TableRow.Cell> out = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                List<TextLine> lines = new ArrayList<>();
                List<String> cellLines = cells.get(i);
                double top = y + (h - cellLines.size() * lineHeight) / 2; // vertically centred
                boolean centre = header || t.centred().get(i);
                for (String l : cellLines) {
                    double w = fonts.width(role, l, TABLE_SIZE);
                    double lx = centre ? left[i] + (width[i] - w) / 2 : left[i] + PAD_X;
                    lines.add(line(l, role, TABLE_SIZE, lx, top, lineHeight));
                    top += lineHeight;
                }
                out.add(new TableRow.Cell(left[i], width[i], lines));
            }
            page.rows.add(new TableRow(kind, 0, y, h, out, false, false));
            y += h;
        }

        void figure(BulletinDocument.Figure f) {
            double w = g.contentWidth();
            double h = w / f.widthToHeight();
            room(h + LINE);
            pictures.add(new Placement(drafts.size() - 1, g.contentLeft(), y, w, h, f.picture()));
            y += h + 4;
            centred(f.caption(), FontRole.SUBTITLE, CAPTION_SIZE, LINE);
        }

        Layout finish() {
            List<LayoutPage> pages = new ArrayList<>();
            int count = drafts.size();
            for (int i = 0; i < count; i++) {
                Draft d = drafts.get(i);
                // 页码: "— 1 —" 7 mm below the text area, centred
                String number = "— " + (i + 1) + " —";
                double w = fonts.width(FontRole.BODY, number, PAGE_NUMBER_SIZE);
                List<TextLine> texts = new ArrayList<>(d.texts);
                texts.add(new TextLine(g.contentLeft() + (g.contentWidth() - w) / 2,
                        g.contentBottom() + PageGeometry.mm(7) + PAGE_NUMBER_SIZE * ASCENT, PAGE_NUMBER_SIZE,
                        FontRole.BODY, fonts.spans(FontRole.BODY, number, PAGE_NUMBER_SIZE)));
                pages.add(new LayoutPage(i + 1, count, g, texts, d.rows, d.rules));
            }
            return new Layout(pages, pictures);
        }
    }
}
