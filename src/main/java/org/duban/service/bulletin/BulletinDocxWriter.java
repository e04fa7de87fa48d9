package org.duban.service.bulletin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.duban.i18n.LocalizedException;
import org.duban.service.io.AtomicFiles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHdrFtr;

/**
 * Writes a bulletin as an ordinary Word document that staff edit before it goes out: real paragraphs (not text
 * boxes), a real table whose header row repeats on every page, the chart as a picture, page numbers in the
 * footer, A4 with the GB/T 9704 margins. Chinese text names the office fonts (eastAsia attribute): 方正小标宋简体
 * for the title, 黑体 for headings, 楷体_GB2312 for the issue line, 仿宋_GB2312 for the text; Latin letters and
 * digits use Times New Roman, as official documents set them. Word falls back to its own Chinese font where
 * one is missing.
 */
public final class BulletinDocxWriter {
    static final String TITLE_FONT = "方正小标宋简体";
    static final String HEADING_FONT = "黑体";
    static final String KAI_FONT = "楷体_GB2312";
    static final String BODY_FONT = "仿宋_GB2312";
    static final String LATIN_FONT = "Times New Roman";
    /** Twentieths of a point per millimetre. */
    private static final double TWIPS_PER_MM = 1440 / 25.4;
    /** Table text: 五号. */
    private static final double TABLE_SIZE = 10.5;
    /** Line pitch of official text, in points. */
    private static final int LINE_POINTS = 28;
    /** Width of the text area (210 − 28 − 26 mm) in twips, for table column widths. */
    private static final int TEXT_WIDTH = (int) Math.round((210 - 28 - 26) * TWIPS_PER_MM);

    private BulletinDocxWriter() {
    }

    /** Writes {@code doc} to {@code target} (beside it first, then moved into place). */
    public static void write(BulletinDocument doc, Path target) {
        try (XWPFDocument word = build(doc)) {
            AtomicFiles.write(target, word::write);
        } catch (IOException | InvalidFormatException e) {
            throw new LocalizedException(e, "bulletin.error.write", target, e.getMessage());
        }
    }

    static XWPFDocument build(BulletinDocument doc) throws IOException, InvalidFormatException {
        XWPFDocument word = new XWPFDocument();
        word.getProperties().getCoreProperties().setTitle(doc.title());
        word.getProperties().getCoreProperties().setCreator("督办台 Duban Desk");
        defaults(word);
        page(word);
        for (BulletinDocument.Block b : doc.blocks()) {
            if (b instanceof BulletinDocument.Title t) {
                XWPFParagraph p = paragraph(word, ParagraphAlignment.CENTER);
                p.setSpacingBetween(36, LineSpacingRule.EXACT);
                String[] lines = t.text().split("\n");
                XWPFRun r = run(p, lines[0], TITLE_FONT, 22, false);
                for (int i = 1; i < lines.length; i++) {
                    r.addBreak();
                    r.setText(lines[i], i);
                }
            } else if (b instanceof BulletinDocument.Centered c) {
                run(paragraph(word, ParagraphAlignment.CENTER), c.text(), KAI_FONT, 16, false);
            } else if (b instanceof BulletinDocument.Masthead m) {
                XWPFParagraph p = paragraph(word, ParagraphAlignment.BOTH);
                p.setBorderBottom(Borders.THICK);
                // the date flush right: a right tab stop at the end of the line
                p.getCTP().getPPr().addNewTabs().addNewTab().setPos(BigInteger.valueOf(TEXT_WIDTH));
                p.getCTP().getPPr().getTabs().getTabArray(0)
                        .setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc.RIGHT);
                XWPFRun r = run(p, m.left(), KAI_FONT, 14, false);
                r.addTab();
                r.setText(m.right(), 1);
            } else if (b instanceof BulletinDocument.Rule) {
                continue; // the masthead's bottom border is the rule
            } else if (b instanceof BulletinDocument.Heading h) {
                XWPFParagraph p = paragraph(word, ParagraphAlignment.BOTH);
                indentTwoCharacters(p);
                p.setKeepNext(true);
                run(p, h.text(), HEADING_FONT, 16, false);
            } else if (b instanceof BulletinDocument.Paragraph para) {
                XWPFParagraph p = paragraph(word, ParagraphAlignment.BOTH);
                indentTwoCharacters(p);
                run(p, para.text(), BODY_FONT, 16, false);
            } else if (b instanceof BulletinDocument.Addressee a) {
                run(paragraph(word, ParagraphAlignment.LEFT), a.text(), BODY_FONT, 16, false);
            } else if (b instanceof BulletinDocument.Table t) {
                table(word, t);
            } else if (b instanceof BulletinDocument.Figure f) {
                XWPFParagraph p = paragraph(word, ParagraphAlignment.CENTER);
                p.setSpacingBetween(1, LineSpacingRule.AUTO);
                p.setKeepNext(true);
                int widthPt = (int) Math.round(TEXT_WIDTH / 20.0);
                int heightPt = (int) Math.round(widthPt / f.widthToHeight());
                byte[] png = f.picture().png(widthPt * 3, heightPt * 3); // 216 dpi: sharp on paper
                p.createRun().addPicture(new ByteArrayInputStream(png), PictureType.PNG, "chart.png",
                        Units.toEMU(widthPt), Units.toEMU(heightPt));
                run(paragraph(word, ParagraphAlignment.CENTER), f.caption(), KAI_FONT, 14, false);
            } else if (b instanceof BulletinDocument.Note n) {
                run(paragraph(word, ParagraphAlignment.LEFT), n.text(), KAI_FONT, 10.5, false);
            } else if (b instanceof BulletinDocument.Signature s) {
                paragraph(word, ParagraphAlignment.RIGHT);
                for (String line : s.lines()) {
                    XWPFParagraph p = paragraph(word, ParagraphAlignment.RIGHT);
                    p.setIndentationRight(640); // four characters in from the right, as 落款 is set
                    run(p, line, BODY_FONT, 16, false);
                }
            }
        }
        footer(word);
        return word;
    }

    /** Document defaults: text typed anywhere by the editor comes out in 仿宋 三号 too. */
    private static void defaults(XWPFDocument word) {
        XWPFStyles styles = word.createStyles();
        CTFonts fonts = CTFonts.Factory.newInstance();
        fonts.setAscii(LATIN_FONT);
        fonts.setHAnsi(LATIN_FONT);
        fonts.setEastAsia(BODY_FONT);
        fonts.setCs(LATIN_FONT);
        styles.setDefaultFonts(fonts);
        styles.setEastAsia("zh-CN");
        styles.setSpellingLanguage("zh-CN");
    }

    /** A4 portrait, margins top 37, bottom 35, left 28, right 26 mm. */
    private static void page(XWPFDocument word) {
        CTSectPr sect = word.getDocument().getBody().isSetSectPr() ? word.getDocument().getBody().getSectPr()
                : word.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(Math.round(210 * TWIPS_PER_MM)));
        size.setH(BigInteger.valueOf(Math.round(297 * TWIPS_PER_MM)));
        CTPageMar mar = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(Math.round(37 * TWIPS_PER_MM)));
        mar.setBottom(BigInteger.valueOf(Math.round(35 * TWIPS_PER_MM)));
        mar.setLeft(BigInteger.valueOf(Math.round(28 * TWIPS_PER_MM)));
        mar.setRight(BigInteger.valueOf(Math.round(26 * TWIPS_PER_MM)));
        mar.setFooter(BigInteger.valueOf(Math.round(28 * TWIPS_PER_MM)));
        mar.setHeader(BigInteger.valueOf(Math.round(15 * TWIPS_PER_MM)));
    }

    /** "— 1 —" centred in the footer, from a PAGE field so that it stays right after editing. */
    private static void footer(XWPFDocument word) {
        XWPFHeaderFooterPolicy policy = word.createHeaderFooterPolicy();
        XWPFFooter footer = policy.createFooter(STHdrFtr.DEFAULT);
        XWPFParagraph p = footer.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        run(p, "— ", BODY_FONT, 14, false);
        p.getCTP().addNewFldSimple().setInstr("PAGE");
        var fieldRun = p.getCTP().getFldSimpleArray(0).addNewR();
        fieldRun.addNewT().setStringValue("1");
        run(p, " —", BODY_FONT, 14, false);
    }

    private static void table(XWPFDocument word, BulletinDocument.Table t) {
        int cols = t.header().size();
        XWPFTable table = word.createTable(t.rows().size() + 1, cols);
        table.setTableAlignment(TableRowAlign.CENTER);
        table.setCellMargins(60, 80, 60, 80); // twips: a little air around the text, as Word's own tables have
        table.setWidthType(TableWidthType.DXA);
        table.setWidth(String.valueOf(TEXT_WIDTH));
        double total = t.weights().stream().mapToDouble(Double::doubleValue).sum();
        int[] widths = new int[cols];
        for (int i = 0; i < cols; i++) {
            widths[i] = (int) Math.round(TEXT_WIDTH * t.weights().get(i) / total);
        }
        var grid = table.getCTTbl().getTblGrid() == null ? table.getCTTbl().addNewTblGrid() : table.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int w : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(w));
        }
        XWPFTableRow header = table.getRow(0);
        header.setHeight(400); // at least 20 pt: headers sit in a row of their own
        header.setHeightRule(org.apache.poi.xwpf.usermodel.TableRowHeightRule.AT_LEAST);
        header.setRepeatHeader(true);
        header.setCantSplitRow(true);
        for (int c = 0; c < cols; c++) {
            cell(header.getCell(c), t.header().get(c), widths[c], true, HEADING_FONT);
        }
        for (int r = 0; r < t.rows().size(); r++) {
            XWPFTableRow row = table.getRow(r + 1);
            row.setCantSplitRow(true);
            row.setHeight(360);
            row.setHeightRule(org.apache.poi.xwpf.usermodel.TableRowHeightRule.AT_LEAST);
            List<String> values = t.rows().get(r);
            for (int c = 0; c < cols; c++) {
                cell(row.getCell(c), c < values.size() ? values.get(c) : "", widths[c], t.centred().get(c), BODY_FONT);
            }
        }
        paragraph(word, ParagraphAlignment.LEFT).setSpacingBetween(1, LineSpacingRule.AUTO);
    }

    private static void cell(XWPFTableCell cell, String text, int width, boolean centred, String font) {
        cell.setWidthType(TableWidthType.DXA);
        cell.setWidth(String.valueOf(width));
        cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.setAlignment(centred ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
        p.setSpacingBetween(1, LineSpacingRule.AUTO);
        p.setSpacingAfter(0);
        run(p, text, font, TABLE_SIZE, false);
    }

    /** First line two characters in (三号: 2 × 16 pt), also in characters so that it follows a size change. */
    private static void indentTwoCharacters(XWPFParagraph p) {
        p.setIndentationFirstLine(2 * 16 * 20);
        p.getCTP().getPPr().getInd().setFirstLineChars(BigInteger.valueOf(200));
    }

    private static XWPFParagraph paragraph(XWPFDocument word, ParagraphAlignment alignment) {
        XWPFParagraph p = word.createParagraph();
        p.setAlignment(alignment);
        p.setSpacingBetween(LINE_POINTS, LineSpacingRule.EXACT); // points for EXACT
        p.setSpacingAfter(0);
        p.setSpacingBefore(0);
        return p;
    }

    private static XWPFRun run(XWPFParagraph p, String text, String chineseFont, double size, boolean bold) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setFontSize(size);
        r.setBold(bold);
        r.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.ascii);
        r.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.hAnsi);
        r.setFontFamily(chineseFont, XWPFRun.FontCharRange.eastAsia);
        return r;
    }
}
