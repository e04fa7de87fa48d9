package org.duban.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

/**
 * Task lists as Word documents, written with POI's XWPF the way offices lay them out: "附件1", a title paragraph, a
 * table whose section rows are one cell spanning the table (gridSpan), cells of several paragraphs, measures numbered
 * by Word itself, and cells merged down several rows (vMerge).
 *
 * <p>A cell is given as text: "\n" starts a new paragraph; {@link #NUMBERED} in front numbers each paragraph with
 * Word's automatic numbering ("1." "2." not typed); {@link #UP} continues the cell above (vMerge), and a cell starting
 * with {@link #DOWN} begins such a merge; a row of one {@link #SPAN} cell is a section row across the table.
 */
public final class WordLists {
    public static final String NUMBERED = "#num#";
    public static final String UP = "^";
    public static final String DOWN = "v:";
    public static final String SPAN = "§";

    private WordLists() {
    }

    /** Writes a document: the paragraphs above, then one table per list of rows (heading first in the first). */
    @SafeVarargs
    public static Path write(Path file, List<String> above, List<List<String>>... tables) {
        try (XWPFDocument doc = new XWPFDocument()) {
            BigInteger numbering = numbering(doc);
            for (String text : above) {
                XWPFParagraph p = doc.createParagraph();
                if (text.contains("清单")) {
                    p.setAlignment(ParagraphAlignment.CENTER);
                }
                XWPFRun r = p.createRun();
                r.setText(text);
                r.setFontFamily("方正小标宋简体");
            }
            for (List<List<String>> rows : tables) {
                int width = rows.stream().mapToInt(List::size).max().orElse(1);
                XWPFTable table = doc.createTable(rows.size(), width);
                for (int r = 0; r < rows.size(); r++) {
                    fill(table.getRow(r), rows.get(r), width, numbering);
                }
                doc.createParagraph(); // Word keeps a paragraph between tables
            }
            XWPFParagraph sign = doc.createParagraph();
            sign.createRun().setText("宁德市生态环境保护委员会办公室 2026年3月19日印发。本清单由市生态环境局负责解释，"
                    + "各责任单位应于每月25日前报送整改进展情况，逾期不报的将予以通报。");
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                doc.write(out);
            }
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void fill(XWPFTableRow row, List<String> cells, int width, BigInteger numbering) {
        if (cells.size() == 1 && cells.get(0).startsWith(SPAN)) {
            XWPFTableCell cell = row.getCell(0);
            while (row.getTableCells().size() > 1) {
                row.removeCell(1);
            }
            (cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr()).addNewGridSpan().setVal(BigInteger.valueOf(width));
            text(cell, cells.get(0).substring(SPAN.length()), numbering);
            return;
        }
        for (int c = 0; c < width; c++) {
            XWPFTableCell cell = row.getCell(c);
            String text = c < cells.size() ? cells.get(c) : "";
            CTTcPr pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
            if (text.equals(UP)) {
                pr.addNewVMerge(); // no val: continue
                text(cell, "", numbering);
            } else if (text.startsWith(DOWN)) {
                pr.addNewVMerge().setVal(STMerge.RESTART);
                text(cell, text.substring(DOWN.length()), numbering);
            } else {
                text(cell, text, numbering);
            }
        }
    }

    private static void text(XWPFTableCell cell, String text, BigInteger numbering) {
        boolean numbered = text.startsWith(NUMBERED);
        String body = numbered ? text.substring(NUMBERED.length()) : text;
        String[] paragraphs = body.split("\n", -1);
        XWPFParagraph first = cell.getParagraphs().get(0);
        // each cell's list starts again at 1, as Word's "重新开始编号" does: a new w:num over the same list
        BigInteger numId = numbered ? numberingOf(cell).addNum(numbering) : null;
        for (int i = 0; i < paragraphs.length; i++) {
            XWPFParagraph p = i == 0 ? first : cell.addParagraph();
            if (numbered) {
                p.setNumID(numId);
                p.setNumILvl(BigInteger.ZERO);
            }
            if (!paragraphs[i].isEmpty()) {
                XWPFRun r = p.createRun();
                r.setText(paragraphs[i]);
                r.setFontFamily("仿宋_GB2312");
            }
        }
    }

    private static XWPFNumbering numberingOf(XWPFTableCell cell) {
        return cell.getTableRow().getTable().getBody().getXWPFDocument().getNumbering();
    }

    /** A decimal list "1." "2." as Word's numbering button makes; its abstract id. */
    private static BigInteger numbering(XWPFDocument doc) {
        CTAbstractNum abstractNum = CTAbstractNum.Factory.newInstance();
        abstractNum.setAbstractNumId(BigInteger.ONE);
        CTLvl lvl = abstractNum.addNewLvl();
        lvl.setIlvl(BigInteger.ZERO);
        lvl.addNewStart().setVal(BigInteger.ONE);
        lvl.addNewNumFmt().setVal(STNumberFormat.DECIMAL);
        lvl.addNewLvlText().setVal("%1.");
        XWPFNumbering numbering = doc.createNumbering();
        return numbering.addAbstractNum(new XWPFAbstractNum(abstractNum));
    }
}
