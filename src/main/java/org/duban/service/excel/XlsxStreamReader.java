package org.duban.service.excel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.duban.i18n.LocalizedException;

/**
 * Reads an .xlsx as a stream, row by row, with POI's event API ({@link XSSFReader} for the package's parts) and the
 * JDK's StAX parser for the sheet XML, instead of building POI's whole workbook in memory: a list of 1.6 million rows
 * took 4.7 GB that way before it could be refused. Here a sheet stops being read at its first row with text over
 * {@link SheetReader#MAX_ROWS}, shared strings are read only as far as cells ask for them, and every cell's text is
 * bounded ({@link SheetRows.TextBudget}); memory stays proportional to what is kept.
 *
 * <p>Cells read as {@link CellText} reads them from the usermodel: the same {@link DataFormatter} and cell styles,
 * dates as {@code 2026-06-30}, formulas by the result Excel saved, an error result as a {@link CellIssue}. Merged
 * areas come at the end of a sheet's XML and are filled in when the sheet is done, as before. A formula saved without
 * a result, or with an empty one ({@code <v/>}, as openpyxl writes it), is worked out afterwards by opening the
 * workbook whole when it is small ({@link #EVALUATE_CELLS}), else reported; never read as 0.
 */
final class XlsxStreamReader {
    /** Workbooks up to this many cells may be opened whole to work out formulas without results. */
    static final int EVALUATE_CELLS = 300_000;
    private static final XMLInputFactory XML = xmlFactory();

    private final Path file;
    private final String name;
    private final DataFormatter formatter = new DataFormatter(Locale.CHINA);
    private final SheetRows.TextBudget budget;
    private final Map<Integer, Format> formats = new HashMap<>();
    private final List<WorkbookReader.Formula> unworked = new ArrayList<>();
    private final List<String> unworkedFormulas = new ArrayList<>();
    private StylesTable styles;
    private SharedStrings strings;
    private boolean date1904;
    private long cellsRead;

    /** A style's number format, and whether it shows a date. */
    private record Format(int index, String pattern, boolean date) {
    }

    private XlsxStreamReader(Path file, String name, int maxRows) {
        this.file = file;
        this.name = name;
        this.budget = new SheetRows.TextBudget(name, maxRows);
    }

    /** Every sheet of the workbook in order. */
    static List<Grid> read(Path file, String name, int maxRows) {
        return new XlsxStreamReader(file, name, maxRows).read();
    }

    private List<Grid> read() {
        List<SheetRows> sheets = new ArrayList<>();
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            if (!isWorkbook(pkg)) { // a Word or PowerPoint file is a zip of the same kind
                throw new LocalizedException("excel.error.unreadable", name);
            }
            XSSFReader reader = new XSSFReader(pkg);
            List<WorkbookParts.SheetRef> refs;
            try (InputStream in = reader.getWorkbookData()) {
                WorkbookParts parts = WorkbookParts.read(XML, in);
                refs = parts.sheets();
                date1904 = parts.date1904();
            }
            styles = WorkbookParts.styles(reader, name);
            strings = new SharedStrings(XML, () -> reader.getSharedStringsData(), budget);
            try {
                for (int i = 0; i < refs.size(); i++) {
                    WorkbookParts.SheetRef ref = refs.get(i);
                    SheetRows rows = new SheetRows(name + " / " + ref.name(), ref.name(), ref.hidden(), budget);
                    // inflated on a thread of its own while this one parses (ReadAhead)
                    try (InputStream in = new ReadAhead(reader.getSheet(ref.relationId()), name)) {
                        readSheet(i, in, rows);
                    }
                    sheets.add(rows);
                }
            } finally {
                strings.close();
            }
        } catch (LocalizedException e) {
            throw e;
        } catch (IOException | XMLStreamException | RuntimeException | org.apache.poi.openxml4j.exceptions
                .OpenXML4JException e) {
            throw SheetReader.failure(e, name);
        }
        workOutFormulas(sheets);
        List<Grid> grids = new ArrayList<>(sheets.size());
        for (SheetRows rows : sheets) {
            grids.add(rows.toGrid());
        }
        return grids;
    }

    /**
     * The column (from 0) of a cell's reference as Excel writes it ({@code AB12}), read without POI's
     * {@link CellReference}, whose regular expressions took a quarter of reading a 10,000-row list (issue 24);
     * any other spelling ({@code $A$1}, lower case) is left to {@link CellReference}.
     */
    static int column(String ref) {
        int col = 0;
        int i = 0;
        while (i < ref.length() && i < 3 && ref.charAt(i) >= 'A' && ref.charAt(i) <= 'Z') {
            col = col * 26 + (ref.charAt(i) - 'A' + 1);
            i++;
        }
        boolean digits = i > 0 && i < ref.length() && ref.length() - i <= 7;
        for (int j = i; digits && j < ref.length(); j++) {
            digits = ref.charAt(j) >= '0' && ref.charAt(j) <= '9';
        }
        return digits ? col - 1 : new CellReference(ref).getCol();
    }

    private static boolean isWorkbook(OPCPackage pkg) {
        var core = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT);
        if (core.size() == 0) {
            return false;
        }
        PackagePart part = pkg.getPart(core.getRelationship(0));
        return part != null && part.getContentType().contains("spreadsheetml");
    }

    /** Formulas without results: worked out with the whole workbook when it is small, else reported. */
    private void workOutFormulas(List<SheetRows> sheets) {
        if (unworked.isEmpty()) {
            return;
        }
        List<CellText.Read> results = cellsRead <= EVALUATE_CELLS ? WorkbookReader.formulas(file, name, unworked)
                : null;
        for (int i = 0; i < unworked.size(); i++) {
            WorkbookReader.Formula f = unworked.get(i);
            CellText.Read r = results != null ? results.get(i) : new CellText.Read("=" + unworkedFormulas.get(i),
                    new CellIssue(f.column(), CellIssue.Kind.FORMULA_NOT_CALCULATED, "=" + unworkedFormulas.get(i)));
            sheets.get(f.sheet()).replace(f.row(), f.column(), r.text(), r.issue());
        }
    }

    // ---- one sheet --------------------------------------------------------------------------------------------

    /** The cell being read. */
    private static final class CellState {
        int column;
        String type;
        int style;
        final StringBuilder value = new StringBuilder();
        boolean hasValue;
        final StringBuilder formula = new StringBuilder();
        boolean hasFormula;
        final StringBuilder inline = new StringBuilder();

        void reset(int column, String type, int style) {
            this.column = column;
            this.type = type;
            this.style = style;
            value.setLength(0);
            hasValue = false;
            formula.setLength(0);
            hasFormula = false;
            inline.setLength(0);
        }
    }

    private void readSheet(int sheetIndex, InputStream in, SheetRows rows) throws XMLStreamException {
        XMLStreamReader x = XML.createXMLStreamReader(in);
        try {
            int rowIndex = -1;
            List<String> cells = new ArrayList<>();
            List<CellIssue> issues = new ArrayList<>();
            int widest = -1;
            CellState cell = new CellState();
            StringBuilder target = null;
            boolean inCell = false;
            boolean inInline = false;
            int phonetic = 0;
            while (x.hasNext()) {
                int event = x.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (x.getLocalName()) {
                        case "row" -> {
                            String r = x.getAttributeValue(null, "r");
                            rowIndex = r != null ? Integer.parseInt(r) - 1 : rowIndex + 1;
                            cells.clear();
                            issues.clear();
                            widest = -1;
                        }
                        case "c" -> {
                            String r = x.getAttributeValue(null, "r");
                            int column = r != null ? column(r) : cells.size();
                            String s = x.getAttributeValue(null, "s");
                            cell.reset(column, x.getAttributeValue(null, "t"), s == null ? 0 : Integer.parseInt(s));
                            inCell = true;
                        }
                        case "v" -> {
                            if (inCell) {
                                target = cell.value;
                                cell.hasValue = true;
                            }
                        }
                        case "f" -> {
                            if (inCell) {
                                target = cell.formula;
                                cell.hasFormula = true;
                            }
                        }
                        case "is" -> inInline = true;
                        case "rPh" -> phonetic++;
                        case "t" -> {
                            if (inInline && phonetic == 0) {
                                target = cell.inline;
                            }
                        }
                        case "mergeCell" -> {
                            String ref = x.getAttributeValue(null, "ref");
                            if (ref != null && ref.contains(":")) {
                                String[] ends = ref.split(":");
                                CellReference a = new CellReference(ends[0]);
                                CellReference b = new CellReference(ends[1]);
                                rows.merge(a.getRow(), b.getRow(), a.getCol(), b.getCol());
                            }
                        }
                        default -> {
                        }
                    }
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                        || event == XMLStreamConstants.SPACE) {
                    if (target != null && target.length() <= SheetRows.TextBudget.MAX_CELL) {
                        // the parser's own characters, not a String made of them for every text of every cell
                        target.append(x.getTextCharacters(), x.getTextStart(), Math.min(x.getTextLength(),
                                SheetRows.TextBudget.MAX_CELL + 1 - target.length()));
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    switch (x.getLocalName()) {
                        case "v", "f", "t" -> target = null;
                        case "is" -> inInline = false;
                        case "rPh" -> phonetic--;
                        case "c" -> {
                            inCell = false;
                            cellsRead++;
                            CellText.Read read = cellText(sheetIndex, rowIndex, cell);
                            if (read.text().isEmpty() && read.issue() == null && cell.column >= SheetReader.MAX_COLUMNS) {
                                break; // an empty formatted cell far to the right: nothing to read there
                            }
                            while (cells.size() <= cell.column) {
                                cells.add(null);
                            }
                            cells.set(cell.column, read.text());
                            if (!read.text().isEmpty() || read.issue() != null) {
                                widest = Math.max(widest, cell.column);
                            }
                            if (read.issue() != null) {
                                issues.add(read.issue());
                            }
                        }
                        case "row" -> {
                            if (widest >= SheetReader.MAX_COLUMNS) {
                                throw new LocalizedException("excel.error.tooManyColumns", rows.where(), widest + 1,
                                        SheetReader.MAX_COLUMNS);
                            }
                            rows.add(rowIndex, cells.toArray(new String[0]), issues);
                        }
                        default -> {
                        }
                    }
                }
            }
        } finally {
            x.close();
        }
    }

    /** A cell's text as the usermodel's {@link CellText} would give it; a formula without result is noted. */
    private CellText.Read cellText(int sheetIndex, int row, CellState c) {
        String type = c.type == null ? "n" : c.type;
        if (c.hasFormula && (!c.hasValue || c.value.isEmpty())) {
            unworked.add(new WorkbookReader.Formula(sheetIndex, row, c.column));
            unworkedFormulas.add(c.formula.toString());
            return new CellText.Read("", null); // worked out or reported once the sheets are read
        }
        String v = c.value.toString();
        return switch (type) {
            case "s" -> new CellText.Read(SheetReader.tidy(sharedString(v)), null);
            case "inlineStr" -> new CellText.Read(SheetReader.tidy(SharedStrings.decode(c.inline.toString())), null);
            case "str" -> new CellText.Read(SheetReader.tidy(SharedStrings.decode(v)), null);
            case "b" -> new CellText.Read(c.hasValue ? ("1".equals(v.strip()) ? "TRUE" : "FALSE") : "", null);
            case "e" -> {
                String shown = v.strip();
                String detail = c.hasFormula && !c.formula.isEmpty() ? shown + "（=" + c.formula + "）" : shown;
                yield new CellText.Read(shown, new CellIssue(c.column, CellIssue.Kind.FORMULA_ERROR, detail));
            }
            case "d" -> new CellText.Read(isoDate(v), null);
            default -> new CellText.Read(c.hasValue ? number(v, c.style) : "", null);
        };
    }

    private String sharedString(String index) {
        try {
            return strings.get(Integer.parseInt(index.strip()));
        } catch (NumberFormatException e) {
            return "";
        }
    }

    private String number(String v, int style) {
        double value;
        try {
            value = Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            return SheetReader.tidy(v);
        }
        Format f = formats.computeIfAbsent(style, this::format);
        if (f.date() && DateUtil.isValidExcelDate(value)) {
            return CellText.dateText(DateUtil.getLocalDateTime(value, date1904));
        }
        return CellText.numberText(formatter, value, f.index(), f.pattern());
    }

    private Format format(int styleIndex) {
        XSSFCellStyle style = styles == null ? null : styleAt(styleIndex);
        if (style == null) {
            return new Format(0, "General", false);
        }
        int index = style.getDataFormat();
        String pattern = style.getDataFormatString();
        return new Format(index, pattern, DateUtil.isADateFormat(index, pattern));
    }

    private XSSFCellStyle styleAt(int index) {
        try {
            return styles.getStyleAt(index);
        } catch (RuntimeException e) {
            return null; // a style the file does not define: General, as Excel shows it
        }
    }

    /** A cell of type "d" (ISO 8601), rare: as a date is shown everywhere else. */
    private static String isoDate(String v) {
        String s = v.strip();
        try {
            return s.length() <= 10 ? LocalDate.parse(s).toString() : CellText.dateText(LocalDateTime.parse(s));
        } catch (DateTimeParseException e) {
            return SheetReader.tidy(s);
        }
    }

    private static XMLInputFactory xmlFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        return f;
    }
}
