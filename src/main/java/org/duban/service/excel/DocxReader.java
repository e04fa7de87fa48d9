package org.duban.service.excel;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xwpf.usermodel.BodyElementType;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.duban.i18n.LocalizedException;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTVMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * A task list as most offices send it: a Word document (附件1, a title paragraph, then a table). Every table of the
 * document is read into one {@link Grid}, in order, so a list split into several tables (one per section, or a new
 * table after a page break) reads as one; the heading row is then found as in a workbook.
 *
 * <ul>
 *   <li>A cell's paragraphs are kept as lines ("1.…\n2.…"), with Word's automatic numbering written out.</li>
 *   <li>A cell merged across columns (gridSpan) stands in every column it covers, so the columns line up with the
 *       heading; a cell merged down rows (vMerge) gives its text to the rows below it, as a merged Excel cell does.
 *   </li>
 *   <li>Short paragraphs before and between the tables (the title, "附件1", a section heading written outside the
 *       table) are rows of one cell; text after the last table (signatures, notes) is not read.</li>
 *   <li>Rows are numbered as the tables' rows, counted from the first table's first row (paragraphs not counted),
 *       so a message's "第 12 行" is the twelfth table row of the document.</li>
 * </ul>
 */
final class DocxReader {
    /** A paragraph outside a table longer than this is prose, not a title or a section heading. */
    private static final int MAX_LOOSE_PARAGRAPH = 80;

    private DocxReader() {
    }

    /** The document's tables as one grid; refuses a document without a table. */
    static List<Grid> read(Path file, String name, int maxRows) {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
             XWPFDocument doc = new XWPFDocument(pkg)) {
            return List.of(new DocxReader.Reading(name, doc, maxRows).grid());
        } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException | RuntimeException e) {
            if (e instanceof LocalizedException l) {
                throw l;
            }
            LocalizedException f = SheetReader.failure(e, name);
            throw f.key().equals("excel.error.unreadable") ? new LocalizedException(e, "excel.error.docxUnreadable",
                    name) : f;
        }
    }

    /** One pass over a document's body. */
    private static final class Reading {
        private final String name;
        private final XWPFDocument doc;
        private final SheetRows rows;
        /** Row index in {@link #rows} → the number a message shows (0 for a paragraph outside the tables). */
        private final Map<Integer, Integer> numbers = new HashMap<>();
        private final Numbering numbering;
        private int index;
        private int tableRows;

        Reading(String name, XWPFDocument doc, int maxRows) {
            this.name = name;
            this.doc = doc;
            this.rows = new SheetRows(name, "Word", false, new SheetRows.TextBudget(name, maxRows));
            this.numbering = new Numbering(doc);
        }

        Grid grid() {
            List<IBodyElement> body = doc.getBodyElements();
            int lastTable = -1;
            for (int i = 0; i < body.size(); i++) {
                if (body.get(i).getElementType() == BodyElementType.TABLE) {
                    lastTable = i;
                }
            }
            if (lastTable < 0) {
                throw new LocalizedException("excel.error.noTables", name);
            }
            for (int i = 0; i <= lastTable; i++) {
                IBodyElement e = body.get(i);
                if (e instanceof XWPFTable t) {
                    table(t);
                } else if (e instanceof XWPFParagraph p) {
                    String text = SheetReader.tidy(p.getText());
                    if (!text.isEmpty() && text.length() <= MAX_LOOSE_PARAGRAPH) {
                        add(new String[] {text}, 0);
                    }
                }
            }
            Grid g = rows.toGrid();
            List<Grid.Row> renumbered = new ArrayList<>(g.rows().size());
            for (Grid.Row r : g.rows()) {
                renumbered.add(new Grid.Row(numbers.get(r.number() - 1), r.cells(), r.issues()));
            }
            return new Grid(g.sheetName(), false, renumbered);
        }

        private void add(String[] cells, int number) {
            rows.add(index, cells, List.of());
            numbers.put(index, number);
            index++;
        }

        private void table(XWPFTable table) {
            /* column → the row index where the vertical merge covering it began */
            Map<Integer, int[]> openMerges = new HashMap<>();
            for (XWPFTableRow row : table.getRows()) {
                List<String> cells = new ArrayList<>();
                int column = 0;
                for (XWPFTableCell cell : row.getTableCells()) {
                    if (cells.size() + 1 > SheetReader.MAX_COLUMNS) {
                        throw new LocalizedException("excel.error.tooManyColumns", name, cells.size() + 1,
                                SheetReader.MAX_COLUMNS);
                    }
                    CTTcPr pr = cell.getCTTc().getTcPr();
                    int span = pr != null && pr.getGridSpan() != null && pr.getGridSpan().getVal() != null
                            ? Math.max(1, Math.min(SheetReader.MAX_COLUMNS, pr.getGridSpan().getVal().intValue())) : 1;
                    CTVMerge vMerge = pr == null ? null : pr.getVMerge();
                    boolean continues = vMerge != null && (vMerge.getVal() == null || vMerge.getVal() == STMerge.CONTINUE);
                    if (continues && openMerges.containsKey(column)) {
                        openMerges.get(column)[1] = index; // extends the merge begun above; the cell itself is empty
                        cells.add("");
                    } else {
                        closeMerge(openMerges, column);
                        cells.add(text(cell));
                        if (vMerge != null && vMerge.getVal() == STMerge.RESTART) {
                            openMerges.put(column, new int[] {index, index, column, column + span - 1});
                        }
                    }
                    for (int s = 1; s < span; s++) {
                        cells.add("");
                    }
                    if (span > 1) {
                        rows.merge(index, index, column, column + span - 1);
                    }
                    column += span;
                }
                // a column this row does not continue ends its merge
                for (Integer c : new ArrayList<>(openMerges.keySet())) {
                    if (openMerges.get(c)[1] != index && openMerges.get(c)[0] != index) {
                        closeMerge(openMerges, c);
                    }
                }
                add(cells.toArray(String[]::new), ++tableRows);
            }
            for (Integer c : new ArrayList<>(openMerges.keySet())) {
                closeMerge(openMerges, c);
            }
        }

        private void closeMerge(Map<Integer, int[]> open, int column) {
            int[] m = open.remove(column);
            if (m != null && m[1] > m[0]) {
                rows.merge(m[0], m[1], m[2], m[3]);
            }
        }

        /** A cell's paragraphs as lines, numbered as Word shows them; a table inside the cell adds its text too. */
        private String text(XWPFTableCell cell) {
            List<String> lines = new ArrayList<>();
            for (IBodyElement e : cell.getBodyElements()) {
                if (e instanceof XWPFParagraph p) {
                    String t = p.getText().strip();
                    if (!t.isEmpty()) {
                        lines.add(numbering.label(p) + t);
                    }
                } else if (e instanceof XWPFTable inner) {
                    for (XWPFTableRow r : inner.getRows()) {
                        for (XWPFTableCell c : r.getTableCells()) {
                            String t = text(c);
                            if (!t.isEmpty()) {
                                lines.add(t);
                            }
                        }
                    }
                }
            }
            return SheetReader.tidy(String.join("\n", lines));
        }
    }

    /**
     * Word's automatic numbering written out ("1." before a measure typed without its number), counted per list and
     * level through the document, as Word counts; a deeper level starts again under each item above it.
     */
    private static final class Numbering {
        private final XWPFDocument doc;
        private final Map<String, Integer> counters = new HashMap<>();

        Numbering(XWPFDocument doc) {
            this.doc = doc;
        }

        String label(XWPFParagraph p) {
            BigInteger numId = p.getNumID();
            if (numId == null || doc.getNumbering() == null || numId.signum() == 0) {
                return "";
            }
            int level = p.getNumIlvl() == null ? 0 : p.getNumIlvl().intValue();
            String format = p.getNumFmt();
            String pattern = p.getNumLevelText();
            if ("bullet".equals(format) || pattern == null || format == null || "none".equals(format)) {
                return "";
            }
            String key = numId + "/" + level;
            int n = counters.merge(key, 1, Integer::sum);
            counters.keySet().removeIf(k -> k.startsWith(numId + "/") && level < levelOf(k));
            String label = pattern.replace("%" + (level + 1), format(n, format));
            for (int l = 0; l < level; l++) { // "%1.%2" names the counts of the levels above
                label = label.replace("%" + (l + 1), String.valueOf(counters.getOrDefault(numId + "/" + l, 1)));
            }
            return label.endsWith(".") || label.endsWith("、") || label.endsWith("）") || label.endsWith(")")
                    ? label : label + " ";
        }

        private static int levelOf(String key) {
            return Integer.parseInt(key.substring(key.indexOf('/') + 1));
        }

        private static String format(int n, String format) {
            return switch (format) {
                case "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographTraditional",
                     "taiwaneseCountingThousand" -> chinese(n);
                case "decimalEnclosedCircle", "decimalEnclosedCircleChinese" -> n >= 1 && n <= 20
                        ? String.valueOf((char) ('\u2460' + n - 1)) : String.valueOf(n);
                case "lowerLetter" -> String.valueOf((char) ('a' + (n - 1) % 26));
                case "upperLetter" -> String.valueOf((char) ('A' + (n - 1) % 26));
                default -> String.valueOf(n);
            };
        }

        private static String chinese(int n) {
            String digits = "零一二三四五六七八九";
            if (n < 10) {
                return String.valueOf(digits.charAt(Math.max(0, n)));
            }
            if (n < 100) {
                return (n / 10 == 1 ? "" : String.valueOf(digits.charAt(n / 10))) + "十"
                        + (n % 10 == 0 ? "" : String.valueOf(digits.charAt(n % 10)));
            }
            return String.valueOf(n);
        }
    }
}
